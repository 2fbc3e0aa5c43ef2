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

/** Offset of the first character of the line that holds `offset` (lines end after `\n`, as above). */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the line break (`\n`, or the `\r` of `\r\n`) ending the line that holds `offset`, or the text length. */
export function lineEndOf(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline === -1) return text.length;
  return newline > 0 && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
}

/** Offset of the line after the one holding `offset`, or undefined on the last line. */
export function nextLineStartOf(text: string, offset: number): number | undefined {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? undefined : newline + 1;
}

/**
 * Line of a byte offset in bytes that are not valid UTF-8 (an error report
 * before decoding): read as latin1, one byte is one character, so the same
 * locator counts the line.
 */
export function lineOfByte(bytes: Uint8Array, offset: number): number {
  const end = Math.max(0, Math.min(offset, bytes.length));
  return lineOfOffset(new TextDecoder('latin1').decode(bytes.subarray(0, end)), end);
}
