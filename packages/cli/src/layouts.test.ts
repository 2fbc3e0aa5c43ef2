import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeRepo } from './test-support.js';
import { inProcessCli } from '../../../tests/support/command-process.js';
import { corpusFor } from '../../../tests/support/corpus.js';

// Notes repositories laid out in the ways real ones are: the linter must read
// every one of them (exit 0 or 1, never 2) and report on every tracked
// Markdown file, whatever the folder names.

// Each command runs in the file's long-lived command process: what is tested is its output, exit code and files.
const cli = inProcessCli();

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function gitRepo(files: Record<string, string>): string {
  const made = makeRepo(files);
  cleanups.push(made.cleanup);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: made.root, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  return made.root;
}

function plainRepo(files: Record<string, string>): string {
  const made = makeRepo(files);
  cleanups.push(made.cleanup);
  return made.root;
}

function tracked(root: string): string[] {
  const output = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
  return output
    .split('\0')
    .filter((file) => file.endsWith('.md') && !file.split('/').includes('node_modules'))
    .sort();
}

interface JsonFile {
  path: string;
  messages: { ruleId: string; severity: string; line: number; message: string }[];
}

async function lintJson(root: string, extra: readonly string[] = []): Promise<{ code: number | null; files: JsonFile[]; stderr: string }> {
  const result = await cli(['lint', '--root', root, '--no-cache', '--workers', '0', '--format', 'json', ...extra], root);
  return { code: result.code, files: result.stdout ? (JSON.parse(result.stdout) as JsonFile[]) : [], stderr: result.stderr };
}

const rootChapters = {
  'README.md': '# 学习笔记\n\n- [基础](1.基础/1.注意力.md)\n',
  '1.基础/1.注意力.md': '# 注意力\n\n公式 $QK^T$ 见 [进阶](../2.进阶/1.MoE.md#路由)。\n\n![图](images/a.png)\n',
  '1.基础/images/a.png': 'not really a png',
  '2.进阶/1.MoE.md': '# MoE\n\n## 路由\n\n正文。\n',
  'public/index.md': '# Site\n\nBuilt pages.\n',
  'tools/README.md': '# Tools\n\nScripts.\n',
  'node_modules/some-package/README.md': '# Dependency [broken](nowhere.md)\n',
  'Extra-Chapter/notes.md': '# Extra\n\nNot numbered.\n',
  '.gitignore': 'node_modules/\n',
};

const docsChapters = {
  'README.md': '# Notes\n\n- [Chapter 1](docs/chapter1/README.md)\n',
  'docs/chapter1/README.md': '# Chapter 1\n\nSee [the second](../chapter2/README.md#setup) and [missing](../chapter9/README.md).\n',
  'docs/chapter2/README.md': '# Chapter 2\n\n## Setup\n\n$$\nE = mc^2\n$$\n',
  'docs/content/ch01.md': '# 第一章\n\n[回到目录](../../README.md)\n',
};

const docsify = {
  'index.html': '<!doctype html><div id="app"></div>',
  'README.md': '# Home\n\nWelcome.\n',
  '_sidebar.md': '- [Home](/)\n- [Attention](attention/README.md)\n- [Tokenizer](tokenizer.md)\n',
  'attention/README.md': '# Attention\n\n$\\mathrm{softmax}(x)$\n',
  'tokenizer.md': '# Tokenizer\n\nBPE.\n',
};

