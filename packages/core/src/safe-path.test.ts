import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_NOTE_BYTES, readNote } from './note-file.js';
import { RepoRoot } from './safe-path.js';

const folders: string[] = [];
function tempFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function setup() {
  const outside = tempFolder('outside-');
  writeFileSync(path.join(outside, 'secret.md'), 'secret');
  const root = tempFolder('repo-');
  mkdirSync(path.join(root, 'content'));
  writeFileSync(path.join(root, 'content', 'a.md'), 'hello');
  symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'content', 'link.md'));
  symlinkSync(outside, path.join(root, 'content', 'linked-folder'));
  symlinkSync(path.join(root, 'content', 'a.md'), path.join(root, 'content', 'inside-link.md'));
  return { root, outside, repo: new RepoRoot(root) };
}

describe('RepoRoot.resolve', () => {
  it('accepts paths inside the root, through symlinks that stay inside', () => {
    const { repo, root } = setup();
    expect(repo.resolve('content/a.md')).toBe(path.join(root, 'content', 'a.md'));
    expect(repo.resolve('content/inside-link.md')).toBe(path.join(root, 'content', 'inside-link.md'));
    expect(repo.resolve('content/new-file.md')).toBe(path.join(root, 'content', 'new-file.md'));
  });

  it('refuses relative symlinks that climb out, even through a missing folder', () => {
    const { repo, root } = setup();
    symlinkSync('../../..', path.join(root, 'content', 'up'));
    symlinkSync('missing/../../..', path.join(root, 'content', 'up-through-missing'));
    expect(() => repo.resolve('content/up/etc/passwd')).toThrow(/outside the repository root/u);
    expect(() => repo.resolve('content/up-through-missing/x')).toThrow(/outside the repository root/u);
  });

  it('refuses ../ paths, absolute paths outside, and symlinks that lead outside', () => {
    const { repo } = setup();
    expect(() => repo.resolve('../../../../etc/passwd')).toThrow(/outside the repository root/u);
    expect(() => repo.resolve('/etc/passwd')).toThrow(/outside the repository root/u);
    expect(() => repo.resolve('content/link.md')).toThrow(/through a symlink/u);
    expect(() => repo.resolve('content/linked-folder/secret.md')).toThrow(/through a symlink/u);
    expect(() => repo.resolve('content/linked-folder/not-yet.md')).toThrow(/through a symlink/u);
  });

  it('answers a symlink loop with a fatal read message instead of hanging', () => {
    const { repo, root } = setup();
    symlinkSync(path.join(root, 'content', 'loop-b.md'), path.join(root, 'content', 'loop-a.md'));
    symlinkSync(path.join(root, 'content', 'loop-a.md'), path.join(root, 'content', 'loop-b.md'));
    const file = readNote(repo, 'content/loop-a.md');
    expect(file.messages[0]?.fatal).toBe(true);
    expect(file.messages[0]?.reason).toMatch(/symlink loop/u);
  });
});

describe('readNote', () => {
  it('refuses a note that links outside the root', () => {
    const { repo } = setup();
    const file = readNote(repo, 'content/link.md');
    expect(file.value).toBeUndefined();
    expect(file.messages[0]?.fatal).toBe(true);
    expect(file.messages[0]?.reason).toMatch(/outside the repository root/u);
  });

  it('gives a fatal message naming the file and line for invalid UTF-8', () => {
    const { repo, root } = setup();
    writeFileSync(path.join(root, 'content', 'bad.md'), Buffer.concat([Buffer.from('# 标题\n\n'), Buffer.from([0xc3, 0x28])]));
    const file = readNote(repo, 'content/bad.md');
    expect(file.path).toBe('content/bad.md');
    expect(file.value).toBeUndefined();
    const [message] = file.messages;
    expect(message?.fatal).toBe(true);
    expect(message?.reason).toBe('file is not valid UTF-8');
    expect(message?.line).toBe(3);
  });

  it('refuses a note over the size limit before reading it', () => {
    const { repo, root } = setup();
    writeFileSync(path.join(root, 'content', 'huge.md'), Buffer.alloc(MAX_NOTE_BYTES + 1, 'a'));
    const file = readNote(repo, 'content/huge.md');
    expect(file.value).toBeUndefined();
    expect(file.messages[0]?.reason).toMatch(/file is too large \(10\.0 MB; at most 10\.0 MB is read\)/u);
  });

  it('decodes a BOM file without the BOM in its value', () => {
    const { repo, root } = setup();
    writeFileSync(path.join(root, 'content', 'bom.md'), '\uFEFF# 标题\n');
    const file = readNote(repo, 'content/bom.md');
    expect(file.value).toBe('# 标题\n');
    expect(file.data.decoded?.bom).toBe(true);
  });
});
