import { MASK_CHAR, isWhitespace } from './characters.js';
import type { Segment } from './markdown-regions.js';
import type { TextPositions } from './text-positions.js';

/** Reads one segment of the file with masked characters hidden. */
export class SegmentView {
  constructor(
    readonly text: string,
    private readonly masked: Uint8Array,
    readonly segment: Segment,
    private readonly positions: TextPositions,
  ) {}

  /** 1-based line of `offset` in the file (core's one offset → line locator). */
  line(offset: number): number {
    return this.positions.point(offset).line;
  }

  /** Offset where the line holding `offset` begins. */
  lineStart(offset: number): number {
    return this.positions.lineStart(offset);
  }

  get start(): number {
    return this.segment.start;
  }

  get end(): number {
    return this.segment.end;
  }

  /** Hides a range from later reads (a code span found by the scan). */
  mask(start: number, end: number): void {
    this.masked.fill(1, start, end);
  }

  isMasked(offset: number): boolean {
    return this.masked[offset] === 1;
  }

  /** The character at `offset` as prose sees it; undefined outside the segment (a link text sees its brackets). */
  charAt(offset: number): string | undefined {
    if (this.segment.linkText && (offset === this.segment.start - 1 || offset === this.segment.end)) return this.text[offset];
    if (offset < this.segment.start || offset >= this.segment.end) return undefined;
    return this.masked[offset] === 1 ? MASK_CHAR : this.text[offset];
  }

  /** True when only indentation or blockquote markers precede `offset` on its line (never in a link text: its `[` does). */
  atLineStart(offset: number): boolean {
    for (let index = offset - 1; index >= this.segment.start; index--) {
      const char = this.text[index];
      if (char === '\n') return true;
      if (char !== '>' && !isWhitespace(char)) return false;
    }
    return !this.segment.linkText;
  }

  /** True when only whitespace follows `offset` up to the end of its line (never in a link text: its `]` does). */
  atLineEnd(offset: number): boolean {
    for (let index = offset; index < this.segment.end; index++) {
      const char = this.text[index];
      if (char === '\n') return true;
      if (!isWhitespace(char)) return false;
    }
    return !this.segment.linkText;
  }
}
