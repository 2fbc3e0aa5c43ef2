import { type StartTag, readEndTag, readStartTag, skipSpaces } from './html-tag.js';

/** An HTML image: a bare `<img>`, or a `<p>` holding nothing but one `<img>`. */
export interface HtmlImage {
  readonly paragraph: StartTag | undefined;
  readonly image: StartTag;
}

/**
 * Reads `html` (the value of an mdast `html` node) as an HTML image, whatever
 * the attribute order, quoting, case or white space; undefined for any other
 * HTML (text beside the image, two images, comments…).
 */
export function readHtmlImage(html: string): HtmlImage | undefined {
  const source = html.trim();
  const first = readStartTag(source, 0);
  if (!first) return undefined;
  if (first.name === 'img') return first.end === source.length ? { paragraph: undefined, image: first } : undefined;
  if (first.name !== 'p') return undefined;
  const image = readStartTag(source, skipSpaces(source, first.end));
  if (!image || image.name !== 'img') return undefined;
  const end = readEndTag(source, skipSpaces(source, image.end), 'p');
  return end === source.length ? { paragraph: first, image } : undefined;
}
