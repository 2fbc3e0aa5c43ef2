import { FileChangedError, writeFileAtomic } from '@llm-notes/core';
import type { ReadmeResult } from './generate-readme.js';

export interface WrittenReadme {
  /** Paths written. */
  readonly written: string[];
  /** Files left alone because they changed on disk after they were read (one message each). */
  readonly changedMeanwhile: FileChangedError[];
}

/**
 * Writes what changed, each file atomically and only if it is still as it was
 * read (compare-and-swap): the notes first, the README last.
 */
export function writeReadmeResult(result: ReadmeResult): WrittenReadme {
  const written: string[] = [];
  const changedMeanwhile: FileChangedError[] = [];
  for (const update of [...result.notes, result.readme]) {
    if (!update.changed) continue;
    try {
      writeFileAtomic(update.absolute, update.bytes, { root: result.root, ...(update.stamp === undefined ? {} : { unchangedSince: update.stamp }) });
      written.push(update.relPath);
    } catch (error) {
      if (!(error instanceof FileChangedError)) throw error;
      changedMeanwhile.push(error);
    }
  }
  return { written, changedMeanwhile };
}
