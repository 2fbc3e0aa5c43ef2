/**
 * Notes larger than this are refused: a real note is a few dozen kilobytes,
 * and parsing a huge file would only stall CI.
 */
export const MAX_NOTE_BYTES = 10 * 1024 * 1024;
