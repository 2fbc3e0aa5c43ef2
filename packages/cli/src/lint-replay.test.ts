import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CommandProcess } from '../../../tests/support/command-process.js';
import { tempFolder } from '../../../tests/support/temp-folder.js';
import { BIN, runCli, tempRepo } from './test-support.js';

// A `lint` run over unchanged files replays the last run from the cache without
// loading the rules (`replayLastRun`). A wrong replay is a wrong finding: each
// input the cache depends on is changed here, and the findings must follow.

const server = new CommandProcess();
afterAll(() => server.stop());

const FORMATS = ['stylish', 'json', 'github', 'sarif', 'markdown'] as const;
const CACHE = '.cache/lint-cache.json';
/** A finding planted in the record of the last run: it shows in a run exactly when that run was replayed. */
const PLANTED = 'planted in the record of the last run';

function git(root: string, ...args: string[]): void {
  execFileSync('git', args, { cwd: root, stdio: 'ignore' });
}

/** Two chapters; the first note links to a heading of the second and to an image; one image is referenced by the second note only. */
function notesRepo(): string {
  const root = tempRepo({
    'notes.config.json': '{}\n',
    'content/1.基础/1.注意力.md': '# 注意力\n\n见[下一节](2.位置编码.md#正弦编码)与![图](images/attention.png)。\n',
    'content/1.基础/2.位置编码.md': '# 位置编码\n\n## 正弦编码\n\n![曲线](images/curve.png)\n',
    'content/1.基础/images/attention.png': 'png',
    'content/1.基础/images/curve.png': 'png',
    'content/2.训练/1.优化器.md': '# 优化器\n\n回到[注意力](../1.基础/1.注意力.md)。\n',
  });
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  return root;
}

async function lint(root: string, ...args: string[]): Promise<{ code: number | null; stdout: string }> {
  const outcome = await server.run(['lint', ...args], root);
  return { code: outcome.code, stdout: outcome.stdout };
}

/** The findings of a run without the cache (neither read nor written): what a replay must equal. */
async function uncached(root: string, ...args: string[]): Promise<string> {
  return (await lint(root, '--format', 'json', '--no-cache', ...args)).stdout;
}

/** Adds a finding to the record of the last run, on its first target. */
function plant(root: string): void {
  const cache = JSON.parse(readFileSync(path.join(root, CACHE), 'utf8'));
  expect(cache.lastRun).toBeDefined();
  const target = cache.lastRun.targets[0];
  const added = cache.lastRun.added[target] ?? [];
  added.push({ reason: PLANTED, place: { line: 1, column: 1 }, ruleId: 'link-orphan-image', source: 'llm-notes', fatal: false });
  cache.lastRun.added[target] = added;
  writeFileSync(path.join(root, CACHE), JSON.stringify(cache));
}

/**
 * Records a run, plants a finding and checks an unchanged run replays it;
 * then `change` and checks the next run lints again: the planted finding is
 * gone and the findings are those of a run without the cache, unlike before.
 */
async function expectChangeSeen(root: string, change: () => void, args: string[] = []): Promise<{ before: string; after: string }> {
  await lint(root, ...args);
  plant(root);
  const replayed = (await lint(root, '--format', 'json', ...args)).stdout;
  expect(replayed).toContain(PLANTED);
  const before = await uncached(root, ...args);
  change();
  const after = (await lint(root, '--format', 'json', ...args)).stdout;
  expect(after).not.toContain(PLANTED);
  expect(after).toBe(await uncached(root, ...args));
  expect(after).not.toBe(before);
  return { before, after };
}

