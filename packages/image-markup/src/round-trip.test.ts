// image-html-centered then image-markdown must give every corpus note back byte for byte.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { imageHtmlCentered, imageMarkdown } from './index.js';
import { fixedText, testLintContext } from '@llm-notes/core/testing';
import { corpusFor } from '../../../tests/support/corpus.js';

/** These rules never read the repository: the package folder serves as root, `config` as its notes.config.json. */
const lintOptions = (config: object = {}) => ({ context: testLintContext(fileURLToPath(new URL('..', import.meta.url)), config) });

const corpusFolder = corpusFor('awesome-llm-learning', 'round trip html-centered → markdown on the corpus');
const present = corpusFolder !== undefined;
const corpus = corpusFolder ?? '';

/** The corpus notes: Markdown files inside its chapter folders (not its READMEs). */
function notes(): string[] {
  return readdirSync(corpus, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md') && name.includes(path.sep))
    .sort();
}

describe.skipIf(!present)('round trip html-centered → markdown on the corpus', () => {
  const names = present ? notes() : [];

  it('finds the notes', () => {
    expect(names.length).toBeGreaterThan(10);
  });

  it.each(names)('%s comes back byte-identical', async (name) => {
    const original = readFileSync(path.join(corpus, name), 'utf8');
    const context = lintOptions();
    const html = await fixedText([imageHtmlCentered], original, context);
    // Every Markdown image that stands alone went to HTML…
    const standalone = original.match(/^!\[[^\]]*\]\([^)]*\)[ \t]*$/gmu) ?? [];
    expect(html.match(/<p align="center"><img /gu)?.length ?? 0).toBe(standalone.length);
    // …and comes back exactly as it was.
    expect(await fixedText([imageMarkdown], html, context)).toBe(original);
  });
});
