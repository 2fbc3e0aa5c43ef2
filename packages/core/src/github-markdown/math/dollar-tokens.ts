import { backslashesBefore } from './characters.js';
import type { SegmentView } from './segment-view.js';

/** A run of unescaped, unmasked `$` in prose. */
export interface DollarRun {
  readonly start: number;
  readonly length: number;
}

/**
 * The `$` runs of a segment. A `$` after an odd number of backslashes is a
 * literal dollar (`\$`), as on GitHub; the rest of its run stands alone.
 */
export function dollarRuns(view: SegmentView): DollarRun[] {
  const runs: DollarRun[] = [];
  let index = view.start;
  while (index < view.end) {
    if (view.charAt(index) !== '$') {
      index++;
      continue;
    }
    if (backslashesBefore(view.text, index, view.start) % 2 === 1) {
      index++;
      continue;
    }
    let length = 1;
    while (view.charAt(index + length) === '$') length++;
    runs.push({ start: index, length });
    index += length;
  }
  return runs;
}

