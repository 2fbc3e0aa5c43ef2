/** Stands for a masked character (code, HTML, URL): neither space nor `$`. */
export const MASK_CHAR = '\uFFFC';

export function isWhitespace(char: string | undefined): boolean {
  return char !== undefined && /\s/u.test(char);
}

export function isAsciiAlphanumeric(char: string | undefined): boolean {
  return char !== undefined && /[A-Za-z0-9]/u.test(char);
}

export function isLetter(char: string | undefined): boolean {
  return char !== undefined && /\p{L}/u.test(char);
}

/** Number of backslashes right before `offset` (an odd count escapes the character). */
export function backslashesBefore(text: string, offset: number, floor = 0): number {
  let count = 0;
  while (offset - count - 1 >= floor && text[offset - count - 1] === '\\') count++;
  return count;
}

/** Shows a character in a message, naming the invisible ones. */
export function showChar(char: string | undefined): string {
  if (char === undefined || char === '\n') return 'the line end';
  if (char === MASK_CHAR) return 'markup';
  return `\`${char}\``;
}

/** Shortens a formula for a message. */
export function preview(text: string, max = 40): string {
  const flat = text.replace(/\s*\n\s*/gu, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
