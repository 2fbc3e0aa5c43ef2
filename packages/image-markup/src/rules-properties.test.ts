// Generated documents: every rule settles, leaves nothing on a second pass, keeps
// the document's containers, and html-centered → markdown gives the text back.
import { fileURLToPath } from 'node:url';
import { parseMarkdown } from '@llm-notes/core';
import fc from 'fast-check';
import type { Node, Parent } from 'unist';
import { describe, expect, it } from 'vitest';
import { imageHtmlCentered, imageMarkdown, rules } from './index.js';
import { fixedText, remainingFixes, testLintContext } from '@llm-notes/core/testing';

/** These rules never read the repository: the package folder serves as root, `config` as its notes.config.json. */
const lintOptions = (config: object = {}) => ({ context: testLintContext(fileURLToPath(new URL('..', import.meta.url)), config) });

const image = fc
  .tuple(fc.constantFrom('图', 'loss curve', 'a "q"', 'x & y', ''), fc.constantFrom('./images/a.png', './images/结构.png', 'https://e.com/i.png', '<./my img (1).png>'))
  .map(([alt, src]) => `![${alt}](${src})`);
const line = fc.oneof(
  image,
  fc.constantFrom('Some text.', '中文说明：', 'inline ![i](./i.png) image', '`![code](x.png)`', 'text ending with a break\\'),
);
const block = fc.oneof(
  fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => `- ${lines.join('\n  ')}`),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => `1. ${lines.join('\n   ')}`),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => `> ${lines.join('\n> ')}`),
  fc.array(line, { minLength: 1, maxLength: 2 }).map((lines) => `- item\n  - ${lines.join('\n    ')}`),
  fc.array(line, { minLength: 1, maxLength: 2 }).map((lines) => `\`\`\`md\n${lines.join('\n')}\n\`\`\``),
);
const documentArb = fc.tuple(fc.array(block, { minLength: 1, maxLength: 5 }), fc.boolean()).map(([blocks, crlf]) => {
  const text = `${blocks.join('\n\n')}\n`;
  return crlf ? text.replace(/\n/gu, '\r\n') : text;
});

function structure(text: string): string {
  const types: string[] = [];
  const walk = (node: Node): void => {
    if (['code', 'list', 'listItem', 'blockquote'].includes(node.type)) types.push(node.type);
    for (const child of (node as Parent).children ?? []) walk(child);
  };
  walk(parseMarkdown(text));
  return types.join(',');
}

describe('rules on generated documents', () => {
  it('settle, keep containers and line endings, and leave nothing for a second pass', async () => {
    await fc.assert(
      fc.asyncProperty(documentArb, async (text) => {
        for (const rule of rules) {
          const context = lintOptions();
          const fixed = await fixedText([rule], text, context);
          expect(await remainingFixes([rule], fixed, context)).toEqual([]);
          expect(structure(fixed)).toBe(structure(text));
          expect(fixed.includes('\r\n')).toBe(text.includes('\r\n'));
          expect(/(?<!\r)\n/u.test(fixed)).toBe(!text.includes('\r\n'));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('html-centered then markdown gives back a document whose images stand alone', async () => {
    const alone = fc.array(fc.tuple(fc.constantFrom('Text.', '- item', '> quote'), image), { minLength: 1, maxLength: 4 }).map((pairs) =>
      `${pairs.map(([text, img]) => (text === '- item' ? `- item\n\n  ${img}` : text === '> quote' ? `> quote\n>\n> ${img}` : `${text}\n\n${img}`)).join('\n\n')}\n`,
    );
    await fc.assert(
      fc.asyncProperty(alone, async (text) => {
        const context = lintOptions();
        const html = await fixedText([imageHtmlCentered], text, context);
        expect(html).not.toContain('![');
        expect(await fixedText([imageMarkdown], html, context)).toBe(text);
      }),
      { numRuns: 100 },
    );
  });
});
