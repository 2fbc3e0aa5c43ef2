import type { Root } from 'mdast';
import { parseMarkdown } from './processor.js';

/** Key of the trees parsed ahead in a run's shared data. */
const PARSED_AHEAD = 'core:parsed-ahead';

/**
 * Trees parsed before their note's turn (a rule read another note's headings),
 * kept until the linter reaches that note, so a note is parsed once per run.
 * Keyed by the exact text; at most `LIMIT` wait, the oldest leaves first
 * (notes mostly link to their neighbours, which the run lints soon after).
 */
const LIMIT = 8;

type Waiting = Map<string, Root>;

function waitingIn(shared: Map<string, unknown>): Waiting {
  let waiting = shared.get(PARSED_AHEAD) as Waiting | undefined;
  if (!waiting) {
    waiting = new Map();
    shared.set(PARSED_AHEAD, waiting);
  }
  return waiting;
}

/** Parses `text` (another note's) and keeps the tree for the linter's turn on that note. */
export function parseAhead(shared: Map<string, unknown> | undefined, text: string): Root {
  const tree = parseMarkdown(text);
  if (!shared) return tree;
  const waiting = waitingIn(shared);
  waiting.delete(text);
  waiting.set(text, tree);
  if (waiting.size > LIMIT) waiting.delete(waiting.keys().next().value as string);
  return tree;
}

/** The tree parsed ahead for exactly this text, if one waits (it is handed over once). */
export function takeParsedAhead(shared: Map<string, unknown> | undefined, text: string): Root | undefined {
  const waiting = shared?.get(PARSED_AHEAD) as Waiting | undefined;
  const tree = waiting?.get(text);
  if (tree) waiting?.delete(text);
  return tree;
}
