import { cpSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseMarkdown } from '@llm-notes/core';
import { describe, expect, it } from 'vitest';
import { rules } from './index.js';
import { scanMath } from '@llm-notes/core';
import { lintText, testLintContext } from '@llm-notes/core/testing';
import { corpusFor } from '../../../tests/support/corpus.js';
import { tempFolder } from '../../../tests/support/temp-folder.js';

const corpusFolder = corpusFor('awesome-llm-learning', 'math rules on the real corpus', 'its 92 formulas and the sentences of its Transformer note');
const exists = corpusFolder !== undefined;
const corpus = corpusFolder ?? '';

/** The notes and the committed README, relative to the corpus root. */
function corpusFiles(folder: string, relative = ''): string[] {
  const files: string[] = [];
  for (const name of readdirSync(path.join(folder, relative))) {
    const child = path.join(relative, name);
    if (statSync(path.join(folder, child)).isDirectory()) files.push(...corpusFiles(folder, child));
    else if (name.endsWith('.md') && (relative !== '' || name === 'README.committed.md')) files.push(child);
  }
  return files.sort();
}

/** A temp copy of the corpus's Markdown files (never written back). */
function copyCorpus(): string {
  const target = tempFolder('lint-math-corpus-');
  cpSync(corpus, target, { recursive: true, filter: (source) => statSync(source).isDirectory() || source.endsWith('.md') });
  return target;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

interface Injection {
  readonly name: string;
  readonly find: string;
  readonly replace: string;
  readonly ruleId: string;
  /** Where in `replace` the finding must point. */
  readonly at: number;
  readonly message: string;
}

const NOTE = path.join('1.深度学习基础知识', '1.Transformer基础.md');

const INJECTIONS: readonly Injection[] = [
  { name: 'opener after CJK punctuation', find: '， $d$ 是特征维度', replace: '，$d$ 是特征维度', ruleId: 'math-delimiters', at: 1, message: 'cannot start right after `，`' },
  { name: 'closer before a letter', find: '分成 $h$ 个头', replace: '分成 $h$x 个头', ruleId: 'math-delimiters', at: 5, message: 'followed by `x`' },
  { name: 'unmatched `$`', find: '其中 $d_k$ 和', replace: '其中 $d_k 和', ruleId: 'math-delimiters', at: 3, message: 'unmatched `$`' },
  { name: 'dollar amount paired with a formula', find: '分成 $h$ 个头', replace: '花 $5 and 分成 $h$ 个头', ruleId: 'math-delimiters', at: 2, message: 'escape the dollar amount' },
  { name: '\\(…\\) used as math', find: '- $Output=Attention(Q,K)V$', replace: '- \\(Output=Attention(Q,K)V\\)', ruleId: 'math-delimiters', at: 2, message: 'is not math on GitHub' },
  { name: 'touching formulas', find: '$d_k$ 和 $d_v$', replace: '$d_k$$d_v$', ruleId: 'math-delimiters', at: 4, message: 'two formulas touch' },
  { name: 'TeX error', find: '\\sqrt{d_{k}}})$', replace: '\\sqrt{d_{k}})$', ruleId: 'math-tex', at: -99, message: 'TeX error: Missing close brace' },
  { name: 'blank line in a $$ block', find: '  - 多头拆分：', replace: '\n$$\na = 1\n\nb = 2\n$$\n\n  - 多头拆分：', ruleId: 'math-display-blocks', at: 1, message: 'blank line inside' },
  { name: 'Markdown interference', find: '分成 $h$ 个头', replace: '分成 $\\{h\\}$ 个头', ruleId: 'math-markdown-interference', at: 3, message: 'removes the backslash' },
  { name: 'CJK text in a formula', find: '分成 $h$ 个头', replace: '分成 $h个$ 头', ruleId: 'math-unicode', at: 5, message: 'CJK text `个`' },
];

describe.skipIf(!exists)('math rules on the real corpus', () => {
  it('find all 92 formulas, every one rendered, and report no error', async () => {
    const root = copyCorpus();
    let formulas = 0;
    const errors: string[] = [];
    const context = testLintContext(root);
    for (const relative of corpusFiles(root)) {
      const text = readFileSync(path.join(root, relative), 'utf8');
      const scan = scanMath(parseMarkdown(text), text);
      formulas += scan.formulas.length;
      expect(scan.formulas.filter((formula) => !formula.rendered)).toEqual([]);
      const file = await lintText(rules, text, { context, path: relative });
      for (const message of file.messages) if (message.fatal) errors.push(`${relative}:${message.line}:${message.column} ${message.reason}`);
    }
    expect(formulas).toBe(92);
    expect(errors).toEqual([]);
  });

  it.each(INJECTIONS)('reports an injected defect at its line and column: $name', async (injection) => {
    const root = copyCorpus();
    const target = path.join(root, NOTE);
    const original = readFileSync(target, 'utf8');
    expect(original).toContain(injection.find);
    // A function, so that `$$` in the replacement is not read as a pattern.
    const text = original.replace(injection.find, () => injection.replace);
    writeFileSync(target, text);
    const injectedAt = original.indexOf(injection.find);
    // A negative `at` counts from the end of the replacement: the TeX error points at the formula's start.
    const offset = injection.at >= 0 ? injectedAt + injection.at : text.lastIndexOf('$Attention', injectedAt) + 1;
    const file = await lintText(rules, readFileSync(target, 'utf8'), { context: testLintContext(root), path: NOTE });
    const found = file.messages.filter((message) => message.ruleId === injection.ruleId && message.reason.includes(injection.message));
    expect(found.map((message) => ({ line: message.line, column: message.column }))).toEqual([lineColumn(text, offset)]);
  });
});
