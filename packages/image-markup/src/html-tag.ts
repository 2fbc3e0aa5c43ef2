import { decodeEntities } from './html-entities.js';

/** A start tag read from HTML source: lower-cased name and attributes (values decoded). */
export interface StartTag {
  readonly name: string;
  /** Attributes in source order; a repeated name keeps its first value, as browsers do. */
  readonly attributes: ReadonlyMap<string, string>;
  /** Offset just after the closing `>`. */
  readonly end: number;
}

const SPACE = /[ \t\n\r\f]/u;
const TAG_NAME = /[A-Za-z][A-Za-z0-9-]*/uy;
const ATTRIBUTE_NAME = /[^ \t\n\r\f"'>/=\0]+/uy;
const UNQUOTED_VALUE = /[^ \t\n\r\f"'=<>`]+/uy;

export function skipSpaces(source: string, at: number): number {
  let position = at;
  while (position < source.length && SPACE.test(source[position] as string)) position++;
  return position;
}

function matchAt(pattern: RegExp, source: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(source)?.[0];
}

/** Reads an attribute value after `=` (quoted or not); undefined when malformed. */
function readValue(source: string, at: number): { value: string; end: number } | undefined {
  const quote = source[at];
  if (quote === '"' || quote === "'") {
    const close = source.indexOf(quote, at + 1);
    return close === -1 ? undefined : { value: source.slice(at + 1, close), end: close + 1 };
  }
  const value = matchAt(UNQUOTED_VALUE, source, at);
  return value === undefined ? undefined : { value, end: at + value.length };
}

/**
 * Reads the start tag at `at` (`<name attr="v" attr='v' attr=v attr>` or
 * `/>`), following the HTML tokenizer's rules closely enough for image
 * markup; undefined when the text there is not a well-formed start tag.
 */
export function readStartTag(source: string, at: number): StartTag | undefined {
  if (source[at] !== '<') return undefined;
  const name = matchAt(TAG_NAME, source, at + 1);
  if (name === undefined) return undefined;
  const attributes = new Map<string, string>();
  let position = at + 1 + name.length;
  for (;;) {
    const afterSpaces = skipSpaces(source, position);
    if (source.startsWith('/>', afterSpaces)) return { name: name.toLowerCase(), attributes, end: afterSpaces + 2 };
    if (source[afterSpaces] === '>') return { name: name.toLowerCase(), attributes, end: afterSpaces + 1 };
    // Attributes must be separated from the name and from each other by white space.
    if (afterSpaces === position) return undefined;
    const attribute = matchAt(ATTRIBUTE_NAME, source, afterSpaces);
    if (attribute === undefined) return undefined;
    position = afterSpaces + attribute.length;
    let value = '';
    const equals = skipSpaces(source, position);
    if (source[equals] === '=') {
      const read = readValue(source, skipSpaces(source, equals + 1));
      if (!read) return undefined;
      value = decodeEntities(read.value);
      position = read.end;
    }
    const key = attribute.toLowerCase();
    if (!attributes.has(key)) attributes.set(key, value);
  }
}

/** Offset after the end tag `</name>` at `at` (any case, spaces before `>`), or undefined. */
export function readEndTag(source: string, at: number, name: string): number | undefined {
  const head = source.slice(at, at + name.length + 2).toLowerCase();
  if (head !== `</${name}`) return undefined;
  const close = skipSpaces(source, at + name.length + 2);
  return source[close] === '>' ? close + 1 : undefined;
}
