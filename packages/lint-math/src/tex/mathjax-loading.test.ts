import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createParser } from '@llm-notes/core';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { rules } from '../index.js';
import { mathTex } from '../rules/math-tex.js';
import { lintText, testLintContext } from '@llm-notes/core/testing';

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs ESM code in a fresh Node process (the built package) and returns its stdout. */
function runNode(code: string): string {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: packageRoot, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return result.stdout.trim();
}

describe('MathJax loading', () => {
  it('is not loaded by importing the rules, nor for formulas the pre-check decides (valid or not), only for the others', () => {
    const index = pathToFileURL(path.join(packageRoot, 'dist/index.js')).href;
    const core = pathToFileURL(path.join(packageRoot, '../core/dist/index.js')).href;
    const output = runNode(`
      import { createRequire } from 'node:module';
      import { VFile } from 'vfile';
      const { rules } = await import(${JSON.stringify(index)});
      const { createLinter } = await import(${JSON.stringify(core)});
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((key) => key.includes('mathjax-full'));
      const lint = createLinter(rules.map((rule) => ({ rule, severity: 'error' })), rules.map((rule) => rule.id));
      const context = { cache: new Map() };
      const atImport = loaded();
      await lint(new VFile({ path: 'a.md', value: '# No math here, only $5.\\n' }), context);
      const withoutMath = loaded();
      await lint(new VFile({ path: 'b.md', value: 'Math: $x^2$ and $\\\\frac{a}{b}$\\n' }), context);
      const simpleMath = loaded();
      await lint(new VFile({ path: 'c.md', value: 'Math: $\\\\frac{1}{2$ and $x^2^3$ and $\\\\begin{matrix}a\\\\end{cases}$\\n' }), context);
      const decidedErrors = loaded();
      await lint(new VFile({ path: 'd.md', value: 'Math: $\\\\overset{a}{b$\\n' }), context);
      console.log(JSON.stringify([atImport, withoutMath, simpleMath, decidedErrors, loaded()]));
    `);
    // Errors the pre-check decides need no MathJax either; only an undecided formula loads it.
    expect(JSON.parse(output)).toEqual([false, false, false, false, true]);
  });

  it('compiles each distinct formula once per run, through the lint context cache', async () => {
    // The rule never reads the repository: the package folder serves as root.
    const context = testLintContext(packageRoot);
    await lintText([mathTex], '$a^2$ and $b^2$ and $a^2$\n', { context, path: 'one.md' });
    await lintText([mathTex], 'Again $a^2$, and $$a^2$$\n', { context, path: 'two.md' });
    const results = context.cache.get('math-tex:results') as Map<string, string | undefined>;
    // Inline and display versions of a formula are compiled apart.
    expect([...results.keys()].sort()).toEqual(['Da^2', 'Ia^2', 'Ib^2']);
  });

  it('works as a plain remark-lint plugin, without a lint context', async () => {
    const processor = createParser();
    for (const rule of rules) processor.use(rule.plugin, ['error']);
    const file = new VFile({ path: 'plain.md', value: '维度为，$d$ 和 $\\frac{1}{2$。\n' });
    await processor.run(processor.parse(file), file);
    expect(file.messages.map((message) => [message.ruleId, message.line, message.column])).toEqual([
      ['math-delimiters', 1, 5],
      ['math-tex', 1, 12],
    ]);
  });
});
