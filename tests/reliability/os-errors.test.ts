import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError, userErrorFromOs } from '@llm-notes/core';
import { BIN } from '../../packages/cli/src/test-support.js';
import { changedPaths, snapshotTree } from '../support/snapshot.js';

/**
 * OS errors become one line naming the user's file and what to do, never
 * "internal error" or a stack: a root given as a symlink, paths longer than
 * the system allows, read-only and full file systems, and the pre-commit hook
 * in a checkout where the toolchain is not installed.
 */

const toolchain = realpathSync(path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..'));
const temps: string[] = [];
afterAll(() => {
  for (const folder of temps) rmSync(folder, { recursive: true, force: true });
});

function sandbox(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'os-errors-'));
  temps.push(folder);
  return folder;
}

function repository(root: string): void {
  mkdirSync(path.join(root, 'content/0.引言'), { recursive: true });
  mkdirSync(path.join(root, 'content/1.基础'), { recursive: true });
  writeFileSync(path.join(root, 'content/0.引言/0.ignore.md'), '这是介绍。\n');
  writeFileSync(path.join(root, 'content/1.基础/1.注意力.md'), '#### 1. 问题\n\n答案 $x$ 。\n');
  spawnSync('git', ['init', '-q'], { cwd: root });
}

function notes(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true', GITHUB_STEP_SUMMARY: '' } });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('one-line errors instead of internal errors', () => {
  it('works with --root given as a symlink to the repository', () => {
    const folder = sandbox();
    const root = path.join(folder, 'repo');
    repository(root);
    symlinkSync(root, path.join(folder, 'link'));
    const readme = notes(['gen-readme', '--root', path.join(folder, 'link')], folder);
    expect(readme.code, readme.output).toBe(0);
    expect(readme.output).toContain('wrote README.md');
    for (const command of ['lint', 'check', 'fix']) {
      const result = notes([command, '--root', path.join(folder, 'link')], folder);
      expect(result.code, result.output).toBe(0);
      expect(result.output).not.toMatch(/internal error|cwd/u);
    }
  });

  it('says a path is too long in one line (root and content folder beyond PATH_MAX)', () => {
    const folder = sandbox();
    repository(folder);
    const before = snapshotTree(folder);
    const longRoot = notes(['lint', '--root', path.join(folder, 'a'.repeat(5000))], folder);
    expect(longRoot.code).toBe(2);
    expect(longRoot.output).toMatch(/repository root not found \(ENAMETOOLONG\)/u);
    const longContent = notes(['gen-readme', '--content', Array(30).fill('b'.repeat(200)).join('/')], folder);
    expect(longContent.code).toBe(2);
    for (const output of [longRoot.output, longContent.output]) {
      expect(output.trim().split('\n')).toHaveLength(1);
      expect(output).not.toMatch(/internal error|\n\s+at /u);
    }
    expect(changedPaths(before, snapshotTree(folder))).toEqual([]);
  });

  it('names the user’s file and what to do for a read-only or full file system', () => {
    const failure = (code: string) => Object.assign(new Error(`${code}: failed, open '/repo/.cache/tmp/1-abcdef01.llm-notes-tmp'`), { code, path: '/repo/.cache/tmp/1-abcdef01.llm-notes-tmp' });
    const readOnly = userErrorFromOs(failure('EROFS'), 'content/1.基础/1.注意力.md', 'write the file') as UserError;
    expect(readOnly).toBeInstanceOf(UserError);
    expect(readOnly.describe()).toBe('content/1.基础/1.注意力.md: cannot write the file: the file system is read-only; run the command where the repository can be written (EROFS)');
    const full = userErrorFromOs(failure('ENOSPC'), 'README.md', 'write the file') as UserError;
    expect(full.describe()).toBe('README.md: cannot write the file: no space left on the device; free some space and run again (ENOSPC)');
    // The temp file's name never reaches the user.
    expect(`${readOnly.describe()} ${full.describe()}`).not.toContain('llm-notes-tmp');
  });
});

describe('the pre-commit hook', () => {
  it('says what to do in a checkout without the toolchain (a fresh git worktree)', () => {
    const worktree = sandbox();
    const result = spawnSync(process.execPath, [path.join(toolchain, 'scripts/pre-commit-hook.mjs')], { cwd: worktree, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`pre-commit: the notes toolchain is not installed in this checkout (${worktree}); run \`pnpm install\` here first, or commit with --no-verify\n`);
  });
});
