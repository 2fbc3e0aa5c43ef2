import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeRepo } from './test-support.js';
import { inProcessCli } from '../../../tests/support/command-process.js';
import { corpusFor } from '../../../tests/support/corpus.js';
import { tempFolder } from '../../../tests/support/temp-folder.js';

// Each command runs in the file's long-lived command process: what is tested is its output, exit code and files.
const cli = inProcessCli();

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A repository of `chapters` × 10 notes linking to each other's headings, one broken anchor per chapter. */
function linkedRepo(chapters: number): string {
  const files: Record<string, string> = {};
  for (let chapter = 1; chapter <= chapters; chapter++) {
    for (let note = 1; note <= 10; note++) {
      const next = note === 10 ? 1 : note + 1;
      const fragment = note === 5 ? '#没有这个标题' : `#第${next}节-正文`;
      files[`content/${chapter}.章节${chapter}/${note}.笔记${note}.md`] = `# 第${note}节 正文\n\n见[下一节](${next}.笔记${next}.md${fragment})。\n\n![图](./images/figure.png)\n`;
    }
    files[`content/${chapter}.章节${chapter}/images/figure.png`] = 'png';
  }
  const { root, cleanup } = makeRepo(files);
  cleanups.push(cleanup);
  execFileSync('git', ['init', '-q'], { cwd: root });
  execFileSync('git', ['add', '-A'], { cwd: root });
  return root;
}

interface LintReport {
  code: number | null;
  report: { path: string; messages: { ruleId: string; line: number; message: string }[] }[];
}

async function lintJson(root: string, ...extra: string[]): Promise<LintReport> {
  const result = await cli(['lint', '--format', 'json', ...extra], root);
  return { code: result.code, report: JSON.parse(result.stdout || '[]') };
}

