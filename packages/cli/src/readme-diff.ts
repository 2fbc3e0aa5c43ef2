import type { FileUpdate } from '@llm-notes/readme';
import { createTwoFilesPatch } from 'diff';
import type { Output } from './command.js';

/** Lines of diff shown per file by default: enough to see what is stale, short enough for CI logs. */
export const DIFF_LINES = 40;

/** Prints the unified diff of a stale generated file, cut at `DIFF_LINES` unless `full`. */
export function printDiff(update: FileUpdate, out: Output, full: boolean): void {
  const patch = createTwoFilesPatch(`a/${update.relPath}`, `b/${update.relPath}`, update.before ?? '', update.after, '', '', { context: 2 });
  const lines = patch
    .split('\n')
    .filter((line) => !line.startsWith('=====') && !line.startsWith('Index:'))
    .map((line) => (line.startsWith('--- ') || line.startsWith('+++ ') ? line.trimEnd() : line));
  while (lines.at(-1) === '') lines.pop();
  const shown = full ? lines : lines.slice(0, DIFF_LINES);
  out.write(`${shown.join('\n')}\n`);
  if (shown.length < lines.length) out.write(`… ${lines.length - shown.length} more diff lines (\`--full-diff\` shows them all)\n`);
}

/** The first line (1-based) where the file on disk and the generated text differ. */
export function firstDifferentLine(before: string, after: string): number {
  const old = before.split('\n');
  const wanted = after.split('\n');
  const length = Math.max(old.length, wanted.length);
  for (let index = 0; index < length; index++) {
    if (old[index] !== wanted[index]) return Math.min(index, old.length - 1) + 1;
  }
  return 1;
}
