import { defineRule, report } from '@llm-notes/core';
import type { Html } from 'mdast';
import { visit } from 'unist-util-visit';
import { configuredWidth } from '../configured-width.js';
import { type HtmlImage, readHtmlImage } from '../html-tag.js';
import { type ImageFields, markdownImage } from '../markdown-image.js';
import { separationEdits } from '../paragraph-separation.js';
import { severityForStyle } from '../style-severity.js';

/** What keeps an HTML image from being Markdown: attributes Markdown has no syntax for. */
function blockers(html: HtmlImage, width: number): string[] {
  const found: string[] = [];
  for (const [name, value] of html.paragraph?.attributes ?? []) {
    if (name === 'align' && value.trim().toLowerCase() === 'center') continue;
    found.push(`<p ${name}="${value}">`);
  }
  const image = html.image.attributes;
  if (!image.has('src')) found.push('no src');
  for (const [name, value] of image) {
    if (name === 'src' || name === 'alt' || name === 'title') continue;
    if (name === 'width' && value.trim() === String(width)) continue;
    found.push(`${name}="${value}"`);
  }
  return found;
}

function fieldsOf(html: HtmlImage): ImageFields {
  const attributes = html.image.attributes;
  return { alt: attributes.get('alt') ?? '', src: attributes.get('src') ?? '', title: attributes.get('title') };
}

/** End of the node's own markup in the source: trailing blanks stay where they are. */
function trimmedEnd(text: string, node: Html): number | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  return start + text.slice(start, end).trimEnd().length;
}

/**
 * A centred `<p><img …></p>` block or a bare `<img>` becomes `![alt](src)`
 * when Markdown can say everything it says: `width` equal to
 * `images.htmlWidth` is dropped, any other presentational attribute keeps
 * the image in HTML (reported, not fixed).
 */
export const imageMarkdown = defineRule(
  {
    id: 'image-markdown',
    description: 'An HTML image that Markdown can express is written as a Markdown image `![alt](src)`.',
    fixable: true,
    defaultSeverity: severityForStyle('markdown'),
    docs: {
      fail: 'The architecture:\n\n<p align="center"><img width="900" alt="architecture" src="./images/arch.png"></p>\n',
      messages: [
        '3:1: HTML image should be a Markdown image',
      ],
      pass: 'The architecture:\n\n![architecture](./images/arch.png)\n',
    },
  },
  (tree, file) => {
    const text = String(file.value);
    const width = configuredWidth(file);
    const cells: [number, number][] = [];
    visit(tree, 'tableCell', (cell) => {
      cells.push([cell.position?.start.offset ?? 0, cell.position?.end.offset ?? 0]);
    });
    visit(tree, 'html', (node, index, parent) => {
      const html = readHtmlImage(node.value);
      if (!html) return;
      const start = node.position?.start.offset;
      const end = trimmedEnd(text, node);
      if (start === undefined || end === undefined) return;
      const blocking = blockers(html, width);
      if (blocking.length > 0) {
        report(file, `HTML image kept: Markdown cannot express ${blocking.join(', ')}`, node);
        return;
      }
      const markdown = markdownImage(fieldsOf(html));
      if (markdown === undefined) {
        report(file, 'HTML image kept: its alt, src or title cannot be written on one line', node);
        return;
      }
      // In a table a `|` would end the cell; GitHub's unescaping of `\|` there would change the alt.
      if (markdown.includes('|') && cells.some(([from, to]) => start >= from && start < to)) {
        report(file, 'HTML image kept: its alt, src or title holds a `|` inside a table', node);
        return;
      }
      const fix = [{ start, end, text: markdown }, ...separationEdits(text, node, parent, index, end)];
      report(file, 'HTML image should be a Markdown image', node, { fix, expected: [markdown] });
    });
  },
);
