import type { TextEdit } from '@llm-notes/core';
import { lineStartOf } from '@llm-notes/core';
import { columnAfter } from './visual-column.js';

/**
 * What every line of a paragraph must start with to stay in the paragraph's
 * containers (blockquotes, list items), derived from its first line.
 */
export interface ContainerPrefix {
  /** Prefix of a continuation line: `>` markers kept, list markers turned into spaces. */
  readonly continuation: string;
  /** Prefix of a blank line inside the same containers (the continuation without trailing blanks). */
  readonly blank: string;
  readonly quoteDepth: number;
  /** Visual column where the paragraph's content starts. */
  readonly column: number;
  /** Smallest column a continuation line may start at and still belong to the innermost container. */
  readonly minColumn: number;
}

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/u;
/** A GFM task box sits after the list marker; continuation lines align with the box, not the text. */
const TASK_BOX = /\[[ xX]\][ \t]+$/u;

function countQuotes(prefix: string): number {
  let count = 0;
  for (const char of prefix) if (char === '>') count++;
  return count;
}

/**
 * The container prefix of the paragraph starting at `paragraphStart`, or
 * undefined when its first line holds something this module does not know
 * (a footnote definition…), in which case no line may be moved.
 */
export function containerPrefixAt(text: string, paragraphStart: number): ContainerPrefix | undefined {
  let raw = text.slice(lineStartOf(text, paragraphStart), paragraphStart);
  const task = TASK_BOX.exec(raw);
  if (task) raw = raw.slice(0, task.index);
  let continuation = '';
  let innermostIsList = false;
  let rest = raw;
  while (rest.length > 0) {
    const char = rest[0] as string;
    if (char === ' ' || char === '\t') {
      continuation += char;
      rest = rest.slice(1);
      continue;
    }
    if (char === '>') {
      continuation += char;
      innermostIsList = false;
      rest = rest.slice(1);
      continue;
    }
    const marker = LIST_MARKER.exec(rest);
    if (!marker) return undefined;
    continuation += ' '.repeat(marker[0].length);
    innermostIsList = true;
    rest = rest.slice(marker[0].length);
  }
  // A task box leaves the marker's spacing in `continuation`; pad to the item's content column.
  const column = columnAfter(continuation);
  const lastQuote = continuation.lastIndexOf('>');
  const minColumn = innermostIsList ? column : lastQuote === -1 ? 0 : columnAfter(continuation.slice(0, lastQuote + 1));
  return { continuation, blank: continuation.trimEnd(), quoteDepth: countQuotes(continuation), column, minColumn };
}

/**
 * True when a line whose own prefix is `actual` would still belong to the
 * paragraph's containers once it starts a new block: same quote depth, and
 * indented enough for the list item but not so much that it turns into code.
 */
export function keepsContainers(actual: string, prefix: ContainerPrefix): boolean {
  const column = columnAfter(actual);
  return countQuotes(actual) === prefix.quoteDepth && column >= prefix.minColumn && column <= prefix.column + 3;
}

/**
 * The edit that puts a blank line (carrying the containers' `>` markers)
 * before the line starting at `lineStart`, whose content starts at
 * `contentStart`. A lazy or over-indented line also gets the paragraph's
 * continuation prefix, so it stays in its list item or blockquote.
 */
export function blankLineBefore(text: string, lineStart: number, contentStart: number, prefix: ContainerPrefix): TextEdit {
  const actual = text.slice(lineStart, contentStart);
  if (keepsContainers(actual, prefix)) return { start: lineStart, end: lineStart, text: `${prefix.blank}\n` };
  return { start: lineStart, end: contentStart, text: `${prefix.blank}\n${prefix.continuation}` };
}
