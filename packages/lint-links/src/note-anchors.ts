import { MAX_NOTE_BYTES, cached, decodeText, parseAhead, readRegularFile } from '@llm-notes/core';
import { noteFacts } from './facts.js';
import type { LinkEnv } from './link-env.js';

/** True for files GitHub renders as Markdown (and so gives heading anchors). */
export function isMarkdownPath(file: string): boolean {
  return /\.(?:md|markdown|mdown|mkdn)$/iu.test(file);
}

/** Cache key under which the anchors of a note are kept for a run (a runner may fill it in advance). */
export function anchorsCacheKey(absolute: string): string {
  return `lint-links:anchors:${absolute}`;
}

/**
 * Anchors of another note, parsed once per run. `absolute` must already be
 * checked to lie inside the root. An unreadable file has none.
 */
export function anchorsOfNote(env: LinkEnv, absolute: string): ReadonlySet<string> {
  const key = anchorsCacheKey(absolute);
  const known = env.cache.get(key);
  if (known) return known as ReadonlySet<string>;
  const anchors = cached(env.cache, `lint-links:anchor-set:${absolute}`, () => {
    try {
      const { text } = decodeText(readRegularFile(absolute, absolute, { maxBytes: MAX_NOTE_BYTES }), absolute);
      // Kept for the linter's own turn on that note: parsed once per run.
      return new Set(noteFacts(parseAhead(env.context ? env.cache : undefined, text), text).anchors);
    } catch {
      return new Set<string>();
    }
  });
  env.cache.set(key, anchors);
  return anchors;
}

/** Records the anchors of the note being linted, so other notes of the run reuse them. */
export function rememberAnchors(env: LinkEnv, anchors: readonly string[]): ReadonlySet<string> {
  const key = anchorsCacheKey(env.notePath);
  const known = env.cache.get(key) as ReadonlySet<string> | undefined;
  if (known) return known;
  const set = new Set(anchors);
  env.cache.set(key, set);
  return set;
}
