import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inProcessCli } from './support/command-process.js';
import { STAND_IN_HEADING } from './support/corpus.js';
import { tempFolder } from './support/temp-folder.js';

// The stand-in corpora CI tests on where the real ones are absent: they must
// keep the shapes the corpus tests rely on, and be clean notes repositories.

const script = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../scripts/corpus-stand-in.mjs');

function generate(): string {
  const folder = tempFolder('stand-in-');
  const run = spawnSync(process.execPath, [script, folder], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return folder;
}

// The lint runs go through the file's long-lived command process.
const cli = inProcessCli();

// Generated once for the file (the script is deterministic): every test below only reads it.
let generated: string;
beforeAll(() => {
  generated = generate();
});
const standIns = () => generated;

function filesOf(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((file) => file.split(path.sep).join('/')).sort();
}

describe('scripts/corpus-stand-in.mjs', () => {
  it('writes the seed layout: numbered chapters and sections, images beside them, both old READMEs, a stand-in SOURCE.md', () => {
    const seed = path.join(standIns(), 'awesome-llm-learning');
    const files = filesOf(seed);
    expect(readFileSync(path.join(seed, 'SOURCE.md'), 'utf8').startsWith(STAND_IN_HEADING)).toBe(true);
    expect(files).toEqual(expect.arrayContaining(['0.引言/0.ignore.md', 'README.original-generator.md', 'README.committed.md', '2.自然语言处理基础知识/1.分词器(Tokenizer).md']));
    const notes = files.filter((file) => /^\d+\.[^/]+\/\d+\.[^/]+\.md$/u.test(file));
    expect(notes.length).toBeGreaterThan(10);
    const images = files.filter((file) => file.endsWith('.png'));
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(readFileSync(path.join(seed, image)).subarray(1, 4).toString('latin1')).toBe('PNG');
    // The old generator's TOC nests with a TAB and links the chapter folders.
    expect(readFileSync(path.join(seed, 'README.original-generator.md'), 'utf8')).toContain('- [1.深度学习基础知识](1.深度学习基础知识)\n\t- [1.Transformer基础](');
  });

  it('writes the folder-per-topic layout: a README in every folder holding notes, names with spaces', () => {
    const topics = path.join(standIns(), 'llm-action');
    const files = filesOf(topics);
    const folders = files.filter((file) => statSync(path.join(topics, file)).isDirectory() && files.some((inner) => inner.startsWith(`${file}/`) && inner.endsWith('.md')));
    expect(folders.length).toBeGreaterThan(2);
    for (const folder of folders) expect(existsSync(path.join(topics, folder, 'README.md')), folder).toBe(true);
    expect(files.some((file) => file.endsWith('.md') && file.includes(' '))).toBe(true);
    expect(files.some((file) => statSync(path.join(topics, file)).isDirectory() && file.includes(' '))).toBe(true);
  });

  it('makes corpora that lint clean', async () => {
    const folder = standIns();
    for (const name of ['awesome-llm-learning', 'llm-action']) {
      const root = path.join(folder, name);
      const result = await cli(['lint', '--root', root, '--no-cache'], root);
      expect(result.code, `${name}: ${result.stdout}${result.stderr}`).toBe(0);
    }
  });

  it('refuses a folder that holds corpora already, and explains its usage', () => {
    const folder = standIns();
    const again = spawnSync(process.execPath, [script, folder], { encoding: 'utf8' });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('exists already');
    const usage = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^usage: node scripts\/corpus-stand-in\.mjs <folder>/u);
  });
});
