import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashBytes } from '../packages/images/src/manifest.js';
import { fewColoursPng } from '../packages/images/src/__tests__/make-images.js';
import { BIN } from '../packages/cli/src/test-support.js';

const toolchain = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

const env = {
  ...process.env,
  CI: 'true',
  GITHUB_STEP_SUMMARY: '',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

const NOTE = 'content/1.基础/2.归一化.md';
const GOOD_NOTE = '#### 1. 为什么归一化\n\n见[注意力](./1.注意力.md#1-注意力是什么)。\n';
const BROKEN_NOTE = '#### 1. 为什么归一化\n\n见[缺失](./missing.md)。\n';

/** A real git repository with the project's hook installed, pointing at this toolchain's CLI. */
class HookRepo {
  readonly root = mkdtempSync(path.join(os.tmpdir(), 'hook-repo-'));

  constructor(config?: object) {
    this.git('init', '-q', '-b', 'main');
    this.write('package.json', JSON.stringify({ private: true, 'simple-git-hooks': { 'pre-commit': `node ${BIN} pre-commit` } }));
    const install = spawnSync(process.execPath, [path.join(toolchain, 'node_modules/simple-git-hooks/cli.js')], { cwd: this.root, encoding: 'utf8', env });
    expect(install.status).toBe(0);
    if (config) this.write('notes.config.json', JSON.stringify(config));
    this.write('content/0.引言/0.ignore.md', '这是介绍。\n');
    this.write('content/1.基础/1.注意力.md', '#### 1. 注意力是什么\n\n答案。\n');
    expect(this.notes('gen-readme').status).toBe(0);
    this.git('add', '-A');
    expect(this.git('commit', '-q', '--no-verify', '-m', 'start').status).toBe(0);
  }

  git(...args: string[]) {
    return spawnSync('git', ['-c', 'core.quotepath=false', ...args], { cwd: this.root, encoding: 'utf8', env });
  }

  gitWithInput(input: string, ...args: string[]) {
    return spawnSync('git', args, { cwd: this.root, encoding: 'utf8', env, input });
  }

  notes(...args: string[]) {
    return spawnSync(process.execPath, [BIN, ...args], { cwd: this.root, encoding: 'utf8', env });
  }

  write(relative: string, content: string | Buffer): void {
    mkdirSync(path.dirname(path.join(this.root, relative)), { recursive: true });
    writeFileSync(path.join(this.root, relative), content);
  }

  read(relative: string): string {
    return readFileSync(path.join(this.root, relative), 'utf8');
  }

  commits(): number {
    return this.git('rev-list', '--count', 'HEAD').stdout.trim() === '' ? 0 : Number(this.git('rev-list', '--count', 'HEAD').stdout.trim());
  }

  committedFiles(): string[] {
    return this.git('show', '--name-only', '--format=', 'HEAD').stdout.trim().split('\n').sort();
  }

  /** `notes gen-readme --check` on a clean checkout of HEAD: does the committed README match the committed notes? */
  headReadmeIsCurrent(): { code: number | null; output: string } {
    const checkout = mkdtempSync(path.join(os.tmpdir(), 'hook-head-'));
    try {
      expect(this.git('worktree', 'add', '-q', '--detach', checkout, 'HEAD').status).toBe(0);
      const result = spawnSync(process.execPath, [BIN, 'gen-readme', '--check'], { cwd: checkout, encoding: 'utf8', env });
      return { code: result.status, output: result.stdout + result.stderr };
    } finally {
      this.git('worktree', 'remove', '--force', checkout);
      rmSync(checkout, { recursive: true, force: true });
    }
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

describe('the pre-commit hook', () => {
  let repo: HookRepo;
  beforeAll(() => {
    repo = new HookRepo();
  });
  afterAll(() => repo.cleanup());

  it('rejects a commit whose staged note has a broken link, naming file and line', () => {
    repo.write(NOTE, '#### 1. 为什么归一化\n\n见[注意力](./1.注意力.md#1-注意力是什么)和[缺失](./missing.md)。\n');
    repo.git('add', 'content');
    const commit = repo.git('commit', '-m', 'add note');
    expect(commit.status).not.toBe(0);
    const output = commit.stdout + commit.stderr;
    expect(output).toContain(NOTE);
    expect(output).toMatch(/3:\d+/u);
    expect(output).toContain('link-missing-file');
    expect(repo.commits()).toBe(1);
  });

  it('accepts the fixed commit and puts the regenerated README in it', () => {
    repo.write(NOTE, GOOD_NOTE);
    repo.git('add', 'content');
    const commit = repo.git('commit', '-m', 'add note');
    expect(commit.stderr).toContain('regenerated README.md from the staged notes and staged it');
    expect(commit.stderr).not.toContain('git reset');
    expect(commit.status).toBe(0);
    expect(repo.committedFiles()).toEqual(['README.md', NOTE]);
    expect(repo.read('README.md')).toContain('### 归一化');
    expect(repo.git('status', '--porcelain').stdout).toBe('');
  });

  it('does not run the content checks for a commit outside the content folder', () => {
    // A broken note in the working tree, not staged: a content check would reject it.
    repo.write('content/1.基础/3.坏.md', '[缺失](./missing.md)\n');
    repo.write('docs.txt', 'notes about the repository\n');
    repo.git('add', 'docs.txt');
    const commit = repo.git('commit', '-m', 'docs');
    expect(commit.status).toBe(0);
    expect(commit.stdout + commit.stderr).not.toMatch(/link-missing-file|README/u);
    rmSync(path.join(repo.root, 'content/1.基础/3.坏.md'));
  });
});

describe('the pre-commit hook and Markdown outside the content folder', () => {
  let repo: HookRepo;
  beforeAll(() => {
    repo = new HookRepo();
  });
  afterAll(() => repo.cleanup());

  it('lints a staged Markdown file that `lint` looks at, without touching the README', () => {
    repo.write('docs/guide.md', '# 指南\n\n[缺失](./missing.md)\n');
    repo.git('add', 'docs/guide.md');
    const blocked = repo.git('commit', '-m', 'guide');
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toMatch(/docs\/guide\.md[\s\S]*3:\d+.*link-missing-file/u);
    repo.write('docs/guide.md', '# 指南\n\n[注意力](../content/1.基础/1.注意力.md)\n');
    repo.git('add', 'docs/guide.md');
    const commit = repo.git('commit', '-m', 'guide');
    expect(commit.status).toBe(0);
    expect(commit.stderr).not.toContain('README');
    expect(repo.committedFiles()).toEqual(['docs/guide.md']);
  });
});

describe('the pre-commit hook judges the index, not the working tree', () => {
  let repo: HookRepo;
  beforeAll(() => {
    repo = new HookRepo();
  });
  afterAll(() => repo.cleanup());

  it('blocks a staged broken link although the working tree is fixed', () => {
    repo.write(NOTE, BROKEN_NOTE);
    repo.git('add', NOTE);
    repo.write(NOTE, GOOD_NOTE); // fixed, but not staged
    const commit = repo.git('commit', '-m', 'broken as staged');
    expect(commit.status).toBe(1);
    expect(commit.stderr).toContain(NOTE); // the working-tree path, not a snapshot folder
    expect(commit.stderr).not.toMatch(/llm-notes-index-/u);
    expect(commit.stderr).toMatch(/3:\d+.*link-missing-file/u);
    expect(repo.commits()).toBe(1);
    // Nothing of the hook is left behind in git's folder or the working tree.
    expect(repo.git('status', '--porcelain').stdout).toContain(NOTE);
    expect(spawnSync('ls', [path.join(repo.root, '.git')], { encoding: 'utf8' }).stdout).not.toContain('llm-notes-index-');
  });

  it('passes a good staged note while the working tree is broken; the committed README matches the committed notes', () => {
    repo.write(NOTE, GOOD_NOTE);
    repo.git('add', NOTE);
    repo.write(NOTE, `${BROKEN_NOTE}\n#### 2. 只在工作区\n\n未暂存。\n`); // broken and with a new heading, not staged
    const commit = repo.git('commit', '-m', 'good as staged');
    expect(commit.stderr).toContain('regenerated README.md from the staged notes');
    expect(commit.status).toBe(0);
    expect(repo.committedFiles()).toEqual(['README.md', NOTE]);
    const committedReadme = repo.git('show', 'HEAD:README.md').stdout;
    expect(committedReadme).toContain('### 归一化');
    expect(committedReadme).not.toContain('只在工作区');
    expect(repo.headReadmeIsCurrent().code).toBe(0);
    // The unstaged edit is still there, unstaged.
    expect(repo.read(NOTE)).toContain('只在工作区');
    expect(repo.git('diff', '--name-only').stdout.trim()).toBe(NOTE);
    repo.write(NOTE, GOOD_NOTE);
  });

  it('judges a partially staged note (`git add -p`) on the staged hunks', () => {
    // Two far-apart edits: a broken link at the top (left unstaged), a new section at the end (staged).
    const lines = Array.from({ length: 12 }, (_, index) => `第 ${index + 1} 段。\n`);
    const base = `#### 1. 为什么归一化\n\n${lines.join('\n')}`;
    repo.write(NOTE, base);
    repo.git('add', NOTE);
    expect(repo.git('commit', '-q', '--no-verify', '-m', 'base').status).toBe(0);
    repo.write(NOTE, `#### 1. 为什么归一化\n\n[坏](./nope.md)\n\n${lines.join('\n')}\n#### 2. 新的一节\n\n内容。\n`);
    const add = repo.gitWithInput('n\ny\n', 'add', '-p', NOTE);
    expect(add.status).toBe(0);
    expect(repo.git('diff', '--cached').stdout).toContain('新的一节');
    expect(repo.git('diff', '--cached').stdout).not.toContain('nope.md');
    const commit = repo.git('commit', '-m', 'staged half');
    expect(commit.status).toBe(0);
    expect(repo.git('show', `HEAD:${NOTE}`).stdout).not.toContain('nope.md');
    expect(repo.git('show', 'HEAD:README.md').stdout).toContain('新的一节');
    expect(repo.headReadmeIsCurrent().code).toBe(0);

    // The other way round: the broken hunk staged, the good one not.
    repo.git('checkout', '--', NOTE);
    repo.write(NOTE, `#### 1. 为什么归一化\n\n[坏](./nope.md)\n\n${lines.join('\n')}\n#### 2. 新的一节\n\n内容。\n\n#### 3. 又一节\n\n更多。\n`);
    const addBroken = repo.gitWithInput('y\nn\n', 'add', '-p', NOTE);
    expect(addBroken.status).toBe(0);
    const blocked = repo.git('commit', '-m', 'broken half');
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toMatch(/3:\d+.*link-missing-file/u);
    repo.git('reset', '-q', '--', NOTE);
    repo.git('checkout', '--', NOTE);
  });

  it('`git commit <path>` is judged on the index git builds for it: other staged notes are not part of it', () => {
    const other = 'content/1.基础/4.别的.md';
    repo.write(other, BROKEN_NOTE); // staged, broken, but not in this commit
    repo.git('add', other);
    repo.write(NOTE, `${GOOD_NOTE}\n#### 2. 只提交这个\n\n内容。\n`);
    const commit = repo.git('commit', '-m', 'only the good note', '--', NOTE);
    expect(commit.stderr).not.toContain('link-missing-file');
    expect(commit.status).toBe(0);
    expect(repo.committedFiles()).toEqual(['README.md', NOTE]);
    expect(repo.git('show', 'HEAD:README.md').stdout).toContain('只提交这个');
    expect(repo.headReadmeIsCurrent().code).toBe(0);
    // git keeps the user's index as it was for such a commit: the hook says how to bring it up to date.
    expect(commit.stderr).toContain('after the commit run `git reset -q -- README.md`');
    repo.git('reset', '-q', '--', 'README.md');
    expect(repo.git('status', '--porcelain', '--', 'README.md').stdout).toBe('');
    // The broken note is still staged, and now blocks a commit of everything staged.
    expect(repo.git('diff', '--cached', '--name-only').stdout).toContain(other);
    expect(repo.git('commit', '-m', 'the rest').status).toBe(1);
    repo.git('rm', '-q', '--cached', '--', other);
    rmSync(path.join(repo.root, other));
  });

  it('with `hooks.readme: "block"`, stops a commit whose staged README is stale and changes nothing', () => {
    repo.write('notes.config.json', JSON.stringify({ hooks: { readme: 'block' } }));
    repo.git('add', 'notes.config.json');
    expect(repo.git('commit', '-q', '--no-verify', '-m', 'block mode').status).toBe(0);
    repo.write('content/1.基础/3.新.md', '#### 1. 新\n\n文字。\n');
    repo.git('add', 'content/1.基础/3.新.md');
    const readmeBefore = repo.read('README.md');
    const commit = repo.git('commit', '-m', 'new note, stale README');
    expect(commit.status).toBe(1);
    expect(commit.stderr).toMatch(/README\.md:\d+: out of date for the staged notes/u);
    expect(repo.read('README.md')).toBe(readmeBefore);
    expect(repo.git('diff', '--cached', '--name-only').stdout.trim()).toBe('content/1.基础/3.新.md');
  });
});

describe('the pre-commit hook checks images as staged, with their manifest entries', () => {
  let repo: HookRepo;
  const IMAGE = 'content/1.基础/images/颜色.png';
  const MANIFEST = 'content/images.manifest.json';
  beforeAll(() => {
    repo = new HookRepo();
  });
  afterAll(() => repo.cleanup());

  it('blocks an unoptimized staged image even after `pnpm images` optimized the working-tree copy', async () => {
    const original = await fewColoursPng();
    repo.write(IMAGE, original);
    repo.write(NOTE, `${GOOD_NOTE}\n![颜色](./images/颜色.png)\n`);
    repo.git('add', 'content');
    const optimize = repo.notes('images');
    expect(optimize.status).toBe(0);
    const optimized = readFileSync(path.join(repo.root, IMAGE));
    expect(optimized.length).toBeLessThan(original.length);
    // Not re-staged: the commit would hold the original.
    const commit = repo.git('commit', '-m', 'image, unoptimized as staged');
    expect(commit.status).toBe(1);
    expect(commit.stderr).toContain(`${IMAGE}`);
    expect(commit.stderr).toContain('not optimized');
    expect(commit.stderr).toContain(`git add -- '${IMAGE}'`);
    expect(repo.commits()).toBe(1);
  });

  it('stages the manifest entries with the optimized image, so the commit is consistent', () => {
    repo.git('add', IMAGE); // the optimized copy, but not the manifest
    // The manifest `pnpm images` wrote is new and not staged.
    expect(repo.git('status', '--porcelain', '--', MANIFEST).stdout.trim()).toBe(`?? ${MANIFEST}`);
    const commit = repo.git('commit', '-m', 'optimized image');
    expect(commit.stderr).toContain(`staged the ${MANIFEST} entries of ${IMAGE}`);
    expect(commit.status).toBe(0);
    expect(repo.committedFiles()).toEqual([MANIFEST, 'README.md', IMAGE, NOTE].sort());
    const manifest = JSON.parse(repo.git('show', `HEAD:${MANIFEST}`).stdout) as { images: Record<string, { sha256: string }> };
    const committedImage = spawnSync('git', ['show', `HEAD:${IMAGE}`], { cwd: repo.root, env });
    expect(manifest.images[IMAGE]?.sha256).toBe(hashBytes(committedImage.stdout));
    expect(repo.git('status', '--porcelain').stdout).toBe('');
    // What was committed passes the full check.
    expect(repo.notes('images', '--check').status).toBe(0);
  });
});

describe('the pre-commit hook with the chapters at the repository root (content ".")', () => {
  it('checks staged notes there too', () => {
    const repo = mkdtempSync(path.join(os.tmpdir(), 'hook-root-'));
    try {
      const run = (command: string, args: string[]) => spawnSync(command, args, { cwd: repo, encoding: 'utf8', env });
      run('git', ['init', '-q', '-b', 'main']);
      writeFileSync(path.join(repo, 'notes.config.json'), '{"content": "."}\n');
      mkdirSync(path.join(repo, '1.基础'));
      writeFileSync(path.join(repo, '1.基础', '1.注意力.md'), '#### 1. 注意力\n\n见[缺失](./missing.md)。\n');
      run('git', ['add', '-A']);
      const hook = run(process.execPath, [BIN, 'pre-commit']);
      expect(hook.status).not.toBe(0);
      expect(hook.stdout + hook.stderr).toContain('link-missing-file');
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
