import { backslashesBefore } from './characters.js';
import type { SegmentView } from './segment-view.js';

export interface BacktickMath {
  readonly start: number;
  readonly end: number;
  readonly contentStart: number;
  readonly contentEnd: number;
}

function runLength(text: string, offset: number): number {
  let length = 0;
  while (text[offset + length] === '`') length++;
  return length;
}

/**
 * Backtick runs of a segment by length, each list in order, with a cursor:
 * finding the closing run is a lookup, not a scan (long lines stay linear).
 */
class BacktickRuns {
  private readonly byLength = new Map<number, number[]>();
  private readonly cursors = new Map<number, number>();

  constructor(view: SegmentView) {
    let index = view.start;
    while (index < view.end) {
      if (view.text[index] !== '`' || view.isMasked(index)) {
        index++;
        continue;
      }
      const length = runLength(view.text, index);
      const list = this.byLength.get(length);
      if (list) list.push(index);
      else this.byLength.set(length, [index]);
      index += length;
    }
  }

  /** Offset of the first run of exactly `length` starting at or after `from`, or -1. Calls must not go backwards. */
  next(length: number, from: number): number {
    const list = this.byLength.get(length) ?? [];
    let cursor = this.cursors.get(length) ?? 0;
    while (cursor < list.length && (list[cursor] as number) < from) cursor++;
    this.cursors.set(length, cursor);
    return cursor < list.length ? (list[cursor] as number) : -1;
  }
}

/**
 * Finds GitHub's `` $`…`$ `` math and masks the code spans of a segment.
 * Done on the raw text, in one left-to-right pass as CommonMark does,
 * because a `$` before a backtick run makes it math, not code: remark's own
 * code spans may be cut differently there.
 */
export function scanBackticks(view: SegmentView): BacktickMath[] {
  const found: BacktickMath[] = [];
  const text = view.text;
  const runs = new BacktickRuns(view);
  let index = view.start;
  while (index < view.end) {
    if (text[index] !== '`' || view.isMasked(index)) {
      index++;
      continue;
    }
    const length = runLength(text, index);
    if (backslashesBefore(text, index, view.start) % 2 === 1) {
      index += 1;
      continue;
    }
    const close = runs.next(length, index + length);
    if (close < 0) {
      index += length;
      continue;
    }
    const dollarBefore = text[index - 1] === '$' && text[index - 2] !== '$' && !view.isMasked(index - 1) && backslashesBefore(text, index - 1, view.start) % 2 === 0;
    const dollarAfter = text[close + length] === '$' && text[close + length + 1] !== '$';
    if (dollarBefore && dollarAfter) {
      found.push({ start: index - 1, end: close + length + 1, contentStart: index + length, contentEnd: close });
      view.mask(index + length, close);
    } else {
      view.mask(index, close + length);
    }
    index = close + length;
  }
  return found;
}