describe('lint replays an unchanged run from the cache', () => {
  it('gives byte for byte the output of a run without the cache, in every format, and the same exit code', async () => {
    const root = notesRepo();
    // Some findings of every kind: a broken anchor (cross-file), an orphan image (after-files), a suspicious link.
    writeFileSync(path.join(root, 'content/2.训练/1.优化器.md'), '# 优化器\n\n[坏](../1.基础/2.位置编码.md#没有)与[网站](www.example.com)。\n');
    writeFileSync(path.join(root, 'content/2.训练/orphan.png'), 'png');
    git(root, 'add', '-A');
    for (const format of FORMATS) {
      const cold = await lint(root, '--format', format, '--no-cache');
      rmSync(path.join(root, '.cache'), { recursive: true, force: true });
      const recorded = await lint(root, '--format', format);
      const replayed = await lint(root, '--format', format);
      expect(recorded.stdout, format).toBe(cold.stdout);
      expect(replayed.stdout, format).toBe(cold.stdout);
      expect([recorded.code, replayed.code], format).toEqual([cold.code, cold.code]);
    }
    // The last of those runs was a replay: a planted finding shows.
    plant(root);
    expect((await lint(root, '--format', 'json')).stdout).toContain(PLANTED);
    // With --no-cache, a --rule selection or another target list, nothing is replayed.
    expect((await lint(root, '--format', 'json', '--no-cache')).stdout).not.toContain(PLANTED);
    expect((await lint(root, '--format', 'json', '--rule', 'link-orphan-image')).stdout).not.toContain(PLANTED);
    expect((await lint(root, '--format', 'json', path.join(root, 'content/1.基础'))).stdout).not.toContain(PLANTED);
  });

  it('lints for real when the record of the last run is damaged', async () => {
    const root = notesRepo();
    await lint(root);
    const cache = JSON.parse(readFileSync(path.join(root, CACHE), 'utf8'));
    const target = cache.lastRun.targets[0];
    cache.lastRun.added = { [target]: 'not a list' };
    cache.entries[target].messages = { reason: 'not a list either' };
    writeFileSync(path.join(root, CACHE), JSON.stringify(cache));
    const after = await lint(root, '--format', 'json');
    expect(after.code).toBe(0);
    expect(after.stdout).toBe(await uncached(root));
    cache.lastRun = { targets: 7 };
    writeFileSync(path.join(root, CACHE), JSON.stringify(cache));
    expect((await lint(root, '--format', 'json')).stdout).toBe(await uncached(root));
  });

  it('lints again when a note changes', async () => {
    const root = notesRepo();
    await expectChangeSeen(root, () => writeFileSync(path.join(root, 'content/2.训练/1.优化器.md'), '# 优化器\n\n[网站](www.example.com)\n'));
  });

  it('lints again when a note that another note links to changes (its headings)', async () => {
    const root = notesRepo();
    const { after } = await expectChangeSeen(root, () =>
      writeFileSync(path.join(root, 'content/1.基础/2.位置编码.md'), '# 位置编码\n\n## 旋转编码\n\n![曲线](images/curve.png)\n'),
    );
    expect(after).toContain('link-missing-anchor');
  });

  it('lints again when the config changes', async () => {
    const root = notesRepo();
    writeFileSync(path.join(root, 'content/1.基础/images/unused.png'), 'png');
    git(root, 'add', '-A');
    await expectChangeSeen(root, () => writeFileSync(path.join(root, 'notes.config.json'), '{ "rules": { "link-orphan-image": "error" } }\n'));
  });

  it("lints again when a rule's option changes (links.repositoryUrl, read by link-suspicious-destination)", async () => {
    const root = notesRepo();
    writeFileSync(path.join(root, 'content/2.训练/1.优化器.md'), '# 优化器\n\n[源](https://github.com/example/notes/blob/main/content/1.基础/1.注意力.md)\n');
    writeFileSync(path.join(root, 'notes.config.json'), '{ "links": { "repositoryUrl": "https://github.com/example/other" } }\n');
    git(root, 'add', '-A');
    const { after } = await expectChangeSeen(root, () =>
      writeFileSync(path.join(root, 'notes.config.json'), '{ "links": { "repositoryUrl": "https://github.com/example/notes" } }\n'),
    );
    expect(after).toContain("this repository's own GitHub URL");
  });

  it('lints again when an image the notes link to goes, or an image no note links to comes', async () => {
    const root = notesRepo();
    const gone = await expectChangeSeen(root, () => rmSync(path.join(root, 'content/1.基础/images/attention.png')));
    expect(gone.after).toContain('link-missing-file');
    const came = await expectChangeSeen(root, () => writeFileSync(path.join(root, 'content/2.训练/new.png'), 'png'));
    expect(came.after).toContain('link-orphan-image');
  });

  it('lints again when a .gitignore changes what the content holds', async () => {
    const root = notesRepo();
    writeFileSync(path.join(root, 'content/2.训练/draft.png'), 'png');
    // The ignore file is there before: only its bytes change, not the names of the files.
    writeFileSync(path.join(root, 'content/.gitignore'), '*.tmp\n');
    const { after } = await expectChangeSeen(root, () => writeFileSync(path.join(root, 'content/.gitignore'), 'draft.png\n'));
    expect(after).not.toContain('draft.png');
  });

  it("lints again when git's index changes (a linked file becomes tracked)", async () => {
    const root = notesRepo();
    writeFileSync(path.join(root, 'content/1.基础/images/late.png'), 'png');
    writeFileSync(path.join(root, 'content/2.训练/1.优化器.md'), '# 优化器\n\n![晚](../1.基础/images/late.png)\n');
    git(root, 'add', 'content/2.训练/1.优化器.md');
    const { before } = await expectChangeSeen(root, () => git(root, 'add', '-A'));
    expect(before).toContain('link-untracked-target');
  });

  it('lints again when a note the run did not lint changes what the after-files phase sees', async () => {
    const root = notesRepo();
    // Only the first note is linted; the image `curve.png` is referenced by the second note alone.
    const only = [path.join(root, 'content/1.基础/1.注意力.md')];
    const { after } = await expectChangeSeen(root, () => writeFileSync(path.join(root, 'content/1.基础/2.位置编码.md'), '# 位置编码\n\n## 正弦编码\n'), only);
    expect(after).toContain('curve.png');
  });

  it('lints again when the tool changes (a rebuilt rule), in a copy of the bundle', async () => {
    const root = notesRepo();
    writeFileSync(path.join(root, 'content/2.训练/1.优化器.md'), '# 优化器\n\n[网站](www.example.com)\n');
    git(root, 'add', '-A');
    // The bundle and its package.json, as an installed CLI has them.
    const tool = tempFolder('notes-tool-');
    const bundle = path.join(tool, 'bundle');
    cpSync(path.dirname(BIN), bundle, { recursive: true });
    cpSync(path.join(path.dirname(BIN), '..', 'package.json'), path.join(tool, 'package.json'));
    const bin = path.join(bundle, 'notes.js');
    const run = () => runCliWith(bin, root);
    const first = run();
    expect(first).toContain('has no scheme');
    expect(run()).toBe(first);
    // A new build of the rule: its message changes.
    const chunk = readdirSync(bundle).find((name) => readFileSync(path.join(bundle, name), 'utf8').includes('has no scheme, so GitHub treats it as a relative path'));
    expect(chunk).toBeDefined();
    const file = path.join(bundle, chunk as string);
    writeFileSync(file, readFileSync(file, 'utf8').replace('has no scheme, so GitHub treats it as a relative path', 'lacks a scheme, so GitHub reads a relative path'));
    const rebuilt = run();
    expect(rebuilt).toContain('lacks a scheme');
    expect(rebuilt).not.toContain('has no scheme');
  });
});

function runCliWith(bin: string, root: string): string {
  return spawnSync(process.execPath, [bin, 'lint', '--format', 'json'], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true', GITHUB_STEP_SUMMARY: '' } }).stdout;
}

// `runCli` is the bin as users run it: one replayed run end to end, in a fresh process.
describe('lint replay in a fresh process', () => {
  it('replays the last run and exits as it did', () => {
    const root = notesRepo();
    writeFileSync(path.join(root, 'content/2.训练/1.优化器.md'), '# 优化器\n\n[坏](../1.基础/2.位置编码.md#没有)\n');
    git(root, 'add', '-A');
    const recorded = runCli(['lint'], root);
    plant(root);
    const replayed = runCli(['lint'], root);
    expect(replayed.stdout).toContain(PLANTED);
    expect(replayed.code).toBe(recorded.code);
    expect(recorded.code).toBe(1);
  });
});
