// End to end: the built `notes init` on temporary repositories (run `pnpm build` first).
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE, LOCK_FILE, TEMP_SUFFIX, parseConfig } from '@llm-notes/core';
import { describe, expect, it } from 'vitest';
import { tempRepo } from '../test-support.js';
import { inProcessCli } from '../../../../tests/support/command-process.js';

// Each command runs in the file's long-lived command process: what is tested is its output, exit code and files.
const cli = inProcessCli();

const repo = tempRepo;
const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8');

/** Like the seed repository: numbered chapters at the root beside folders that are not chapters. */
const SEED_LIKE = {
  'README.md': '# 大模型学习笔记 [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n旧的目录。\n',
  '0.引言/1.引言.md': '# 引言\n\n这里是引言。\n',
  '1.基础/1.注意力.md': '# 注意力\n\n<p align="center"><img width="720" src="images/a.png"></p>\n\n<img width="720" src="images/b.png">\n',
  '2.推理/1.量化.md': '# 量化\n\n![图](images/c.png)\n',
  'public/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
  'tools/gen.py': 'print("old generator")\n',
  'index.md': '# index\n',
  'package.json': JSON.stringify({ name: 'notes', repository: { type: 'git', url: 'git+https://github.com/someone/llm-notes.git' } }),
};

describe('notes init (built CLI)', () => {
  it('finds numbered chapters at the root, writes a commented config the toolchain reads, ignores the cache folder', async () => {
    const root = repo(SEED_LIKE);
    const result = await cli(['init', '--root', root], root);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Found 3 numbered chapters with 3 notes at the repository root.');
    const text = read(root, 'notes.config.jsonc');
    expect(text).toMatch(/\/\/ Folder of the notes/u);
    const config = parseConfig(text, 'notes.config.jsonc');
    expect(config).toMatchObject({
      content: '.',
      readme: { title: '大模型学习笔记', introHeading: '引言', badge: { image: 'https://awesome.re/badge.svg' } },
      images: { style: 'html-centered', htmlWidth: 720 },
      links: { repositoryUrl: 'https://github.com/someone/llm-notes' },
    });
    expect(read(root, '.gitignore')).toBe('# caches of the notes toolchain (lint results, external links)\n/.cache/\n');
    // The next commands, as this run was started (the bundle by path; the repository has no scripts for them).
    expect(result.stdout).toMatch(/Next:\n {2}node \S*notes\.js lint +# /u);
    expect(result.stdout).toMatch(/node \S*notes\.js gen-readme /u);
    expect(result.stdout).not.toContain('pnpm');
    // The written config is the one every command now reads.
    const lint = await cli(['lint', '--root', root, '--format', 'json'], root);
    expect(lint.stderr).not.toContain('notes.config.jsonc');
  });

  it('finds chapters under a folder and adds the cache folder to an existing .gitignore, keeping its CRLF', async () => {
    const root = repo({
      'notes/1.a/1.b.md': '# b\n',
      'notes/2.c/1.d.md': '# d\n',
      'notes/2.c/2.e.md': '# e\n',
      'docs/1.draft/1.x.md': '# x\n',
      '.gitignore': 'node_modules/\r\ndist/',
    });
    const result = await cli(['init', '--root', root], root);
    expect(result.code, result.stderr).toBe(0);
    expect(parseConfig(read(root, 'notes.config.jsonc'), 'x').content).toBe('notes');
    expect(read(root, '.gitignore')).toBe('node_modules/\r\ndist/\r\n\r\n# caches of the notes toolchain (lint results, external links)\r\n/.cache/\r\n');
    expect(parseConfig(read(root, 'notes.config.jsonc'), 'x').readme.badge).toBeNull();
    const again = await cli(['init', '--root', root, '--force'], root);
    expect(again.stdout).toContain('.gitignore already ignores .cache/');
  });

  it('on another layout lints everything and leaves gen-readme out of the next steps', async () => {
    const root = repo({ 'guide/intro.md': '# intro\n', 'blog/post.md': '# post\n', 'README.md': '# Guide\n' });
    const result = await cli(['init', '--root', root], root);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('No numbered chapters');
    expect(result.stdout).toContain('check --only lint,images');
    expect(result.stdout).not.toMatch(/gen-readme +#/u);
    expect(parseConfig(read(root, 'notes.config.jsonc'), 'x')).toMatchObject({ content: '.', readme: { title: 'Guide' } });
  });

  it('never replaces an existing config without --force; with it, one config file remains', async () => {
    const root = repo({ ...SEED_LIKE, [CONFIG_FILE]: '{"content": "x"}\n' });
    const refused = await cli(['init', '--root', root], root);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('notes.config.json already exists; nothing written');
    expect(refused.stderr).toMatch(/notes\.js init --force/u);
    expect(read(root, CONFIG_FILE)).toBe('{"content": "x"}\n');
    expect(existsSync(path.join(root, '.gitignore'))).toBe(false);
    expect(existsSync(path.join(root, 'notes.config.jsonc'))).toBe(false);

    const forced = await cli(['init', '--root', root, '--force'], root);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain('replacing notes.config.json');
    expect(existsSync(path.join(root, CONFIG_FILE))).toBe(false);
    expect(parseConfig(read(root, 'notes.config.jsonc'), 'x').content).toBe('.');
  });

  it('runs even when the existing config is broken (that is what --force is for)', async () => {
    const root = repo({ ...SEED_LIKE, 'notes.config.jsonc': '{ oops' });
    expect((await cli(['init', '--root', root], root)).code).toBe(2);
    expect((await cli(['init', '--root', root, '--force'], root)).code).toBe(0);
  });

  it('leaves nothing behind when a write fails', async () => {
    const root = repo(SEED_LIKE);
    mkdirSync(path.join(root, '.gitignore')); // a folder where the file should be: its write fails
    const before = readdirSync(root).sort();
    const result = await cli(['init', '--root', root], root);
    expect(result.code).toBe(2);
    expect(readdirSync(root).sort()).toEqual(before);
    expect(readdirSync(root).some((name) => name.endsWith(TEMP_SUFFIX) || name === LOCK_FILE)).toBe(false);
  });

  it('takes --content instead of detecting', async () => {
    const root = repo({ ...SEED_LIKE, 'book/1.a/1.b.md': '# b\n' });
    const result = await cli(['init', '--root', root, '--content', 'book'], root);
    expect(result.code, result.stderr).toBe(0);
    expect(parseConfig(read(root, 'notes.config.jsonc'), 'x').content).toBe('book');
  });
});
