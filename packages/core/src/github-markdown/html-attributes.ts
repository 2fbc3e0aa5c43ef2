import { type DefaultTreeAdapterMap, parseFragment } from 'parse5';

type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

export interface HtmlAttribute {
  /** Lower-cased attribute name. */
  readonly name: string;
  /** The value as the browser reads it: character references decoded. */
  readonly value: string;
  /** Offsets of the value as written (inside its quotes) in the HTML text; an empty range for a bare attribute. */
  readonly valueStart: number;
  readonly valueEnd: number;
}

export interface HtmlElement {
  /** Lower-cased tag name. */
  readonly tagName: string;
  /** Attributes by name; a repeated name keeps its first value, as browsers do. */
  readonly attributes: ReadonlyMap<string, HtmlAttribute>;
  /** Offset of the `<` of the start tag. */
  readonly start: number;
  /** Offset just after the `>` of the start tag. */
  readonly startTagEnd: number;
  /** Offset of the `<` of the end tag, when there is one. */
  readonly endTagStart: number | undefined;
  /** Offset just after the end tag (or the start tag when there is none). */
  readonly end: number;
}

export interface HtmlReading {
  readonly elements: HtmlElement[];
  /** The HTML tokenizer's parse errors (`missing-whitespace-between-attributes`…) and where they occur, in order. */
  readonly errors: { readonly code: string; readonly offset: number }[];
}

/** Offsets of the value inside one `name = "value"` attribute written at `start`–`end`. */
function valueRange(html: string, start: number, end: number): { valueStart: number; valueEnd: number } {
  const written = html.slice(start, end);
  const equals = written.indexOf('=');
  if (equals === -1) return { valueStart: end, valueEnd: end };
  let from = start + equals + 1;
  while (from < end && /[ \t\n\r\f]/u.test(html[from] ?? '')) from++;
  const quote = html[from];
  if ((quote === '"' || quote === "'") && html[end - 1] === quote) return { valueStart: from + 1, valueEnd: end - 1 };
  return { valueStart: from, valueEnd: end };
}

function readElement(html: string, element: Element): HtmlElement | undefined {
  const location = element.sourceCodeLocation;
  const startTag = location?.startTag;
  if (!location || !startTag) return undefined;
  const attributes = new Map<string, HtmlAttribute>();
  for (const attribute of element.attrs) {
    const name = attribute.name.toLowerCase();
    const written = location.attrs?.[attribute.name];
    if (attributes.has(name) || !written) continue;
    attributes.set(name, { name, value: attribute.value, ...valueRange(html, written.startOffset, written.endOffset) });
  }
  return {
    tagName: element.tagName,
    attributes,
    start: startTag.startOffset,
    startTagEnd: startTag.endOffset,
    endTagStart: location.endTag?.startOffset,
    end: location.endOffset,
  };
}

/**
 * Every element of an HTML text (a Markdown HTML block or inline tag), read
 * by a real HTML tokenizer (parse5): names lower-cased, values decoded with
 * the full table of character references, offsets of each start tag and
 * attribute value so a fix can replace exactly those bytes. Document order.
 */
export function readHtml(html: string): HtmlReading {
  const elements: HtmlElement[] = [];
  const errors: { code: string; offset: number }[] = [];
  const walk = (parent: ParentNode) => {
    for (const child of parent.childNodes) {
      if (!('tagName' in child)) continue;
      const element = readElement(html, child);
      if (element) elements.push(element);
      walk(child.tagName === 'template' ? (child as DefaultTreeAdapterMap['template']).content : child);
    }
  };
  walk(parseFragment(html, { sourceCodeLocationInfo: true, onParseError: (error) => errors.push({ code: error.code, offset: error.startOffset }) }));
  return { elements, errors };
}

/** The elements of `readHtml`, for readers that accept whatever a browser accepts. */
export function htmlElements(html: string): HtmlElement[] {
  return readHtml(html).elements;
}

/** The `id` and `name` values of every element: the anchors GitHub keeps (as `user-content-…`). */
export function htmlAnchors(html: string): string[] {
  return htmlElements(html).flatMap((element) =>
    ['id', 'name'].flatMap((name) => {
      const attribute = element.attributes.get(name);
      return attribute ? [attribute.value] : [];
    }),
  );
}
