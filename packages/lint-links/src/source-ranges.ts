/** Finds the bytes of a link destination in the Markdown source, for fixes that replace only them. */

export interface SourceRange {
  readonly start: number;
  readonly end: number;
}

function skipCodeSpan(source: string, index: number): number {
  let run = 0;
  while (source[index + run] === '`') run++;
  const fence = '`'.repeat(run);
  const close = source.indexOf(fence, index + run);
  return close === -1 ? index + run : close + run;
}

/** Index just past the `]` closing the label that opens at `open` (a `[`), or -1. */
function endOfLabel(source: string, open: number, limit: number): number {
  let depth = 0;
  for (let index = open; index < limit; index++) {
    const char = source[index];
    if (char === '\\') index++;
    else if (char === '`') index = skipCodeSpan(source, index) - 1;
    else if (char === '[') depth++;
    else if (char === ']' && --depth === 0) return index + 1;
  }
  return -1;
}

function skipSpace(source: string, index: number, limit: number): number {
  let newlines = 0;
  while (index < limit) {
    const char = source[index];
    if (char === '\n') {
      if (++newlines > 1) break;
    } else if (char !== ' ' && char !== '\t' && char !== '\r') break;
    index++;
  }
  return index;
}

/** The destination starting at `index`: inside `<…>`, or up to whitespace / an unbalanced `)`. */
function destinationAt(source: string, index: number, limit: number): SourceRange | undefined {
  if (source[index] === '<') {
    const close = source.indexOf('>', index + 1);
    return close === -1 || close > limit ? undefined : { start: index + 1, end: close };
  }
  let depth = 0;
  let end = index;
  for (; end < limit; end++) {
    const char = source[end] ?? '';
    if (char === '\\') {
      end++;
      continue;
    }
    if (/\s/u.test(char)) break;
    if (char === '(') depth++;
    if (char === ')') {
      if (depth === 0) break;
      depth--;
    }
  }
  return end > index ? { start: index, end } : undefined;
}

/** Destination range of an inline link or image spanning `start`–`end` (`[…](dest "title")`). */
export function inlineDestinationRange(source: string, start: number, end: number): SourceRange | undefined {
  const open = source[start] === '!' ? start + 1 : start;
  if (source[open] !== '[') return undefined;
  const labelEnd = endOfLabel(source, open, end);
  if (labelEnd === -1 || source[labelEnd] !== '(') return undefined;
  return destinationAt(source, skipSpace(source, labelEnd + 1, end), end);
}

/** Destination range of a definition spanning `start`–`end` (`[id]: dest "title"`). */
export function definitionDestinationRange(source: string, start: number, end: number): SourceRange | undefined {
  const labelEnd = endOfLabel(source, start, end);
  if (labelEnd === -1 || source[labelEnd] !== ':') return undefined;
  return destinationAt(source, skipSpace(source, labelEnd + 1, end), end);
}
