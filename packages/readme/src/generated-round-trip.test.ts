import { rmSync } from 'node:fs';
import { GithubSlugger, applyEdits, headingText, parseMarkdown } from '@llm-notes/core';
import fc from 'fast-check';
import type { Heading, List, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { outdatedTocs } from './note-toc.js';
import { collectHeadings, ownAnchors } from './note-headings.js';
import { brokenReadmeLinks } from './test-support/readme-links.js';
import { generate, makeRepo } from './test-support/temp-repo.js';
import { writeReadmeResult } from './write-result.js';

// Generated Markdown (the README's headings and table of contents, a note's
// TOC block) is mdast serialized by core. Whatever a title holds, reading the
// output back must give the same headings, the same link texts and links
// that land on those headings.

/** Pieces of titles: Markdown punctuation, CJK punctuation, emoji, spaces and parentheses. */
const piece = fc.constantFrom(
  'Attention', 'KV Cache', '注意力', '分词器', 'a_b', 'snake_case_name', 'x', '2.1',
  '[', ']', '[x]', '*', '**', '_', '__', '`', '`code`', '<', '>', '<b>', '$', '$x$', '5$', '&', '&amp;', '~', '~y~', '#', '\\', '!', '|', '(', ')', '(b)',
  '（', '）', '：', '，', '、', '。', '《', '》', '😄', '🚀', ':smile:', ' ', '  ', '-', '+', '1.', '=', 'https:', 'mailto:a@b.org', 'www.x.org',
);
/** A title usable as a file name: no `/`, not blank, not the old generator's `ignore`. */
const title = fc
  .array(piece, { minLength: 1, maxLength: 6 })
  .map((pieces) => pieces.join(''))
  .filter((text) => text.trim() !== '' && text.trim() !== 'ignore' && !text.startsWith('.') && Buffer.byteLength(text) < 200);

/** The README's headings in order as `depth text`, after the table of contents. */
function headingsAfterToc(tree: Root): string[] {
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading');
  const toc = headings.findIndex((heading) => headingText(heading) === '目录');
  return headings.slice(toc + 1).map((heading) => `${heading.depth} ${headingText(heading)}`);
}

/** The entries of a generated list as `level text -> url`, depth first. */
function listEntries(list: List, level = 1): string[] {
  return list.children.flatMap((item) => {
    const [paragraph, nested] = item.children;
    const link = paragraph?.type === 'paragraph' && paragraph.children.length === 1 ? paragraph.children[0] : undefined;
    const own = link?.type === 'link' ? `${level} ${headingText(link)} -> ${link.url}` : `${level} not a lone link: ${JSON.stringify(paragraph)}`;
    return [own, ...(nested?.type === 'list' ? listEntries(nested, level + 1) : [])];
  });
}

function tocList(tree: Root): List {
  const index = tree.children.findIndex((node) => node.type === 'heading' && headingText(node) === '目录');
  const list = tree.children[index + 1];
  if (list?.type !== 'list') throw new Error('no list after the TOC heading');
  return list;
}

/** Anchors GitHub gives every heading of a document, by heading text in order of appearance. */
function anchorsOf(tree: Root): string[] {
  const slugger = new GithubSlugger();
  return collectHeadings(tree).map((heading) => slugger.slug(heading.text));
}

describe('generated README: generate → parse gives the same headings, links and anchors', () => {
  const chapters = fc.uniqueArray(title, { minLength: 1, maxLength: 3 }).chain((names) =>
    fc.tuple(fc.constant(names), fc.array(fc.uniqueArray(title, { minLength: 1, maxLength: 3 }), { minLength: names.length, maxLength: names.length })),
  );

  it.each(['headings', 'files'] as const)('with %s links', (tocLinks) => {
    fc.assert(
      fc.property(chapters, ([names, sections]) => {
        const files: Record<string, string> = {};
        const paths: string[] = [];
        names.forEach((name, chapter) => {
          paths.push(`content/${chapter + 1}.${name}`);
          sections[chapter]?.forEach((section, index) => {
            const file = `content/${chapter + 1}.${name}/${index + 1}.${section}.md`;
            files[file] = 'body\n';
            paths.push(file);
          });
        });
        const root = makeRepo(files);
        try {
          const result = generate(root, { tocLinks });
          writeReadmeResult(result);
          const tree = parseMarkdown(result.readme.after);

          const expectedHeadings = names.flatMap((name, chapter) => [`2 ${name.trim()}`, ...(sections[chapter] ?? []).map((section) => `3 ${section.trim()}`)]);
          expect(headingsAfterToc(tree)).toEqual(expectedHeadings);

          const anchors = anchorsOf(tree);
          const headingCount = anchors.length - expectedHeadings.length;
          const expectedEntries = expectedHeadings.map((heading, index) => {
            const [depth, ...text] = heading.split(' ');
            return { level: Number(depth) - 1, text: text.join(' '), url: `#${anchors[headingCount + index]}` };
          });
          const entries = listEntries(tocList(tree));
          expect(entries.map((entry) => entry.replace(/ -> .*$/su, ''))).toEqual(expectedEntries.map(({ level, text }) => `${level} ${text}`));
          entries.forEach((entry, index) => {
            const url = entry.slice(entry.lastIndexOf(' -> ') + 4);
            // File links: the folder or note itself, percent-decoded.
            if (tocLinks === 'files') expect(decodeURIComponent(url)).toBe(paths[index]);
            else expect(url).toBe(expectedEntries[index]?.url);
          });
          expect(brokenReadmeLinks(root, 'README.md')).toEqual([]);
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('generated note TOC: generate → parse gives the same headings and anchors', () => {
  const markup = fc.oneof(
    title,
    title.map((text) => `\`${text.replace(/`/gu, '')}\``),
    title.map((text) => `*${text.replace(/[*_\\]/gu, '')}*`),
    fc.constantFrom('<b>bold</b>', '$x^2$', '\\*', '![img](a.png)', '[link](#x)'),
  );
  const headingLine = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.array(markup, { minLength: 1, maxLength: 3 })).map(([depth, parts]) => `${'#'.repeat(depth)} ${parts.join(' ')}`);

  it('lists every heading outside the block with its text and its anchor, and a second run changes nothing', () => {
    fc.assert(
      fc.property(fc.array(headingLine, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const note = ['<!-- toc -->', '<!-- tocstop -->', '', ...lines.flatMap((line) => [line, ''])].join(eol);
        const edits = outdatedTocs(note, parseMarkdown(note)).map(({ edit }) => edit);
        const updated = applyEdits(note, edits.map((edit) => ({ ...edit, text: edit.text.replace(/\n/gu, eol) })));
        const tree = parseMarkdown(updated);
        const headings = collectHeadings(tree);
        const anchors = ownAnchors(headings);
        const list = tree.children.find((node): node is List => node.type === 'list');
        const expected = headings.flatMap((heading, index) => (anchors[index] ? [{ text: heading.text.trim(), url: `#${anchors[index]}` }] : []));
        const entries = list ? listEntries(list).map((entry) => entry.replace(/^\d+ /u, '')) : [];
        expect(entries).toEqual(expected.map(({ text, url }) => `${text} -> ${url}`));
        expect(outdatedTocs(updated, tree)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
