import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { corpusFor } from '../../../../tests/support/corpus.js';
import { createParser } from '../processor.js';

/** The parser as remark-gfm alone sets it up: every text node goes through the autolink-literal step. */
const everywhere = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).freeze();
const narrowed = createParser().freeze();

const CASES = [
  'See www.example.com and https://example.org/a_(b) or mail a.b+c@example.co.uk.',
  '# Head www.example.com/x\n\n| a | b |\n|---|---|\n| http://x.io | c@d.org |\n',
  '- one\n  - two https://deep.example/path?q=1.\n    > quoted WWW.EXAMPLE.COM, done\n',
  // A character reference decodes to `@` in the text, not in the source.
  'write to me&#64;example.com or xmpp:me@example.com/home and mailto:you@example.org',
  '[www.inside.link](x.md) and [ref][www.ref.com] then ![alt www.img.com](i.png)\n\n[www.ref.com]: https://r.example\n',
  '$a@b.c$ and `code www.x.com` and <span>www.y.com</span> and $x_{www.z.com}$ plain text',
  'no literal link here: a.b, ftp:/x, wwwexample.com, user@, @name.\n\n1. x\n2. y\n',
  '---\ntitle: www.front.matter\n---\n\nbody http://after.front.matter\n',
  'emphasis *www.a.com* and **b@c.de** and ~~https://s.io~~[^1]\n\n[^1]: note www.foot.note\n',
];

function notesOf(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(folder, name));
}

/** The transforms of the mdast extension that reads GFM's `literalAutolink` tokens. */
function autolinkTransforms(processor: typeof everywhere): unknown[] {
  const extensions = (processor.data('fromMarkdownExtensions') ?? []) as unknown[];
  const found = extensions.flat(2).find((extension) => 'literalAutolinkEmail' in ((extension as { enter?: object }).enter ?? {}));
  return (found as { transforms: unknown[] }).transforms;
}

describe('GFM autolink literals, looked for only where they can be', () => {
  it('narrows the autolink-literal step of the one parser', () => {
    expect(autolinkTransforms(everywhere)).toHaveLength(1);
    expect(autolinkTransforms(narrowed)).toHaveLength(1);
    expect(autolinkTransforms(narrowed)[0]).not.toBe(autolinkTransforms(everywhere)[0]);
  });

  it('gives the same tree as the step run over every text node', () => {
    for (const text of CASES) expect(narrowed.parse(text), text).toEqual(everywhere.parse(text));
    // The cases do hold literal links, and the narrowed step finds them.
    const links = JSON.stringify(narrowed.parse(CASES[0] as string)).match(/"type":"link"/gu) ?? [];
    expect(links).toHaveLength(3);
  });

  it('gives the same trees on every fourth note of the llm-action corpus', () => {
    const folder = corpusFor('llm-action', 'autolink-literal trees on the llm-action corpus');
    if (folder === undefined) return;
    // A fixed quarter of the notes (every one takes 15 s on two shared cores): links, e-mails, formulas, tables, HTML.
    const notes = notesOf(folder).sort().filter((_, index) => index % 4 === 0);
    expect(notes.length).toBeGreaterThan(25);
    for (const note of notes) {
      const text = readFileSync(note, 'utf8');
      // Serialized: a deep comparison of 563 whole trees costs more than the parses.
      expect(JSON.stringify(narrowed.parse(text)), note).toBe(JSON.stringify(everywhere.parse(text)));
    }
  });
});
