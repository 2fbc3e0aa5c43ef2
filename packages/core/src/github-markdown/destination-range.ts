/**
 * Where a link's destination lies in the Markdown source, which mdast does
 * not record: the one scanner behind every position-based link edit. It reads
 * labels as GitHub does (escapes, code spans, nested brackets), a destination
 * on the next line (after a block quote's `>` or a list's indent), raw and
 * `<…>` destinations.
 */

export interface SourceRange {
  readonly start: number;
  readonly end: number;
}

export interface DestinationRange {
  /** The destination as written, `<` and `>` included. */
  readonly raw: SourceRange;
  /** Without the angle brackets (equal to `raw` for a bare destination). */
  readonly inner: SourceRange;
  /** True for `<…>`. */
  readonly angle: boolean;
}

/** Index of the `]` closing a label whose content starts at `from`, or -1. */
export function labelEnd(text: string, from: number, limit: number): number {
  let depth = 0;
  for (let index = from; index < limit; index++) {
    const character = text[index];
    if (character === '\\') {
      index++;
    } else if (character === '`') {
      let run = 1;
      while (text[index + run] === '`') run++;
      const fence = '`'.repeat(run);
      let close = text.indexOf(fence, index + run);
      // A longer run of backticks does not close the code span.
      while (close !== -1 && close < limit && text[close + run] === '`') {
        let skip = close;
        while (text[skip] === '`') skip++;
        close = text.indexOf(fence, skip);
      }
      if (close !== -1 && close < limit) index = close + run - 1;
      else index += run - 1;
    } else if (character === '[') {
      depth++;
    } else if (character === ']') {
      if (depth === 0) return index;
      depth--;
    }
  }
  return -1;
}

/** Skips spaces, tabs and at most one line ending (with a container prefix after it). */
function skipSpace(text: string, from: number, limit: number): number {
  let index = from;
  let sawLineEnding = false;
  while (index < limit) {
    const character = text[index];
    if (character === ' ' || character === '\t') {
      index++;
    } else if ((character === '\n' || character === '\r') && !sawLineEnding) {
      sawLineEnding = true;
      index += character === '\r' && text[index + 1] === '\n' ? 2 : 1;
      while (index < limit && /[ \t>]/u.test(text[index] ?? '')) index++;
    } else {
      break;
    }
  }
  return index;
}

/** The source range of a destination starting at `from` (raw or `<…>`), or undefined. */
function rawDestinationAt(text: string, from: number, limit: number): SourceRange | undefined {
  if (text[from] === '<') {
    for (let index = from + 1; index < limit; index++) {
      const character = text[index];
      if (character === '\\') index++;
      else if (character === '\n' || character === '<') return undefined;
      else if (character === '>') return { start: from, end: index + 1 };
    }
    return undefined;
  }
  let depth = 0;
  let index = from;
  for (; index < limit; index++) {
    const character = text[index] ?? '';
    if (character === '\\') {
      index++;
    } else if (/[\s\u0000-\u001f]/u.test(character)) {
      break;
    } else if (character === '(') {
      depth++;
    } else if (character === ')') {
      if (depth === 0) break;
      depth--;
    }
  }
  return index === from ? undefined : { start: from, end: index };
}

function destinationAt(text: string, from: number, limit: number): DestinationRange | undefined {
  const raw = rawDestinationAt(text, from, limit);
  if (!raw) return undefined;
  const angle = text[raw.start] === '<';
  return { raw, inner: angle ? { start: raw.start + 1, end: raw.end - 1 } : raw, angle };
}

/** Destination range of an inline link or image `[…](dest "title")` spanning `start`-`end` (mdast offsets). */
export function inlineDestinationRange(text: string, start: number, end: number): DestinationRange | undefined {
  const open = text[start] === '!' ? start + 2 : start + 1;
  if (text[open - 1] !== '[' || text[end - 1] !== ')') return undefined;
  const close = labelEnd(text, open, end);
  if (close === -1 || text[close + 1] !== '(') return undefined;
  return destinationAt(text, skipSpace(text, close + 2, end), end);
}

/** Destination range of a definition `[label]: dest "title"` spanning `start`-`end` (mdast offsets). */
export function definitionDestinationRange(text: string, start: number, end: number): DestinationRange | undefined {
  if (text[start] !== '[') return undefined;
  const close = labelEnd(text, start + 1, end);
  if (close === -1 || text[close + 1] !== ':') return undefined;
  return destinationAt(text, skipSpace(text, close + 2, end), end);
}

/** The destination as mdast reports it: `<…>` removed, backslash escapes resolved. */
export function unescapeDestination(raw: string): string {
  const inner = raw.startsWith('<') && raw.endsWith('>') ? raw.slice(1, -1) : raw;
  return inner.replace(/\\([!-/:-@[-`{-~])/gu, '$1');
}

/** A destination's parts as a browser reads them: path, `?query` (with its `?`, or empty) and fragment (after `#`). */
export interface UrlParts {
  readonly path: string;
  readonly query: string;
  readonly fragment: string | undefined;
}

/** Splits a destination at its first `#` (the fragment) and the first `?` before it (the query). */
export function splitUrl(url: string): UrlParts {
  const hash = url.indexOf('#');
  const beforeHash = hash === -1 ? url : url.slice(0, hash);
  const questionMark = beforeHash.indexOf('?');
  return {
    path: questionMark === -1 ? beforeHash : beforeHash.slice(0, questionMark),
    query: questionMark === -1 ? '' : beforeHash.slice(questionMark),
    fragment: hash === -1 ? undefined : url.slice(hash + 1),
  };
}
