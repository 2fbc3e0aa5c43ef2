import { readFileSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rememberingWidth } from './display-width.mjs';

const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
/** The `string-width` vfile-reporter imports: its sibling in the package store. */
const reporterDir = realpathSync(path.join(repoRoot, 'packages/reporters/node_modules/vfile-reporter'));
const { default: stringWidth } = (await import(pathToFileURL(path.join(path.dirname(reporterDir), 'string-width/index.js')).href)) as {
  default: (text: string, options?: object) => number;
};

describe('rememberingWidth', () => {
  it('measures every string as string-width does', () => {
    const width = rememberingWidth(stringWidth);
    const samples = [
      '',
      'warning',
      '12:3-12:40',
      'content/3.大语言模型基础知识/1.注意力.md',
      '链接 `#没有这个标题` 不存在；期望 `#正弦编码`',
      '全角：，。、“”（）',
      'e\u0301 café 𝒳 𠮷',
      '👩‍👩‍👧 🇨🇳 1️⃣ #️⃣ ✔️ ⚠ ✖ ©',
      '\t tab and \u0007 bell \u009f',
      '\u001b[33mwarning\u001b[39m yellow',
      '\u200d\u200b\ufe0f zero widths',
      'ｱｲｳ halfwidth ＡＢＣ fullwidth',
    ];
    for (let code = 0x20; code <= 0x7e; code++) samples.push(String.fromCharCode(code));
    // Real text: every line of this repository's notes.
    const content = path.join(repoRoot, 'content');
    for (const file of readdirSync(content, { recursive: true, encoding: 'utf8' })) {
      if (file.endsWith('.md')) samples.push(...readFileSync(path.join(content, file), 'utf8').split('\n'));
    }
    for (const sample of samples) expect(width(sample), JSON.stringify(sample)).toBe(stringWidth(sample));
    // Twice: the remembered graphemes give the same answers.
    for (const sample of samples) expect(width(sample), JSON.stringify(sample)).toBe(stringWidth(sample));
  });

  it('agrees with string-width on random text, options passed through', () => {
    const width = rememberingWidth(stringWidth);
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 })), (text) => {
        expect(width(text)).toBe(stringWidth(text));
        expect(width(text, { ambiguousIsNarrow: false })).toBe(stringWidth(text, { ambiguousIsNarrow: false }));
      }),
      { numRuns: 3000 },
    );
  });

  it('is what the bundled stylish report measures with', () => {
    const bundle = path.join(repoRoot, 'packages/cli/bundle');
    const chunks = readdirSync(bundle).filter((name) => name.endsWith('.js'));
    expect(chunks.some((name) => readFileSync(path.join(bundle, name), 'utf8').includes('rememberingWidth('))).toBe(true);
  });
});
