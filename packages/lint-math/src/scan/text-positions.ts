import type { Position } from 'unist';

/** Converts UTF-16 offsets of one text into unist points (1-based line and column). */
export class TextPositions {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let index = 0; index < text.length; index++) if (text[index] === '\n') this.lineStarts.push(index + 1);
  }

  point(offset: number): { line: number; column: number; offset: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (this.lineStarts[low] ?? 0) + 1, offset };
  }

  position(start: number, end: number = start): Position {
    return { start: this.point(start), end: this.point(end) };
  }

  /** Offset where the line holding `offset` begins. */
  lineStart(offset: number): number {
    return this.lineStarts[this.point(offset).line - 1] ?? 0;
  }
}
