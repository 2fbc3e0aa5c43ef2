/** Visual column after `prefix` (tabs stop every 4 columns, as in CommonMark). */
export function columnAfter(prefix: string): number {
  let column = 0;
  for (const char of prefix) column = char === '\t' ? column + 4 - (column % 4) : column + 1;
  return column;
}
