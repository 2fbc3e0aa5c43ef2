import { describe, expect, it } from 'vitest';
import { readHtmlImage } from './html-tag.js';
import { readStartTag } from './html-tag.js';
import { markdownImage } from './markdown-image.js';

describe('readStartTag', () => {
  it('reads double, single and unquoted values, bare attributes and `/>`', () => {
    const tag = readStartTag(`<IMG Src="a b.png" alt='it"s' width=900 hidden />`, 0);
    expect(tag?.name).toBe('img');
    expect([...(tag?.attributes ?? [])]).toEqual([
      ['src', 'a b.png'],
      ['alt', 'it"s'],
      ['width', '900'],
      ['hidden', ''],
    ]);
  });

  it('decodes named and numeric character references, keeps unknown ones', () => {
    const tag = readStartTag('<img alt="&lt;&amp;&quot;&#91;&#x5d;&copy;&nosuch;">', 0);
    expect(tag?.attributes.get('alt')).toBe('<&"[]©&nosuch;');
  });

  it('keeps the first of repeated attributes', () => {
    expect(readStartTag('<img src="a" src="b">', 0)?.attributes.get('src')).toBe('a');
  });

  it('refuses malformed tags', () => {
    expect(readStartTag('<img src="a', 0)).toBeUndefined();
    expect(readStartTag('<img src="a"alt="b">', 0)).toBeUndefined();
    expect(readStartTag('< img>', 0)).toBeUndefined();
  });
});

describe('readHtmlImage', () => {
  it('accepts a bare img and a p holding only an img', () => {
    expect(readHtmlImage('<img src="x">')?.paragraph).toBeUndefined();
    expect(readHtmlImage('<p align="center">\n\t<img src="x">\n</P >')?.paragraph?.name).toBe('p');
  });

  it('refuses anything more', () => {
    expect(readHtmlImage('<p><img src="a"><img src="b"></p>')).toBeUndefined();
    expect(readHtmlImage('<p>text <img src="a"></p>')).toBeUndefined();
    expect(readHtmlImage('<img src="a"> text')).toBeUndefined();
    expect(readHtmlImage('<div><img src="a"></div>')).toBeUndefined();
  });
});

describe('markdownImage', () => {
  it('escapes brackets in the alt and uses <…> for spaces and parentheses', () => {
    expect(markdownImage({ alt: 'a [b] c', src: './my img (1).png', title: undefined })).toBe('![a \\[b\\] c](<./my img (1).png>)');
  });

  it('escapes what would otherwise be read as markup', () => {
    expect(markdownImage({ alt: '*not em*', src: 'x.png', title: undefined })).toBe('![\\*not em\\*](x.png)');
    expect(markdownImage({ alt: '&copy;', src: 'x.png', title: undefined })).toBe('![\\&copy;](x.png)');
  });

  it('writes the title with its quotes escaped', () => {
    expect(markdownImage({ alt: 'a', src: 'x.png', title: 'say "hi"' })).toBe('![a](x.png "say \\"hi\\"")');
  });

  it('refuses what cannot stay on one line', () => {
    expect(markdownImage({ alt: 'a\nb', src: 'x.png', title: undefined })).toBeUndefined();
  });
});
