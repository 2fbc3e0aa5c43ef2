import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RepoRoot } from '@llm-notes/core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readImageSize } from '../image-size.js';
import { listImages } from '../list-images.js';
import { pngBomb, rotatedJpeg } from './make-images.js';

describe('readImageSize (header only, no decoding)', () => {
  it('reads the stored size of PNG, JPEG, lossy and lossless WebP, GIF', async () => {
    const base = sharp({ create: { width: 37, height: 21, channels: 3, background: '#123456' } });
    expect(readImageSize(await base.clone().png().toBuffer(), 'png')).toEqual({ width: 37, height: 21 });
    expect(readImageSize(await base.clone().jpeg().toBuffer(), 'jpeg')).toEqual({ width: 37, height: 21 });
    expect(readImageSize(await base.clone().webp().toBuffer(), 'webp')).toEqual({ width: 37, height: 21 });
    expect(readImageSize(await base.clone().webp({ lossless: true }).toBuffer(), 'webp')).toEqual({ width: 37, height: 21 });
    expect(readImageSize(await base.clone().withIccProfile('p3').webp().toBuffer(), 'webp')).toEqual({ width: 37, height: 21 });
    expect(readImageSize(await base.clone().gif().toBuffer(), 'gif')).toEqual({ width: 37, height: 21 });
    // Stored size: EXIF orientation does not change the pixel count.
    expect(readImageSize(await rotatedJpeg(), 'jpeg')).toEqual({ width: 40, height: 20 });
    expect(readImageSize(pngBomb(), 'png')).toEqual({ width: 100_000, height: 100_000 });
    expect(readImageSize(Buffer.from([0xff, 0xd8, 0xff]), 'jpeg')).toBeUndefined();
  });
});

describe('listImages', () => {
  it('lists images under the content folder whatever the notes look like, and never follows symlinks', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'list-images-'));
    const outside = mkdtempSync(path.join(os.tmpdir(), 'list-outside-'));
    try {
      mkdirSync(path.join(root, 'content/草稿/images'), { recursive: true });
      mkdirSync(path.join(root, 'content/1.a/.hidden'), { recursive: true });
      writeFileSync(path.join(root, 'content/草稿/images/b.PNG'), 'x');
      writeFileSync(path.join(root, 'content/1.a/a.webp'), 'x');
      writeFileSync(path.join(root, 'content/1.a/notes.md'), 'x');
      writeFileSync(path.join(root, 'content/1.a/.hidden/c.png'), 'x');
      writeFileSync(path.join(outside, 'd.png'), 'x');
      symlinkSync(outside, path.join(root, 'content/2.outside'));
      symlinkSync(path.join(outside, 'd.png'), path.join(root, 'content/1.a/d.png'));
      expect(listImages(new RepoRoot(root), 'content')).toEqual({
        files: ['content/1.a/a.webp', 'content/草稿/images/b.PNG'],
        symlinks: ['content/1.a/d.png'],
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
