import { parseMarkdown } from '@llm-notes/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noteFacts } from '../../lint-links/src/facts.js';
import { collectHeadings, ownAnchors } from './note-headings.js';

// The README generator and the link linter must give every heading the same
// anchor, whatever the heading holds: both ask core's one model, and this
// property keeps it that way.

const words = fc.constantFrom('Attention', 'KV Cache', 'RLHF', '注意力', '分词器', 'MoE', 'x', 'Top-k', '2.1', 'a_b');
const pieces = fc.oneof(
  words,
  words.map((word) => `\`${word}\``),
  words.map((word) => `*${word}*`),
  words.map((word) => `**${word}**`),
  words.map((word) => `<b>${word}</b>`),
  words.map((word) => `<a name="${word.replace(/\W/gu, '')}"></a>${word}`),
  words.map((word) => `![${word}](a.png)`),
  words.map((word) => `[${word}](#x)`),
  fc.constantFrom('😄', ':smile:', '：', '，', '（', '）', '、', '。', '《', '》', '&amp;', '$x^2$', '\\*', '---', '  ', ' '),
  // Math next to Markdown: GitHub reads the Markdown first, and so does the one parser.
  fc.constantFrom('$a [b](c.md) d$', '[cost $5](x.md)', '$a [b$ c](x.md)', '$a*b*c$', '$\\{a\\}$', '$`a_1`$', '$$x$$', '$a_1$ and $b_2$', '$x$'),
);
const headingText = fc.array(pieces, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' ').trim() || 'x');
const heading = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 6 }), headingText).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`),
  headingText.map((text) => `${text}\n===`),
  fc.tuple(headingText, headingText).map(([first, second]) => `${first}  \n${second}\n---`),
  fc.tuple(headingText, headingText).map(([first, second]) => `${first}\n${second}\n===`),
);

function linterAnchors(text: string): string[] {
  const tree = parseMarkdown(text);
  const headingCount = collectHeadings(tree).length;
  // The linter's anchors are the headings' slugs first, then HTML ids.
  return noteFacts(tree, text).anchors.slice(0, headingCount);
}

describe('generator and linter anchors', () => {
  it('agree on every heading, duplicates included', () => {
    fc.assert(
      fc.property(fc.array(heading, { minLength: 1, maxLength: 8 }), fc.boolean(), (headings, duplicate) => {
        const all = duplicate ? [...headings, ...headings] : headings;
        const text = `${all.join('\n\n')}\n`;
        const generated = ownAnchors(collectHeadings(parseMarkdown(text))).map((anchor) => anchor.normalize('NFC'));
        expect(linterAnchors(text)).toEqual(generated);
      }),
      { numRuns: 100 },
    );
  });

  it.each([
    ['a setext heading with a hard break', 'a  \nb\n===\n', ['ab']],
    ['inline code and emphasis', '## `KV` *Cache* **x**\n', ['kv-cache-x']],
    ['HTML tags count for nothing, their text counts', '## <a name="t"></a><b>Top</b> k\n', ['top-k']],
    ['CJK punctuation is dropped', '## 注意力（Attention）：原理\n', ['注意力attention原理']],
    ['duplicates are numbered', '# A\n\n# A\n\nA\n=\n', ['a', 'a-1', 'a-2']],
    ['emoji are dropped', '## 😄 Fun\n', ['-fun']],
    ['a link inside `$…$` is a link, its text counts', '## Sum $a [b](c.md) d$\n', ['sum-a-b-d']],
    ['a `$` in link text stays in the link', '## [cost $5](x.md) and $y$\n', ['cost-5-and-y']],
    ['emphasis inside `$…$` is emphasis, as GitHub reads it first', '## $a*b*c$\n', ['abc']],
  ])('%s', (_name, text, anchors) => {
    expect(linterAnchors(text)).toEqual(anchors);
    expect(ownAnchors(collectHeadings(parseMarkdown(text)))).toEqual(anchors);
  });
});
