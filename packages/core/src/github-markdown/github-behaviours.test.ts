import type { Heading } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../processor.js';
import { definitionDestinationRange, headingAnchors, headingText, htmlAnchors, htmlElements, inlineDestinationRange, lineOfByte, normalizeLabel, sourceLocator, splitUrl } from './index.js';

// One table of how GitHub reads Markdown, for the one module every package asks.

describe('heading text and anchors', () => {
  it.each([
    ['## Self Attention', 'self-attention'],
    ['## `KV` Cache', 'kv-cache'],
    ['## *Top*-**k**', 'top-k'],
    ['## <span id="x">Loss</span> 函数', 'loss-函数'],
    ['## ![logo](a.png) Title', '-title'],
    ['## 注意力（Attention）：原理', '注意力attention原理'],
    ['## Loss $L$', 'loss-l'],
    ['## Loss $L_{a}$ and $\\{x\\}$', 'loss-l_a-and-x'],
    ['## $a*b*c$ and [link $x$](u.md)', 'abc-and-link-x'],
    ['## Step 1. Prepare', 'step-1-prepare'],
    ['a  \nb\n===', 'ab'],
    ['a\nb\n---', 'ab'],
  ])('%j → #%s', (markdown, anchor) => {
    expect(headingAnchors(parseMarkdown(`${markdown}\n`))).toEqual([anchor]);
  });

  it('numbers duplicates in document order, in lists and quotes too', () => {
    expect(headingAnchors(parseMarkdown('# A\n\n> # A\n\n- # A\n'))).toEqual(['a', 'a-1', 'a-2']);
  });

  it('keeps the source text of code and math in the heading text (math after Markdown, as GitHub renders it)', () => {
    const [heading] = parseMarkdown('## `x` and $y$\n').children as Heading[];
    expect(heading && headingText(heading)).toBe('x and $y$');
  });
});

describe('destination ranges', () => {
  const inline = (text: string) => {
    const range = inlineDestinationRange(text, text.indexOf('['), text.length);
    return range && { raw: text.slice(range.raw.start, range.raw.end), inner: text.slice(range.inner.start, range.inner.end) };
  };

  it.each([
    ['[a](b.md)', 'b.md', 'b.md'],
    ['![a](img/x.png "title")', 'img/x.png', 'img/x.png'],
    ['[a](<b c.md>)', '<b c.md>', 'b c.md'],
    ['[a](f(x).md)', 'f(x).md', 'f(x).md'],
    ['[a\\]](b.md)', 'b.md', 'b.md'],
    ['[`]`](b.md)', 'b.md', 'b.md'],
    ['[[x]](b.md)', 'b.md', 'b.md'],
    ['> [a](\n> b.md)', 'b.md', 'b.md'],
    ['[a](\r\n  b.md)', 'b.md', 'b.md'],
  ])('%j → %j', (text, raw, inner) => {
    expect(inline(text)).toEqual({ raw, inner });
  });

  it('finds a definition destination, angle brackets apart', () => {
    const text = '[id]: <a b.md> "t"';
    const range = definitionDestinationRange(text, 0, text.length);
    expect(range && text.slice(range.inner.start, range.inner.end)).toBe('a b.md');
    expect(range?.angle).toBe(true);
  });
});

describe('HTML attributes', () => {
  it('reads values as a browser does: any quoting, case, the full entity table', () => {
    const html = `<IMG Src=a.png ALT='it"s' title="&copy;&nbsp;&eacute;&#x4e2d;&#25991;" src="second.png" hidden>`;
    const [image] = htmlElements(html);
    expect(image?.tagName).toBe('img');
    expect([...(image?.attributes.values() ?? [])].map((attribute) => [attribute.name, attribute.value])).toEqual([
      ['src', 'a.png'],
      ['alt', 'it"s'],
      ['title', '©\u00A0é中文'],
      ['hidden', ''],
    ]);
    const src = image?.attributes.get('src');
    expect(src && html.slice(src.valueStart, src.valueEnd)).toBe('a.png');
  });

  it('gives the bytes of a quoted value without its quotes, and the element bounds', () => {
    const html = '<p align="center">\n  <img src = "a b.png" width="900">\n</p>';
    const [paragraph, image] = htmlElements(html);
    const src = image?.attributes.get('src');
    expect(src && html.slice(src.valueStart, src.valueEnd)).toBe('a b.png');
    expect(paragraph && html.slice(paragraph.start, paragraph.end)).toBe(html);
    expect(paragraph?.endTagStart).toBe(html.lastIndexOf('</p>'));
  });

  it('takes ids and names as anchors', () => {
    expect(htmlAnchors('<a name="top"></a><h2 id="s&amp;p">x</h2>')).toEqual(['top', 's&p']);
  });
});

describe('offsets and lines', () => {
  it.each([
    ['LF', 'a\nbc\n\nd'],
    ['CRLF', 'a\r\nbc\r\n\r\nd'],
  ])('%s: a point for every offset and back', (_name, text) => {
    const locator = sourceLocator(text);
    const d = text.indexOf('d');
    expect(locator.point(d)).toEqual({ line: 4, column: 1, offset: d });
    expect(locator.point(text.indexOf('c'))).toMatchObject({ line: 2, column: 2 });
    expect(locator.offset({ line: 2, column: 2 })).toBe(text.indexOf('c'));
    expect(locator.point(text.length)).toMatchObject({ line: 4, column: 2 });
  });
});

describe('reference labels', () => {
  it.each([
    ['Foo  Bar', 'foo bar'],
    [' 原始\n文本 ', '原始 文本'],
    ['ẞ', 'ss'],
  ])('%j matches %j', (a, b) => {
    expect(normalizeLabel(a)).toBe(normalizeLabel(b));
  });
});

describe('lines of bytes not yet decoded', () => {
  it('counts the line of a byte offset as the locator counts lines of text (LF and CRLF)', () => {
    const bytes = new Uint8Array([0x61, 0x0a, 0x62, 0x0d, 0x0a, 0xfe, 0xff]);
    expect(lineOfByte(bytes, 5)).toBe(3);
    expect(lineOfByte(bytes, 1)).toBe(1);
    expect(lineOfByte(bytes, 2)).toBe(2);
  });
});

describe('destination parts', () => {
  it.each([
    ['a.md', { path: 'a.md', query: '', fragment: undefined }],
    ['a.md?raw=true#x', { path: 'a.md', query: '?raw=true', fragment: 'x' }],
    ['#only', { path: '', query: '', fragment: 'only' }],
    ['a.md#x?y#z', { path: 'a.md', query: '', fragment: 'x?y#z' }],
  ])('%s', (url, parts) => {
    expect(splitUrl(url)).toEqual(parts);
  });
});
