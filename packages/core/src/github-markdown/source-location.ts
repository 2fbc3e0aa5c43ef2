import { location } from 'vfile-location';

export interface SourcePoint {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, in UTF-16 code units. */
  readonly column: number;
  readonly offset: number;
}

export interface SourceLocator {
  /** Line and column of `offset` (clamped to the text). */
  point(offset: number): SourcePoint;
  /** Offset of a line/column, or undefined when the text has no such place. */
  offset(point: { line: number; column: number }): number | undefined;
}

/**
 * Offset ↔ line/column for one text (LF or CRLF: a line ends after `\n`),
 * built on vfile-location; the line table is built once per text.
 */
export function sourceLocator(text: string): SourceLocator {
  const place = location(text);
  return {
    point(offset) {
      const clamped = Math.max(0, Math.min(offset, text.length));
      const found = place.toPoint(clamped);
      if (found) return { line: found.line, column: found.column, offset: clamped };
      // vfile-location has no point for the very end of a text ending in a line break.
      const before = clamped > 0 ? place.toPoint(clamped - 1) : undefined;
      return before ? { line: before.line + 1, column: 1, offset: clamped } : { line: 1, column: 1, offset: clamped };
    },
    offset(point) {
      return place.toOffset(point);
    },
  };
}

/** 1-based line holding `offset` in `text`. */
export function lineOfOffset(text: string, offset: number): number {
  return sourceLocator(text).point(offset).line;
}
