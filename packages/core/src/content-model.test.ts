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

  it('names a chapter folder without a number', () => {
    const repo = repoWith({ 'content/1.a/1.x.md': 'x', 'content/drafts/1.y.md': 'y' });
    expect(() => discoverContent(repo, 'content')).toThrow(/chapter folder name must start with a number/u);
    try {
      discoverContent(repo, 'content');
    } catch (error) {
      expect((error as { file: string }).file).toBe('content/drafts');
    }
  });

  it('names a note without a number and a note that is a folder', () => {
    expect(() => discoverContent(repoWith({ 'content/1.a/notes.md': 'x' }), 'content')).toThrow(/note name must start with a number/u);
    expect(() => discoverContent(repoWith({ 'content/1.a/1.x.md/': '' }), 'content')).toThrow(/a note must be a file/u);
  });

  it('names an empty content folder', () => {
    expect(() => discoverContent(repoWith({ 'content/1.a/': '' }), 'content')).toThrow(/content folder has no notes/u);
  });

  it('names a missing content folder', () => {
    expect(() => discoverContent(repoWith({ 'README.md': '' }), 'notes')).toThrow(/content folder not found/u);
  });

  it('refuses a content folder outside the root', () => {
    expect(() => discoverContent(repoWith({ 'README.md': '' }), '../..')).toThrow(/outside the repository root/u);
  });
});
