import { type TextEdit, defineRule, report } from '@llm-notes/core';
import { type BlockImage, findBlockImages, lineAfter } from '../block-images.js';
import { configuredWidth } from '../configured-width.js';
import { blankLineBefore, containerPrefixAt } from '../container-prefix.js';
import { centeredHtmlImage } from '../html-image-markup.js';
import { severityForStyle } from '../style-severity.js';

/** The paragraph's next sibling starts on the very next line (an HTML block would swallow it). */
function followedDirectly(image: BlockImage): boolean {
  const next = image.parent.children[image.paragraphIndex + 1];
  const nextLine = next?.position?.start.line;
  const endLine = image.paragraph.position?.end.line;
  return nextLine !== undefined && endLine !== undefined && nextLine === endLine + 1;
}

/**
 * A block image alone in its paragraph becomes
 * `<p align="center"><img width="W" alt="…" src="…"></p>` in place, so it
 * keeps its list indentation; a blank line is added after it when the next
 * block follows directly, since an HTML block runs until a blank line.
 * Inline images and images sharing a paragraph with text are left alone.
 */
export const imageHtmlCentered = defineRule(
  {
    id: 'image-html-centered',
    description: 'A block image is written as a centred HTML `<p align="center"><img …></p>` block.',
    fixable: true,
    defaultSeverity: severityForStyle('html-centered'),
    docs: {
      fail: 'The architecture:\n\n![architecture](./images/arch.png)\n',
      messages: [
        '3:1: Block image should be a centred HTML image',
      ],
      pass: 'The architecture:\n\n<p align="center"><img width="900" alt="architecture" src="./images/arch.png"></p>\n',
    },
  },
  (tree, file) => {
    const text = String(file.value);
    const width = configuredWidth(file);
    for (const image of findBlockImages(tree, text)) {
      if (image.textBefore || image.contentAfter) continue;
      if (image.node.type === 'imageReference') {
        report(file, 'Block image uses a reference; write it as centred HTML by hand', image.node);
        continue;
      }
      const { alt, url, title } = image.node;
      const html = centeredHtmlImage({ alt: alt ?? '', src: url, title: title ?? undefined }, width);
      const start = image.paragraph.position?.start.offset;
      const prefix = start === undefined ? undefined : containerPrefixAt(text, start);
      const multiline = text.slice(image.start, image.end).includes('\n');
      const fix: TextEdit[] = [];
      if (prefix && !multiline) {
        fix.push({ start: image.start, end: image.end, text: html });
        const next = followedDirectly(image) ? lineAfter(text, image.end) : undefined;
        if (next) fix.push(blankLineBefore(text, next.lineStart, next.contentStart, prefix));
      }
      report(file, 'Block image should be a centred HTML image', image.node, { fix, expected: [html] });
    }
  },
);