function findings(report: LintReport['report']): string[] {
  return report.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line} ${message.ruleId} ${message.message}`)).sort();
}

describe('lint runner', () => {
  it('finds the same problems on worker threads as in one thread', async () => {
    const root = linkedRepo(6);
    const single = await lintJson(root, '--no-cache', '--workers', '0');
    const pooled = await lintJson(root, '--no-cache', '--workers', '2');
    expect(single.code).toBe(1);
    expect(findings(single.report).filter((line) => line.includes('link-missing-anchor'))).toHaveLength(6);
    expect(findings(pooled.report)).toEqual(findings(single.report));
    expect(pooled.code).toBe(single.code);
    expect(existsSync(path.join(root, '.cache/lint-cache.json'))).toBe(false);
  });

  it('prints the same report, byte for byte and in the same order, when a worker lints part of the files', async () => {
    const root = linkedRepo(4);
    // Notes of very different sizes, with findings of several rules, so the split by bytes is uneven.
    const big = path.join(root, 'content/2.章节2/3.笔记3.md');
    writeFileSync(big, `${readFileSync(big, 'utf8')}\n${'公式 $x^2$ 与 $\\frac{a}{b}$，见 [缺失](gone.md)。\n\n'.repeat(400)}$\\foo$ 和 $a_{$\n`);
    execFileSync('git', ['add', '-A'], { cwd: root });
    const single = await cli(['lint', '--format', 'json', '--no-cache', '--workers', '0'], root);
    const pooled = await cli(['lint', '--format', 'json', '--no-cache', '--workers', '2'], root);
    expect(single.code).toBe(1);
    expect(single.stdout).toContain('link-missing-file');
    expect(single.stdout).toContain('math-tex');
    expect(pooled.stdout).toBe(single.stdout);
    expect(pooled.code).toBe(single.code);
    for (const format of ['stylish']) {
      const one = (await cli(['lint', '--format', format, '--no-cache', '--workers', '0'], root)).stdout;
      expect((await cli(['lint', '--format', format, '--no-cache', '--workers', '2'], root)).stdout).toBe(one);
    }
  });

  it('reuses cached findings for unchanged files', async () => {
    const root = linkedRepo(3);
    const first = await lintJson(root);
    const cacheFile = path.join(root, '.cache/lint-cache.json');
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
    expect(Object.keys(cache.entries)).toHaveLength(30);
    // Plant a finding in the cache: a warm run must report it, proving it read the cache.
    const planted = 'content/1.章节1/1.笔记1.md';
    cache.entries[planted].messages.push({ reason: 'planted in the cache', ruleId: 'link-missing-file', source: 'llm-notes', fatal: false, place: { line: 1, column: 1 } });
    writeFileSync(cacheFile, JSON.stringify(cache));
    const warm = await lintJson(root);
    expect(findings(warm.report)).toEqual([...findings(first.report), `${planted}:1 link-missing-file planted in the cache`].sort());
  });

  it('re-lints unchanged files when another file changes what they depend on', async () => {
    const root = linkedRepo(3);
    const note = path.join(root, 'content/1.章节1/3.笔记3.md');
    await lintJson(root);
    // Note 2 links to note 3's heading; only note 3 changes.
    writeFileSync(note, readFileSync(note, 'utf8').replace('# 第3节 正文', '# 第3节 改名'));
    const after = findings((await lintJson(root)).report);
    expect(after.some((line) => line.startsWith('content/1.章节1/2.笔记2.md:3 link-missing-anchor'))).toBe(true);
    // …and so does staging or unstaging a target in git.
    execFileSync('git', ['rm', '-q', '--cached', 'content/2.章节2/images/figure.png'], { cwd: root });
    const untracked = findings((await lintJson(root)).report).filter((line) => line.includes('link-untracked-target'));
    expect(untracked).toHaveLength(10);
  });

  it('reports orphan images after every file is linted: same in one thread, on workers and from the cache; lint comments apply', async () => {
    const root = linkedRepo(3);
    writeFileSync(path.join(root, 'content/2.章节2/images/unused.png'), 'png');
    execFileSync('git', ['add', '-A'], { cwd: root });
    const expected = ['content/2.章节2/1.笔记1.md:1 link-orphan-image Image `images/unused.png` is not referenced by any note; expected a link to it, or deleting it'];
    const orphans = (report: LintReport['report']) => findings(report).filter((line) => line.includes('link-orphan-image'));
    expect(orphans((await lintJson(root, '--no-cache', '--workers', '0')).report)).toEqual(expected);
    expect(orphans((await lintJson(root, '--no-cache', '--workers', '2')).report)).toEqual(expected);
    expect(orphans((await lintJson(root)).report)).toEqual(expected);
    expect(orphans((await lintJson(root)).report)).toEqual(expected);
    // Another note now links to it: the warm run drops the finding although the first note is unchanged.
    const other = path.join(root, 'content/2.章节2/7.笔记7.md');
    writeFileSync(other, `${readFileSync(other, 'utf8')}\n![未用](./images/unused.png)\n`);
    expect(orphans((await lintJson(root)).report)).toEqual([]);
    writeFileSync(other, readFileSync(other, 'utf8').replace('![未用](./images/unused.png)', ''));
    expect(orphans((await lintJson(root)).report)).toEqual(expected);
    // A comment in the note that carries the finding silences it, as for any rule.
    const first = path.join(root, 'content/2.章节2/1.笔记1.md');
    writeFileSync(first, `<!-- lint disable link-orphan-image -->\n${readFileSync(first, 'utf8')}`);
    expect(orphans((await lintJson(root)).report)).toEqual([]);
    expect(orphans((await lintJson(root, '--no-cache', '--workers', '2')).report)).toEqual([]);
  });

  it('ignores a corrupt cache file and replaces it', async () => {
    const root = linkedRepo(1);
    const clean = findings((await lintJson(root, '--no-cache')).report);
    execFileSync('mkdir', ['-p', path.join(root, '.cache')]);
    writeFileSync(path.join(root, '.cache/lint-cache.json'), '{ not json');
    expect(findings((await lintJson(root)).report)).toEqual(clean);
    expect(JSON.parse(readFileSync(path.join(root, '.cache/lint-cache.json'), 'utf8')).format).toBe(2);
  });
});

const corpusFolder = corpusFor('awesome-llm-learning', 'a README written by gen-readme (its links on the seed corpus)');
const corpusPresent = corpusFolder !== undefined;
const corpus = corpusFolder ?? '';

describe.skipIf(!corpusPresent)('a README written by gen-readme', () => {
  it('has a table of contents whose every anchor resolves, and a broken one is reported', async () => {
    const root = tempFolder('notes-readme-links-');
    cpSync(corpus, path.join(root, 'content'), { recursive: true });
    for (const extra of ['README.committed.md', 'README.original-generator.md', 'SOURCE.md', 'LICENSE']) rmSync(path.join(root, 'content', extra), { force: true });
    execFileSync('git', ['init', '-q'], { cwd: root });
    expect((await cli(['gen-readme'], root)).code).toBe(0);
    execFileSync('git', ['add', '-A'], { cwd: root });
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    expect((readme.match(/\]\(#/gu) ?? []).length).toBeGreaterThan(10);
    const linkRules = ['link-missing-anchor', 'link-missing-file', 'link-case-mismatch'].flatMap((id) => ['--rule', id]);
    const clean = await lintJson(root, '--no-cache', ...linkRules, 'README.md');
    expect(findings(clean.report)).toEqual([]);

    const lines = readme.split('\n');
    const index = lines.findIndex((line) => line.includes('](#transformer基础)'));
    lines[index] = (lines[index] ?? '').replace('](#transformer基础)', '](#transformer基)');
    writeFileSync(path.join(root, 'README.md'), lines.join('\n'));
    const broken = await lintJson(root, '--no-cache', ...linkRules, 'README.md');
    expect(findings(broken.report)).toEqual([`README.md:${index + 1} link-missing-anchor Cannot find heading \`#transformer基\` in this note; did you mean \`#transformer基础\`?`]);
  });

  it('remembers MathJax verdicts from worker threads across runs, except with --no-cache', async () => {
    const files: Record<string, string> = {};
    for (let note = 1; note <= 60; note++) files[`content/1.数学/${note}.公式${note}.md`] = `# 公式 ${note}\n\n有效 $x_${note}^2$，无效 $\\color{red}{\\frac{${note}}{2}$。\n`;
    const { root, cleanup } = makeRepo(files);
    cleanups.push(cleanup);
    const store = path.join(root, '.cache/tex-verdicts.json');
    const uncached = await lintJson(root, '--no-cache', '--workers', '2');
    expect(findings(uncached.report).filter((line) => line.includes('math-tex'))).toHaveLength(60);
    expect(existsSync(store)).toBe(false);

    await lintJson(root, '--workers', '2');
    const saved = JSON.parse(readFileSync(store, 'utf8'));
    // Only what MathJax had to judge is stored: the broken formulas (after `\\color`, which the pre-check leaves to
    // MathJax), not the ones the pre-check decides.
    expect(Object.keys(saved.verdicts).sort()).toEqual(Array.from({ length: 60 }, (_, index) => `I\\color{red}{\\frac{${index + 1}}{2}`).sort());
    expect(saved.verdicts['I\\color{red}{\\frac{7}{2}']).toBe('Extra open brace or missing close brace');

    // Plant a verdict: a cold lint run (lint cache gone) on workers must take it from the store.
    saved.verdicts['I\\color{red}{\\frac{7}{2}'] = 'planted verdict';
    writeFileSync(store, JSON.stringify(saved));
    rmSync(path.join(root, '.cache/lint-cache.json'));
    const planted = await lintJson(root, '--workers', '2');
    expect(findings(planted.report).filter((line) => line.includes('planted verdict'))).toEqual(['content/1.数学/7.公式7.md:3 math-tex TeX error: planted verdict']);
  });
});
