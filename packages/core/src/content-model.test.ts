import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverContent, listContentImages } from './content-model.js';
import { RepoRoot } from './safe-path.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function repoWith(files: Record<string, string>): RepoRoot {
  const root = mkdtempSync(path.join(os.tmpdir(), 'content-'));
  folders.push(root);
  for (const [relative, text] of Object.entries(files)) {
    if (relative.endsWith('/')) {
      mkdirSync(path.join(root, relative), { recursive: true });
      continue;
    }
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), text);
  }
  return new RepoRoot(root);
}

describe('discoverContent', () => {
  it('orders chapters and sections numerically and titles keep inner dots', () => {
    const repo = repoWith({
      'content/0.引言/0.ignore.md': 'intro',
      'content/10.附录/1.a.md': 'a',
      'content/9.推理/2.b.md': 'b',
      'content/9.推理/10.c.md': 'c',
      'content/9.推理/3.GPT-3.5介绍.md': 'd',
      'content/9.推理/images/x.png': 'png',
      'content/2.基础/1.x.md': 'x',
    });
    const content = discoverContent(repo, 'content');
    expect(content.intro?.relPath).toBe('content/0.引言/0.ignore.md');
    expect(content.chapters.map((chapter) => chapter.title)).toEqual(['基础', '推理', '附录']);
    expect(content.chapters[1]?.sections.map((section) => section.title)).toEqual(['b', 'GPT-3.5介绍', 'c']);
    expect(content.notes.map((note) => note.relPath)).toEqual([
      'content/0.引言/0.ignore.md',
      'content/2.基础/1.x.md',
      'content/9.推理/2.b.md',
      'content/9.推理/3.GPT-3.5介绍.md',
      'content/9.推理/10.c.md',
      'content/10.附录/1.a.md',
    ]);
    expect(listContentImages(repo, content)).toEqual(['content/9.推理/images/x.png']);
  });

  it('honours .gitignore and skips hidden folders', () => {
    const repo = repoWith({
      '.gitignore': 'content/3.草稿/\n',
      'content/1.a/1.x.md': 'x',
      'content/3.草稿/1.y.md': 'y',
      'content/.vitepress/1.z.md': 'z',
    });
    execFileSync('git', ['init', '-q'], { cwd: repo.path });
    const content = discoverContent(repo, 'content');
    expect(content.chapters.map((chapter) => chapter.name)).toEqual(['1.a']);
  });

  it('has no introduction when there is no 0. folder', () => {
    const content = discoverContent(repoWith({ 'content/1.a/1.x.md': 'x' }), 'content');
    expect(content.intro).toBeUndefined();
    expect(content.chapters).toHaveLength(1);
  });

  it('leaves folders that are not numbered out of the layout, silently', () => {
    const repo = repoWith({
      'content/1.a/1.x.md': 'x',
      'content/drafts/1.y.md': 'y',
      'content/public/index.md': 'site',
      'content/node_modules/pkg/1.readme.md': 'dependency',
      'content/assets/logo.png': 'png',
    });
    const content = discoverContent(repo, 'content');
    expect(content.chapters.map((chapter) => chapter.name)).toEqual(['1.a']);
    expect(content.problems).toEqual([]);
  });

  it('reads chapters at the root beside site and tool folders', () => {
    const repo = repoWith({
      '1.基础/1.x.md': 'x',
      '2.进阶/1.y.md': 'y',
      'public/index.md': 'site',
      'tools/build.md': 'tools',
      'node_modules/1.pkg/1.readme.md': 'dependency',
      'README.md': 'readme',
    });
    const content = discoverContent(repo, '.');
    expect(content.notes.map((note) => note.relPath)).toEqual(['1.基础/1.x.md', '2.进阶/1.y.md']);
  });

  it('turns a note without a number, or sharing one, into a layout problem', () => {
    const content = discoverContent(
      repoWith({ 'content/1.a/notes.md': 'x', 'content/1.a/README.md': 'r', 'content/1.a/2.b.md': 'b', 'content/1.a/2.c.md': 'c', 'content/1.a/3.d.md/': '' }),
      'content',
    );
    expect(content.notes.map((note) => note.name)).toEqual(['2.b.md', '2.c.md']);
    expect(content.problems).toEqual([
      { file: 'content/1.a/2.c.md', message: 'Note `2.c.md` has the same number 2 as `2.b.md`; expected a number of its own' },
      { file: 'content/1.a/notes.md', message: 'Note `notes.md` in chapter `1.a` has no number; expected a name like `1.notes.md` (or move it out of the chapter)' },
    ]);
  });

  it('gives an empty model for a content folder without notes or a missing one', () => {
    expect(discoverContent(repoWith({ 'content/1.a/': '' }), 'content').notes).toEqual([]);
    const missing = discoverContent(repoWith({ 'README.md': '' }), 'notes');
    expect(missing.exists).toBe(false);
    expect(missing.chapters).toEqual([]);
  });

  it('refuses a content folder outside the root', () => {
    expect(() => discoverContent(repoWith({ 'README.md': '' }), '../..')).toThrow(/outside the repository root/u);
  });
});
