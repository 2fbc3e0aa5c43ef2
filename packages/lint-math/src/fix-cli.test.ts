import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The built CLI; `pnpm test` builds it first. */
const BIN = path.join(repoRoot, 'packages/cli/bundle/notes.js');

/** One note with every kind of defect the math rules can fix. */
const BROKEN = `# 可修复的公式

维度为，$d$ 的矩阵、$W_k$ 参数，长度$L$。

The value $x$a and $y$1 here.

Costs $5 and the loss is $x$.

Touch $a$$b$ here. LaTeX \\(x^2\\) inline.

\\[y = \\frac{1}{2}\\]

Bad backtick a$\`x\`$ here.

Spaces $ x $ inside; closer $x$的长度。

$$
\\gamma
$$
$$
\\delta
$$

Set $\\{x_1, x_2\\}$ and $a^*$, $Q=X⋅W_{q}$， $f(x，y)$， $损失=L$。

| a | b |
|---|---|
| $P(a|b)$ | $x×y$ |
`;

const FIXED = `# 可修复的公式

维度为， $d$ 的矩阵、 $W_k$ 参数，长度 $L$。

The value $x$ a and $y$ 1 here.

Costs \\$5 and the loss is $x$.

Touch $a$ $b$ here. LaTeX $x^2$ inline.

$$y = \\frac{1}{2}$$

Bad backtick a $\`x\`$ here.

Spaces $x$ inside; closer $x$ 的长度。

$$
\\gamma
$$

$$
\\delta
$$

Set $\`\\{x_1, x_2\\}\`$ and $\`a^*\`$, $Q=X\\cdot W_{q}$， $f(x,y)$， $\\text{损失}=L$。

| a | b |
|---|---|
| $P(a\\vert{}b)$ | $x\\times y$ |
`;

function notes(args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('notes fix with the math rules', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'lint-math-fix-'));
  const note = path.join(root, 'content', '1.基础', '1.公式.md');
  mkdirSync(path.dirname(note), { recursive: true });
  writeFileSync(note, BROKEN);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reports the defects as errors before fixing', () => {
    const lint = notes(['lint', '--root', root, '--format', 'json']);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('math-delimiters');
  });

  it('fixes every defect, changes nothing on a second run, and the result passes lint', () => {
    const first = notes(['fix', '--root', root]);
    expect(first.code).toBe(0);
    expect(readFileSync(note, 'utf8')).toBe(FIXED);

    const second = notes(['fix', '--root', root]);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('fixed 0 problems');
    expect(readFileSync(note, 'utf8')).toBe(FIXED);

    const lint = notes(['lint', '--root', root]);
    expect(lint.stdout).toBe('1 file checked, no problems\n');
    expect(lint.code).toBe(0);
  });
});

describe('notes fix on a read-only note', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'lint-math-fix-readonly-'));
  const note = path.join(root, 'content', '1.基础', '1.公式.md');
  mkdirSync(path.dirname(note), { recursive: true });
  writeFileSync(note, BROKEN);
  chmodSync(note, 0o444);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('leaves it unchanged, says why, and counts nothing as fixed (exit 1)', () => {
    const result = notes(['fix', '--root', root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('content/1.基础/1.公式.md: file is read-only; not changed\n');
    expect(result.stderr).toContain('fixed 0 problems in 0 files\n');
    expect(result.stdout).toBe('');
    expect(readFileSync(note, 'utf8')).toBe(BROKEN);
  });
});
