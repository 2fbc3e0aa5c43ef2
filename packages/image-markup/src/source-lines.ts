/** Offset of the first character of the line that holds `offset`. */
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

/** Visual column after `prefix` (tabs stop every 4 columns, as in CommonMark). */
export function columnAfter(prefix: string): number {
  let column = 0;
  for (const char of prefix) column = char === '\t' ? column + 4 - (column % 4) : column + 1;
  return column;
}
