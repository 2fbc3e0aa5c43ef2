import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../packages/cli/src/test-support.js';

const toolchain = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
let root: string;

const env = {
  ...process.env,
  CI: 'true',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

function git(...args: string[]) {
  return spawnSync('git', args, { cwd: root, encoding: 'utf8', env });
}

function write(relative: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  writeFileSync(path.join(root, relative), text);
}

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'hook-repo-'));
  git('init', '-q', '-b', 'main');
  // The project's own hook configuration, pointing at this toolchain's CLI.
  write('package.json', JSON.stringify({ private: true, 'simple-git-hooks': { 'pre-commit': `node ${BIN} pre-commit` } }));
  const install = spawnSync(process.execPath, [path.join(toolchain, 'node_modules/simple-git-hooks/cli.js')], { cwd: root, encoding: 'utf8', env });
  expect(install.status).toBe(0);
  write('content/0.引言/0.ignore.md', '这是介绍。\n');
  write('content/1.基础/1.注意力.md', '#### 1. 注意力是什么\n\n答案。\n');
  expect(spawnSync(process.execPath, [BIN, 'gen-readme'], { cwd: root, encoding: 'utf8', env }).status).toBe(0);
  git('add', '-A');
  expect(git('commit', '-q', '--no-verify', '-m', 'start').status).toBe(0);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the pre-commit hook', () => {
  it('rejects a commit whose staged note has a broken link, naming file and line', () => {
    write('content/1.基础/2.归一化.md', '#### 1. 为什么归一化\n\n见[注意力](./1.注意力.md#1-注意力是什么)和[缺失](./missing.md)。\n');
    git('add', 'content');
    const commit = git('commit', '-m', 'add note');
    expect(commit.status).not.toBe(0);
    const output = commit.stdout + commit.stderr;
    expect(output).toContain('content/1.基础/2.归一化.md');
    expect(output).toMatch(/3:\d+/u);
    expect(output).toContain('link-missing-file');
    expect(git('log', '--oneline').stdout.trim().split('\n')).toHaveLength(1);
  });

  it('accepts the fixed commit and puts the regenerated README in it', () => {
    write('content/1.基础/2.归一化.md', '#### 1. 为什么归一化\n\n见[注意力](./1.注意力.md#1-注意力是什么)。\n');
    git('add', 'content');
    const commit = git('commit', '-m', 'add note');
    expect(commit.stderr).toContain('staged README.md');
    expect(commit.status).toBe(0);
    const files = git('-c', 'core.quotepath=false', 'show', '--name-only', '--format=', 'HEAD').stdout.trim().split('\n');
    expect(files.sort()).toEqual(['README.md', 'content/1.基础/2.归一化.md']);
    expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toContain('### 归一化');
    expect(git('status', '--porcelain').stdout).toBe('');
  });

  it('does not run the content checks for a commit outside the content folder', () => {
    // A broken note in the working tree, not staged: a content check would reject it.
    write('content/1.基础/3.坏.md', '[缺失](./missing.md)\n');
    write('docs.txt', 'notes about the repository\n');
    git('add', 'docs.txt');
    const commit = git('commit', '-m', 'docs');
    expect(commit.status).toBe(0);
    expect(commit.stdout + commit.stderr).not.toMatch(/link-missing-file|README/u);
  });
});
