import { htmlElements } from '@llm-notes/core';

/** A destination written in raw HTML: `<img src>` or `<a href>`. */
export interface HtmlLink {
  readonly tag: 'img' | 'a';
  /** The value as the browser reads it (character references decoded). */
  readonly url: string;
  /** Offset of the attribute value as written inside the HTML text. */
  readonly offset: number;
  /** Offset just after the value as written. */
  readonly end: number;
}

/** `<img src>` and `<a href>` values of an HTML text, with their offsets, read by core's HTML model. */
export function htmlLinks(html: string): HtmlLink[] {
  const links: HtmlLink[] = [];
  for (const element of htmlElements(html)) {
    if (element.tagName !== 'img' && element.tagName !== 'a') continue;
    const attribute = element.attributes.get(element.tagName === 'img' ? 'src' : 'href');
    if (attribute) links.push({ tag: element.tagName, url: attribute.value, offset: attribute.valueStart, end: attribute.valueEnd });
  }
  return links;
}
