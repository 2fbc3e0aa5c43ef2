import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inProcessCli } from '../../../../tests/support/command-process.js';
import { tempFolder } from '../../../../tests/support/temp-folder.js';

// End to end through the built bundle's `main` (`pnpm build` first), in one long-lived command process:
// what is tested is each run's output, exit code and files, not the process.
const cli = inProcessCli();

function notes(root: string, ...args: string[]) {
  return cli([...args, '--root', root], root);
}

function makeRepo(files: Record<string, string | Uint8Array>): string {
  const root = tempFolder('gen-readme-');
  for (const [relPath, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, relPath)), { recursive: true });
    writeFileSync(path.join(root, relPath), data);
  }
  return root;
}

const NOTE = 'content/1.深度学习基础知识/1.Transformer基础.md';
const BASE = {
  'content/0.引言/0.ignore.md': '欢迎！\n',
  [NOTE]: '# Self Attention\n\n![PI](./images/PI.png)\n',
  'content/1.深度学习基础知识/images/PI.png': 'png',
  '.github/workflows/notes.md': '# not content\n',
  'node_modules/x/README.md': '# not content\n',
};

const read = (root: string, relPath: string) => readFileSync(path.join(root, relPath), 'utf8');

describe('notes gen-readme (built CLI)', () => {
  it('writes the README; a second run changes nothing and --check passes', async () => {
    const root = makeRepo(BASE);
    const first = await notes(root, 'gen-readme');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('wrote README.md\n');
    const readme = read(root, 'README.md');
    expect(readme).toContain('### Transformer基础\n\n#### Self Attention\n\n![PI](content/1.深度学习基础知识/images/PI.png)\n');

    const second = await notes(root, 'gen-readme');
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('');
    expect(read(root, 'README.md')).toBe(readme);

    const check = await notes(root, 'gen-readme', '--check');
    expect(check.code).toBe(0);
    // Only the git-ignored cache of the last up-to-date inputs is added.
    expect(readdirSync(root).sort()).toEqual(['.cache', '.github', 'README.md', 'content', 'node_modules']);
    expect(readdirSync(path.join(root, '.cache'))).toEqual(['readme-check.json']);
  });

  it('--check answers from the remembered inputs only while every input is byte for byte the same', async () => {
    const root = makeRepo(BASE);
    expect((await notes(root, 'gen-readme')).code).toBe(0);
    expect((await notes(root, 'gen-readme', '--check')).code).toBe(0);
    const notePath = path.join(root, NOTE);
    const original = readFileSync(notePath, 'utf8');
    writeFileSync(notePath, original.replace('# Self Attention', '# Self-Attention'));
    expect((await notes(root, 'gen-readme', '--check')).code).toBe(1);
    writeFileSync(notePath, original);
    expect((await notes(root, 'gen-readme', '--check')).code).toBe(0);
    // A README edited by hand is an input too.
    writeFileSync(path.join(root, 'README.md'), `${read(root, 'README.md')} `);
    expect((await notes(root, 'gen-readme', '--check')).code).toBe(1);
  });

  it('--check with --content . remembers its inputs without entering node_modules, hidden or ignored folders', async () => {
    const root = makeRepo({
      '0.引言/0.ignore.md': '欢迎！\n',
      '1.基础/1.注意力.md': '# 注意力\n',
      '.gitignore': 'build/\n',
      'build/out.txt': 'generated',
      'node_modules/x/README.md': '# a package\n',
    });
    // A pipe in node_modules would stop a digest that read every file (and end its memory).
    expect(spawnSync('mkfifo', [path.join(root, 'node_modules/x/pipe')]).status).toBe(0);
    expect((await notes(root, 'gen-readme', '--content', '.')).code).toBe(0);
    const remembered = read(root, '.cache/readme-check.json');
    writeFileSync(path.join(root, 'node_modules/x/README.md'), '# changed\n');
    writeFileSync(path.join(root, 'build/out.txt'), 'regenerated');
    const check = await notes(root, 'gen-readme', '--check', '--content', '.');
    expect(check.code).toBe(0);
    // Answered from memory: the inputs are the same bytes, so nothing new was remembered.
    expect(read(root, '.cache/readme-check.json')).toBe(remembered);
    writeFileSync(path.join(root, '1.基础/1.注意力.md'), '# 注意力机制\n');
    expect((await notes(root, 'gen-readme', '--check', '--content', '.')).code).toBe(1);
  });

  it('--check fails after a one-character edit, names README.md, shows a diff and the fix, writes nothing', async () => {
    const root = makeRepo(BASE);
    expect((await notes(root, 'gen-readme')).code).toBe(0);
    const readme = read(root, 'README.md');
    writeFileSync(path.join(root, NOTE), read(root, NOTE).replace('Self', 'Selt'));
    const check = await notes(root, 'gen-readme', '--check');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('README.md: out of date');
    // The temporary repository has no package.json: the way this run was started, never a script it lacks.
    expect(check.stderr).toMatch(/Run `node \S*notes\.js gen-readme` to update/u);
    expect(check.stderr).not.toContain('pnpm');
    expect(check.stdout).toContain('-#### Self Attention');
    expect(check.stdout).toContain('+#### Selt Attention');
    expect(read(root, 'README.md')).toBe(readme);
  });

  it('--check cuts a long diff at 40 lines and says how to see it all; --full-diff shows it all', async () => {
    const root = makeRepo(BASE);
    expect((await notes(root, 'gen-readme')).code).toBe(0);
    const paragraphs = Array.from({ length: 60 }, (_, index) => `第 ${index} 段。`).join('\n\n');
    writeFileSync(path.join(root, NOTE), `${read(root, NOTE)}\n${paragraphs}\n`);
    const short = await notes(root, 'gen-readme', '--check');
    expect(short.code).toBe(1);
    const shown = short.stdout.split('\n').filter((line) => !line.startsWith('…') && line !== '');
    expect(shown).toHaveLength(40);
    expect(short.stdout).toMatch(/… \d+ more diff lines \(`--full-diff` shows them all\)\n$/u);
    const full = await notes(root, 'gen-readme', '--check', '--full-diff');
    expect(full.code).toBe(1);
    expect(full.stdout).not.toContain('more diff lines');
    expect(full.stdout).toContain('+第 59 段。');
  });

  it('--check reports a missing README', async () => {
    const check = await notes(makeRepo(BASE), 'gen-readme', '--check');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('README.md: missing');
  });

  it('leaves the old README intact and names the file when a note is not valid UTF-8', async () => {
    const root = makeRepo({ ...BASE, 'README.md': 'old readme\n' });
    writeFileSync(path.join(root, NOTE), Buffer.from('line one\nbad \xfe\xff byte\n', 'latin1'));
    const run = await notes(root, 'gen-readme');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${NOTE}:2: file is not valid UTF-8`);
    expect(read(root, 'README.md')).toBe('old readme\n');
    expect(readdirSync(root).filter((name) => name.startsWith('.llm-notes'))).toEqual([]);
  });

  it('leaves a folder without a number out of the README', async () => {
    const root = makeRepo({ ...BASE, 'content/Misc/1.x.md': '# Misc note\n' });
    const run = await notes(root, 'gen-readme');
    expect(run.code).toBe(0);
    expect(read(root, 'README.md')).toContain('Self Attention');
    expect(read(root, 'README.md')).not.toContain('Misc');
  });

  it('leaves the old README intact and says so when there are no numbered notes', async () => {
    const root = makeRepo({ 'README.md': 'old readme\n', 'content/Misc/1.x.md': 'x\n' });
    const run = await notes(root, 'gen-readme');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('content: content folder has no notes');
    expect(read(root, 'README.md')).toBe('old readme\n');
  });

  it('regenerates per-note TOC blocks: gen-readme writes them, --check names the note, fix repairs it', async () => {
    const tocNote = 'content/1.深度学习基础知识/2.BN.md';
    const stale = '#### BN\n\n<!-- toc -->\n- [Old](#old)\n<!-- tocstop -->\n\n##### Why\n';
    const fresh = '#### BN\n\n<!-- toc -->\n\n- [BN](#bn)\n  - [Why](#why)\n\n<!-- tocstop -->\n\n##### Why\n';
    const root = makeRepo({ ...BASE, [tocNote]: stale });
    const check = await notes(root, 'gen-readme', '--check');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`${tocNote}: out of date`);

    expect((await notes(root, 'gen-readme')).stdout).toBe(`wrote ${tocNote}\nwrote README.md\n`);
    expect(read(root, tocNote)).toBe(fresh);
    expect((await notes(root, 'gen-readme', '--check')).code).toBe(0);

    writeFileSync(path.join(root, tocNote), stale);
    const fix = await notes(root, 'fix', '--rule', 'toc-outdated');
    expect(fix.code).toBe(0);
    expect(read(root, tocNote)).toBe(fresh);
    expect((await notes(root, 'fix', '--rule', 'toc-outdated')).stdout).toBe('');
  });
});
