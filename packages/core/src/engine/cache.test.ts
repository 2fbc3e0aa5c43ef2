import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../../../../tests/support/temp-folder.js';
import { RepoRoot } from '../safe-path.js';
import { fileHash, fileHashes } from './cache.js';

describe('fileHashes', () => {
  it('gives what fileHash gives for each target: plain files, symlinks inside and outside the root, missing files, folders', () => {
    const outside = tempFolder('hash-outside-');
    writeFileSync(path.join(outside, 'secret.md'), 'outside');
    const root = tempFolder('hash-root-');
    mkdirSync(path.join(root, 'content/1.a'), { recursive: true });
    writeFileSync(path.join(root, 'content/1.a/1.x.md'), '# x\n');
    writeFileSync(path.join(root, 'top.md'), '# top\n');
    symlinkSync('1.x.md', path.join(root, 'content/1.a/2.link.md'));
    symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'content/1.a/3.escape.md'));
    symlinkSync('1.a', path.join(root, 'content/2.alias'));
    symlinkSync(outside, path.join(root, 'content/3.out'));
    mkdirSync(path.join(root, 'content/4.folder.md'));
    const targets = [
      'top.md',
      'content/1.a/1.x.md',
      'content/1.a/2.link.md',
      'content/1.a/3.escape.md',
      'content/2.alias/1.x.md',
      'content/3.out/secret.md',
      'content/4.folder.md',
      'content/1.a/missing.md',
      'content/none/1.x.md',
      'content/1.a/../../top.md',
    ];
    const repo = new RepoRoot(root);
    const batch = fileHashes(repo, targets);
    expect([...batch.keys()]).toEqual(targets);
    for (const target of targets) expect(batch.get(target), target).toBe(fileHash(repo, target));
    // The plain files and the links that stay inside are read; nothing outside is.
    expect(batch.get('content/1.a/2.link.md')).toBe(batch.get('content/1.a/1.x.md'));
    expect(batch.get('content/2.alias/1.x.md')).toBe(batch.get('content/1.a/1.x.md'));
    expect(batch.get('content/1.a/3.escape.md')).toBeUndefined();
    expect(batch.get('content/3.out/secret.md')).toBeUndefined();
    expect(batch.get('top.md')).toBeDefined();
  });
});
