import { cpSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenReadmeLinks } from './test-support/readme-links.js';
import { generate } from './test-support/temp-repo.js';
import { writeReadmeResult } from './write-result.js';
import { tempFolder } from '../../../tests/support/temp-folder.js';
import { corpusFor } from '../../../tests/support/corpus.js';

const corpusFolder = corpusFor('awesome-llm-learning', 'conformance with the old generator on the real corpus');
const present = corpusFolder !== undefined;
const corpus = corpusFolder ?? '';

interface Block {
  readonly level: number;
  readonly title: string;
  readonly body: string;
}

/** The README cut at its `##` and `###` headings (fenced code is skipped). */
function blocksOf(readme: string): Block[] {
  const blocks: { level: number; title: string; lines: string[] }[] = [];
  let fence: string | undefined;
  for (const line of readme.split('\n')) {
    const marker = /^\s*(`{3,}|~{3,})/u.exec(line)?.[1];
    if (marker && (fence === undefined || marker.startsWith(fence))) fence = fence === undefined ? marker : undefined;
    const heading = fence === undefined ? /^(##|###) (.*)$/u.exec(line) : null;
    if (heading?.[1] && heading[2] !== undefined) blocks.push({ level: heading[1].length, title: heading[2], lines: [] });
    else blocks.at(-1)?.lines.push(line);
  }
  return blocks.map(({ level, title, lines }) => ({ level, title, body: lines.join('\n').trim() }));
}

// The deliberate differences from the old generator, each named:
/** 1. Rewritten paths: the old script wrote `./<chapter>/./images/x.png`; the port writes `content/<chapter>/images/x.png`. */
const rewrittenPaths = (text: string) => text.replace(/\]\(\.\/([^/)]+)\/\.\//gu, ']($1/').replace(/\]\(content\//gu, '](');
/** 2. Shifted headings: a note's top heading level becomes 4 (the corpus notes already start at 4, so none move). */
const shiftedHeadings = (text: string) => text;
/** 3. The TOC's form: links and indentation differ; it is compared by its entries' titles instead of its text. */
const tocTitles = (body: string) => body.split('\n').map((line) => /\[(?:\d+\.)?([^\]]*)\]/u.exec(line)?.[1]);
/** 4. Layout: one blank line between blocks (the old script put none), and the badge comes from the config. */
const normalize = (text: string) => shiftedHeadings(rewrittenPaths(text));

describe.skipIf(!present)('conformance with the old generator on the real corpus', () => {
  const root = tempFolder('readme-corpus-');
  if (present) {
    for (const name of readdirSync(corpus).filter((entry) => /^\d+\./u.test(entry))) {
      cpSync(path.join(corpus, name), path.join(root, 'content', name), { recursive: true });
    }
  }
  const result = present ? generate(root, { tocLinks: 'files' }) : undefined;
  if (result) writeReadmeResult(result);
  const ours = blocksOf(result?.readme.after ?? '');
  const old = present ? blocksOf(readFileSync(path.join(corpus, 'README.original-generator.md'), 'utf8')) : [];

  it('has the same chapters and sections in the same order', () => {
    expect(ours.map(({ level, title }) => `${level} ${title}`)).toEqual(old.map(({ level, title }) => `${level} ${title}`));
    // Every note but the introduction and `ignore` ones gets a section heading.
    const sectionNotes = readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((file) => /^[1-9]\d*\.[^/\\]+[/\\]\d+\.(?!ignore\.md$).+\.md$/u.test(file));
    expect(sectionNotes.length).toBeGreaterThan(0);
    expect(ours.filter((block) => block.level === 3)).toHaveLength(sectionNotes.length);
  });

  it('has the same introduction', () => {
    expect(ours[0]?.title).toBe('引言');
    expect(ours[0]?.body).toBe(old[0]?.body);
  });

  it('lists the same entries in its table of contents, nested with spaces', () => {
    expect(ours[1]?.title).toBe('目录');
    expect(tocTitles(ours[1]?.body ?? '')).toEqual(tocTitles(old[1]?.body ?? ''));
    expect(ours[1]?.body).not.toContain('\t');
  });

  it('keeps the text of every section but for the named differences', () => {
    const sections = ours.slice(2);
    expect(sections.length).toBe(old.length - 2);
    sections.forEach((block, index) => {
      expect(`${block.title}\n${normalize(block.body)}`).toBe(`${old[index + 2]?.title}\n${normalize(old[index + 2]?.body ?? '')}`);
    });
  });

  it('resolves every relative path and every anchor, with file links and with heading links', () => {
    expect(brokenReadmeLinks(root, 'README.md')).toEqual([]);
    writeReadmeResult(generate(root));
    expect(brokenReadmeLinks(root, 'README.md')).toEqual([]);
    expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toContain('- [深度学习基础知识](#深度学习基础知识)\n  - [Transformer基础](#transformer基础)');
  });

  it('changes no note (the corpus has no TOC blocks)', () => {
    expect(result?.notes).toEqual([]);
  });
});
