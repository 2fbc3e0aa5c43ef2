import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLintContext, fixFile, lintFiles, selectRules } from '@llm-notes/core';
import { allRules } from '../../packages/cli/src/rules-table.js';
import { contextFor } from '../support/context.js';
import { fuzzParameters, markdownNote } from '../support/markdown-arbitrary.js';

const NOTE = 'content/1.基础/1.注意力.md';
let root: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'fuzz-rules-'));
  mkdirSync(path.join(root, 'content/1.基础/images'), { recursive: true });
  mkdirSync(path.join(root, 'content/0.引言'), { recursive: true });
  writeFileSync(path.join(root, 'content/0.引言/0.ignore.md'), '介绍\n');
  const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#336699' } }).png().toBuffer();
  writeFileSync(path.join(root, 'content/1.基础/images/a.png'), png);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function writeNote(text: string, bom: boolean): void {
  writeFileSync(path.join(root, NOTE), bom ? `\uFEFF${text}` : text);
}

const STYLES = ['own-line', 'html-centered', 'markdown'] as const;

describe('fuzzing every rule and fix on random notes', () => {
  it('no rule ever throws: failures would surface as internal-error messages', async () => {
    const context = contextFor(root);
    const rules = selectRules(allRules, context.config, allRules.map((rule) => rule.id));
    await fc.assert(
      fc.asyncProperty(markdownNote, async ({ text, bom }) => {
        writeNote(text, bom);
        const [file] = await lintFiles(context, [NOTE], rules);
        const crashes = file!.messages.filter((message) => message.ruleId === 'internal-error');
        expect(crashes.map((message) => message.reason)).toEqual([]);
      }),
      fuzzParameters(150),
    );
  });

  it('fix settles when a formula spans a link: nothing is written into the destination', async () => {
    // Found by the property below: math-unicode wrapped CJK in \\text{} inside the link's path,
    // link-suspicious-destination turned the backslash into a slash, and the two never settled.
    const context = contextFor(root, { images: { style: 'html-centered' } } as never);
    const rules = selectRules(allRules, context.config).filter((enabled) => enabled.rule.fixable);
    const text = '1. $ x $$ x $注意力机制\n   [链接](./1.注意力.md#1-问题)$$x$$注意力机制\n';
    writeNote(text, false);
    const first = await fixFile(createLintContext(context), NOTE, rules);
    expect(first.unsettled).toBe(false);
    expect(first.after).toContain('[链接](./1.注意力.md#1-问题)');
  });

  it('fix settles when trimming a formula would make two `$` touch', async () => {
    // Found by the property below: the spacing fix trimmed `$10 … $`…`$ $` into `…$$⋅$`,
    // math-delimiters split the touching `$$` again, and the two never settled.
    const context = contextFor(root, { images: { style: 'html-centered' } } as never);
    const rules = selectRules(allRules, context.config).filter((enabled) => enabled.rule.fixable);
    const line = '注意力机制$5 and $10注意力机制 $`\\{a\\}`$ $⋅$';
    writeNote(`${line}\n![图](./images/a.png)\n${line}\n`, false);
    const first = await fixFile(createLintContext(context), NOTE, rules);
    expect(first.unsettled).toBe(false);
    expect(first.after).not.toContain('$$');
  });

  for (const style of STYLES) {
    it(`fix is idempotent and keeps line endings (image style ${style})`, async () => {
      const context = contextFor(root, { images: { style } } as never);
      const rules = selectRules(allRules, context.config).filter((enabled) => enabled.rule.fixable);
      await fc.assert(
        fc.asyncProperty(markdownNote, async ({ text, bom, crlf }) => {
          writeNote(text, bom);
          const first = await fixFile(createLintContext(context), NOTE, rules);
          expect(first.unsettled).toBe(false);
          expect(first.file.messages.filter((message) => message.fatal)).toEqual([]);
          writeNote(first.after, bom);
          const second = await fixFile(createLintContext(context), NOTE, rules);
          expect(second.after).toBe(first.after);
          if (crlf) expect(first.after.replace(/\r\n/gu, '')).not.toMatch(/\n/u);
        }),
        fuzzParameters(100),
      );
    });
  }
});
