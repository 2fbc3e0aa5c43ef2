import { writeFileAtomic } from '@llm-notes/core';
import type { ReadmeResult } from './generate-readme.js';

/** Writes what changed, each file atomically: the notes first, the README last. Returns the paths written. */
export function writeReadmeResult(result: ReadmeResult): string[] {
  const written: string[] = [];
  for (const update of [...result.notes, result.readme]) {
    if (!update.changed) continue;
    writeFileAtomic(update.absolute, update.bytes);
    written.push(update.relPath);
  }
  return written;
}
