import { type HtmlElement, readHtml } from '@llm-notes/core';

/** A start tag read from HTML source: lower-cased name and attributes (values decoded). */
export interface StartTag {
  readonly name: string;
  /** Attributes in source order; a repeated name keeps its first value, as browsers do. */
  readonly attributes: ReadonlyMap<string, string>;
  /** Offset just after the closing `>`. */
  readonly end: number;
}

function startTagOf(element: HtmlElement, base: number): StartTag {
  const attributes = new Map<string, string>();
  for (const [name, attribute] of element.attributes) attributes.set(name, attribute.value);
  return { name: element.tagName, attributes, end: base + element.startTagEnd };
}

/** True when the tokenizer found nothing wrong between `from` and `to` (a repeated attribute is fine: the first wins). */
function clean(errors: readonly { code: string; offset: number }[], from: number, to: number): boolean {
  return !errors.some((error) => error.code !== 'duplicate-attribute' && error.offset >= from && error.offset < to);
}

/**
 * Reads the start tag at `at` with core's HTML model (a real tokenizer);
 * undefined when the text there is not a start tag the tokenizer reads
 * without a parse error (`<img src="a"alt="b">`, an unclosed quote…).
 */
export function readStartTag(source: string, at: number): StartTag | undefined {
  const { elements, errors } = readHtml(source.slice(at));
  const first = elements[0];
  if (!first || first.start !== 0 || !clean(errors, 0, first.startTagEnd)) return undefined;
  return startTagOf(first, at);
}

/** An HTML image: a bare `<img>`, or a `<p>` holding nothing but one `<img>`. */
export interface HtmlImage {
  readonly paragraph: StartTag | undefined;
  readonly image: StartTag;
}

/**
 * Reads `html` (the value of an mdast `html` node) as an HTML image, whatever
 * the attribute order, quoting, case or white space; undefined for any other
 * HTML (text beside the image, two images, comments, parse errors…).
 */
export function readHtmlImage(html: string): HtmlImage | undefined {
  const source = html.trim();
  const { elements, errors } = readHtml(source);
  const [first, second, ...rest] = elements;
  if (!first || first.start !== 0 || !clean(errors, 0, source.length) || rest.length > 0) return undefined;
  if (first.tagName === 'img') return second === undefined && first.startTagEnd === source.length ? { paragraph: undefined, image: startTagOf(first, 0) } : undefined;
  if (first.tagName !== 'p' || second?.tagName !== 'img' || first.endTagStart === undefined || first.end !== source.length) return undefined;
  const onlyImage = source.slice(first.startTagEnd, second.start).trim() === '' && source.slice(second.startTagEnd, first.endTagStart).trim() === '';
  return onlyImage ? { paragraph: startTagOf(first, 0), image: startTagOf(second, 0) } : undefined;
}
