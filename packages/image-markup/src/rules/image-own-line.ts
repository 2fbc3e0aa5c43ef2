import { type TextEdit, defineRule, report } from '@llm-notes/core';
import { type BlockImage, findBlockImages, lineAfter } from '../block-images.js';
import { blankLineBefore, containerPrefixAt } from '../container-prefix.js';
import { severityForStyle } from '../style-severity.js';

/**
 * Offset of the backslash of a hard line break right before the image: once the
 * image moves to its own paragraph it would show as a literal backslash.
 */
function backslashBreakBefore(image: BlockImage, text: string): number | undefined {
  const previous = image.paragraph.children[image.index - 1];
  const start = previous?.position?.start.offset;
  return previous?.type === 'break' && start !== undefined && text[start] === '\\' ? start : undefined;
}

/**
 * A block image (one on a line of its own) that shares its paragraph with
 * text gets a blank line before it, and one after it when text follows on
 * the next line, so it ends up alone in its paragraph. The blank lines carry
 * the containers' `>` markers; the image keeps its list indentation.
 */
export const imageOwnLine = defineRule(
  {
    id: 'image-own-line',
    description: 'A block image stands alone in its own paragraph, with a blank line before (and after) it.',
    fixable: true,
    defaultSeverity: severityForStyle('own-line'),
    docs: {
      fail: 'The model looks like this:\n![architecture](./images/arch.png)\nas the figure shows.\n',
      messages: [
        '2:1: Block image shares its paragraph with text above and below; put it in a paragraph of its own',
      ],
      pass: 'The model looks like this:\n\n![architecture](./images/arch.png)\n\nas the figure shows. An inline ![icon](./images/icon.png) stays in its sentence.\n',
    },
  },
  (tree, file) => {
    const text = String(file.value);
    for (const image of findBlockImages(tree, text)) {
      const splitAfter = image.contentAfter && !image.imageAfter;
      if (!image.textBefore && !splitAfter) continue;
      const where = image.textBefore && splitAfter ? 'text above and below' : image.textBefore ? 'the text above' : 'the text below';
      const reason = `Block image shares its paragraph with ${where}; put it in a paragraph of its own`;
      const start = image.paragraph.position?.start.offset;
      const prefix = start === undefined ? undefined : containerPrefixAt(text, start);
      if (!prefix) {
        report(file, reason, image.node);
        continue;
      }
      const fix: TextEdit[] = [];
      if (image.textBefore) {
        fix.push(blankLineBefore(text, image.lineStart, image.start, prefix));
        const backslash = backslashBreakBefore(image, text);
        if (backslash !== undefined) fix.push({ start: backslash, end: backslash + 1, text: '' });
      }
      const next = splitAfter ? lineAfter(text, image.end) : undefined;
      if (next) fix.push(blankLineBefore(text, next.lineStart, next.contentStart, prefix));
      report(file, reason, image.node, { fix });
    }
  },
);