describe('lint on any notes layout', () => {
  it.each([
    ['chapters at the root beside public/, tools/, node_modules/', rootChapters],
    ['docs/chapterN/ and docs/content/chNN.md', docsChapters],
    ['docsify with _sidebar.md', docsify],
  ])('%s: exit 0 or 1, every tracked Markdown file reported on', async (_name, files) => {
    const root = gitRepo(files);
    const { code, files: reported, stderr } = await lintJson(root);
    expect(stderr).not.toMatch(/internal error|chapter folder/u);
    expect([0, 1]).toContain(code);
    expect(reported.map((file) => file.path).sort()).toEqual(tracked(root));
  });

  it('finds the real problems of a docs/chapterN/ layout', async () => {
    const { files } = await lintJson(gitRepo(docsChapters));
    const chapter1 = files.find((file) => file.path === 'docs/chapter1/README.md');
    expect(chapter1?.messages.map((message) => message.ruleId)).toEqual(['link-missing-file']);
    expect(files.flatMap((file) => file.messages).filter((message) => message.severity === 'error')).toHaveLength(1);
  });

  it('outside git, lints every Markdown file the root .gitignore keeps, never node_modules', async () => {
    const root = plainRepo({ ...rootChapters, '.gitignore': 'drafts/\n', 'drafts/wip.md': '# [broken](nowhere.md)\n' });
    const { code, files } = await lintJson(root);
    expect([0, 1]).toContain(code);
    expect(files.map((file) => file.path).sort()).toEqual([
      '1.基础/1.注意力.md',
      '2.进阶/1.MoE.md',
      'Extra-Chapter/notes.md',
      'README.md',
      'public/index.md',
      'tools/README.md',
    ]);
  });

  it('leaves out the config exclude globs', async () => {
    const root = gitRepo({ ...docsify, 'notes.config.json': '{"exclude": ["attention/**"]}' });
    const { files } = await lintJson(root);
    expect(files.map((file) => file.path).sort()).toEqual(['README.md', '_sidebar.md', 'tokenizer.md']);
  });

  it('reports a file that does not fit the numbered layout as a content-layout finding', async () => {
    const root = gitRepo({ ...rootChapters, '1.基础/scratch.md': '# Scratch\n' });
    const { code, files } = await lintJson(root, ['--content', '.']);
    expect(code).toBe(0);
    const scratch = files.find((file) => file.path === '1.基础/scratch.md');
    expect(scratch?.messages).toEqual([
      expect.objectContaining({
        ruleId: 'content-layout',
        severity: 'warning',
        line: 1,
        message: 'Note `scratch.md` in chapter `1.基础` has no number; expected a name like `1.scratch.md` (or move it out of the chapter)',
      }),
    ]);
  });

  it('exits 2 naming an unknown --rule id', async () => {
    const root = gitRepo(docsify);
    const result = await cli(['lint', '--root', root, '--rule', 'link-missing-file', '--rule', 'no-such-rule'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown rule `no-such-rule`');
  });

  it('fix and images run on a layout without a content folder', async () => {
    const root = gitRepo({ ...docsify, 'tokenizer.md': '# Tokenizer\n\n![bpe](img\\bpe.png)\n', 'img/bpe.png': 'x' });
    const fix = await cli(['fix', '--root', root, '--dry-run'], root);
    expect(fix.stderr).not.toMatch(/internal error|content folder/u);
    expect([0, 1]).toContain(fix.code);
    const images = await cli(['images', '--root', root, '--check'], root);
    expect(images.stderr).not.toMatch(/internal error|content folder not found/u);
    expect(images.stderr + images.stdout).toContain('img/bpe.png');
  });

  it('gen-readme reads chapters at the root and ignores the folders that are not chapters', async () => {
    const root = gitRepo(rootChapters);
    const result = await cli(['gen-readme', '--root', root, '--content', '.'], root);
    expect(result.stderr).not.toMatch(/error/u);
    expect(result.code).toBe(0);
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(readme).toContain('注意力');
    expect(readme).toContain('MoE');
    expect(readme).not.toMatch(/Site|Tools|Dependency|Extra/u);
  });

  it('gen-readme says what it needs when there is no numbered layout', async () => {
    const root = gitRepo(docsify);
    const result = await cli(['gen-readme', '--root', root], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('content folder not found; gen-readme reads `<n>.<chapter>/<m>.<section>.md` notes');
  });
});

// A real public notes repository: a folder per topic, names with spaces, a README per folder.
const llmAction = corpusFor('llm-action', 'lint on the llm-action corpus');
const hasLlmAction = llmAction !== undefined;
const LLM_ACTION = llmAction ?? '';

describe.skipIf(!hasLlmAction)('lint on the llm-action corpus', () => {
  it('exits 0 or 1 and reports on every Markdown file', async () => {
    const result = await cli(['lint', '--root', LLM_ACTION, '--no-cache', '--format', 'json'], LLM_ACTION);
    expect(result.stderr).toBe('');
    expect([0, 1]).toContain(result.code);
    const reported = (JSON.parse(result.stdout) as JsonFile[]).map((file) => file.path);
    const onDisk = readdirSync(LLM_ACTION, { recursive: true, encoding: 'utf8' })
      .map((file) => file.split(path.sep).join('/'))
      .filter((file) => file.endsWith('.md') && !file.split('/').some((part) => part.startsWith('.') || part === 'node_modules'));
    expect(reported.sort()).toEqual(onDisk.sort());
  });
});
