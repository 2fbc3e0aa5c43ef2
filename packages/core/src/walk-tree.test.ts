import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { walkTree } from './walk-tree.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function tree(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'walk-tree-'));
  roots.push(root);
  mkdirSync(path.join(root, 'b/deep'), { recursive: true });
  mkdirSync(path.join(root, 'node_modules/x'), { recursive: true });
  writeFileSync(path.join(root, 'b/deep/z.md'), '');
  writeFileSync(path.join(root, 'B.md'), '');
  writeFileSync(path.join(root, 'a.md'), '');
  writeFileSync(path.join(root, 'node_modules/x/i.md'), '');
  symlinkSync('..', path.join(root, 'b/up'));
  return root;
}

describe('walkTree', () => {
  it('lists every entry depth first in code-unit order and never follows a symbolic link', () => {
    const root = tree();
    const entries = [...walkTree(root, { skip: (entry) => entry.name === 'node_modules' })];
    expect(entries.map(({ relative }) => relative)).toEqual(['B.md', 'a.md', 'b', 'b/deep', 'b/deep/z.md', 'b/up']);
    const link = entries.find(({ relative }) => relative === 'b/up');
    expect(link?.entry.isSymbolicLink()).toBe(true);
    expect(link?.absolute).toBe(path.join(root, 'b/up'));
  });

  it('throws on an unreadable folder unless told to pass it over', () => {
    const root = tree();
    expect(() => [...walkTree(path.join(root, 'missing'))]).toThrow(/ENOENT/u);
    expect([...walkTree(path.join(root, 'missing'), { tolerant: true })]).toEqual([]);
  });
});
