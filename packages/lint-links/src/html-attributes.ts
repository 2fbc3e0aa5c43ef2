/** The few HTML facts the link rules need, read from raw HTML with small patterns (no HTML parser). */

export interface HtmlLink {
  readonly tag: 'img' | 'a';
  readonly url: string;
  /** Offset of the attribute value inside the HTML text. */
  readonly offset: number;
}

const TAG = /<(img|a)\b([^>]*)>/giu;
const ATTRIBUTE = /\b(src|href|id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/giu;
const ANY_TAG = /<[a-z][\w-]*\b([^>]*)>/giu;

function* attributes(text: string, offset: number): Generator<{ name: string; value: string; offset: number }> {
  for (const match of text.matchAll(ATTRIBUTE)) {
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    const quoted = match[2] !== undefined || match[3] !== undefined;
    const valueStart = match.index + match[0].length - value.length - (quoted ? 1 : 0);
    yield { name: (match[1] ?? '').toLowerCase(), value, offset: offset + valueStart };
  }
}

/** `<img src>` and `<a href>` values, with their offsets in `html`. */
export function htmlLinks(html: string): HtmlLink[] {
  const links: HtmlLink[] = [];
  for (const tag of html.matchAll(TAG)) {
    const name = (tag[1] ?? '').toLowerCase() as 'img' | 'a';
    const wanted = name === 'img' ? 'src' : 'href';
    const body = tag[2] ?? '';
    const bodyOffset = tag.index + 1 + (tag[1] ?? '').length;
    for (const attribute of attributes(body, bodyOffset)) {
      if (attribute.name === wanted) links.push({ tag: name, url: decodeEntities(attribute.value), offset: attribute.offset });
    }
  }
  return links;
}

/** `id` and `name` attribute values of any tag: anchors GitHub keeps (as `user-content-…`). */
export function htmlAnchors(html: string): string[] {
  const anchors: string[] = [];
  for (const tag of html.matchAll(ANY_TAG)) {
    for (const attribute of attributes(tag[1] ?? '', 0)) {
      if (attribute.name === 'id' || attribute.name === 'name') anchors.push(decodeEntities(attribute.value));
    }
  }
  return anchors;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/giu, (whole, body: string) => {
    if (!body.startsWith('#')) return NAMED[body.toLowerCase()] ?? whole;
    const hex = body[1] === 'x' || body[1] === 'X';
    const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    // An out-of-range reference is left as written rather than thrown on.
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
