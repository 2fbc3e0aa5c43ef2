import { type SourceLocator, type SourcePoint, sourceLocator } from '../source-location.js';
import type { Position } from 'unist';

/** Unist points and positions for UTF-16 offsets of one text, from core's one offset ↔ line model. */
export class TextPositions {
  private readonly locator: SourceLocator;

  constructor(readonly text: string) {
    this.locator = sourceLocator(text);
  }

  point(offset: number): SourcePoint {
    return this.locator.point(offset);
  }

  position(start: number, end: number = start): Position {
    return { start: this.point(start), end: this.point(end) };
  }

  /** Offset where the line holding `offset` begins. */
  lineStart(offset: number): number {
    return this.locator.offset({ line: this.point(offset).line, column: 1 }) ?? 0;
  }
}
