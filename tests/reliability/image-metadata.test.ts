import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { tempRepo } from '../../packages/cli/src/test-support.js';
import { inProcessCli } from '../support/command-process.js';
import { exifOrientation } from '../../packages/images/src/__tests__/make-images.js';
import { type PngChunk, readPngChunks, writePngChunks } from '../../packages/images/src/png-chunks.js';
import { readPngMetadata } from '../../packages/images/src/png-metadata.js';
import { changedPaths, snapshotTree } from '../support/snapshot.js';

/**
 * Issue 20 §5 end to end: `notes images` from the CLI keeps the user's
 * metadata (PNG text, time and trailing data, an eXIf orientation as
 * metadata, WebP and JPEG EXIF and XMP) byte for byte, says so per image,
 * and `--strip-metadata` removes it and says what it removed. Only the
 * images and the manifest change.
 */

const FOLDER = 'content/1.基础/images';
const TRAILING = Buffer.from('data the author appended after IEND');
const RIGHTS_XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:rights><rdf:Alt><rdf:li xml:lang="x-default">CC BY 4.0 图的作者</rdf:li></rdf:Alt></rdf:RDF></x:xmpmeta>';

/** Noisy enough to stay an honest photo, flat enough to shrink: 96×64. */
function pixels(): Buffer {
  const data = Buffer.alloc(96 * 64 * 3);
  for (let index = 0; index < data.length; index++) data[index] = Math.floor(index / 3) % 96 < 48 ? 180 : (index * 13) % 7;
  return data;
}

/** A PNG stored without compression, with copyright text, a time, an eXIf orientation 6 and trailing data. */
async function decoratedPng(): Promise<Buffer> {
  const plain = await sharp(pixels(), { raw: { width: 96, height: 64, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
  const exif = exifOrientation(6);
  const extra: PngChunk[] = [
    { type: 'tEXt', data: Buffer.from('Copyright\0(c) 2025 the figure author, CC BY 4.0', 'latin1') },
    { type: 'tIME', data: Buffer.from([0x07, 0xe9, 3, 4, 5, 6, 7]) },
    { type: 'eXIf', data: exif },
  ];
  const chunks = readPngChunks(plain).filter((chunk) => chunk.type !== 'pHYs');
  return Buffer.concat([writePngChunks([chunks[0]!, ...extra, ...chunks.slice(1)]), TRAILING]);
}

async function withExifAndXmp(format: 'jpeg' | 'webp-lossless'): Promise<Buffer> {
  const pipeline = sharp(pixels(), { raw: { width: 96, height: 64, channels: 3 } })
    .withExif({ IFD0: { Copyright: '(c) 2025 the figure author, CC BY 4.0' } })
    .withXmp(RIGHTS_XMP);
  return format === 'jpeg' ? pipeline.jpeg({ quality: 100 }).toBuffer() : pipeline.webp({ lossless: true, effort: 0 }).toBuffer();
}

async function repository(): Promise<string> {
  return tempRepo({
    // Any saving counts: the images here are small.
    'notes.config.json': JSON.stringify({ images: { minSavingsBytes: 1, minSavingsPercent: 0 } }),
    'content/0.引言/0.ignore.md': '介绍。\n',
    'content/1.基础/1.注意力.md': '#### 1. 问题\n\n![a](./images/a.png)\n\n![b](./images/b.webp)\n\n![c](./images/c.jpg)\n',
    [`${FOLDER}/a.png`]: await decoratedPng(),
    [`${FOLDER}/b.webp`]: await withExifAndXmp('webp-lossless'),
    [`${FOLDER}/c.jpg`]: await withExifAndXmp('jpeg'),
  });
}

// The images runs go through the file's long-lived command process: what is tested is their output and files.
const cli = inProcessCli();

const MANIFEST = 'content/images.manifest.json';
/** What `images` owns: the images, the manifest, its caches. */
const owned = (entry: string) => entry.startsWith(`${FOLDER}/`) || entry === MANIFEST || entry.startsWith('.cache');

describe('notes images keeps the user’s metadata', () => {
  it('by default: PNG chunks and trailing data, the orientation, WebP and JPEG EXIF and XMP, each said in the summary', async () => {
    const root = await repository();
    const read = (name: string) => readFileSync(path.join(root, FOLDER, name));
    const original = { png: read('a.png'), webp: read('b.webp'), jpeg: read('c.jpg') };
    const before = snapshotTree(root);
    // Lossless for the PNG and the WebP, then --lossy for the JPEG only.
    const lossless = await cli(['images'], root);
    const lossy = await cli(['images', '--lossy', `${FOLDER}/c.jpg`], root);
    const output = `${lossless.stdout}${lossless.stderr}${lossy.stdout}${lossy.stderr}`;
    expect([lossless.code, lossy.code], output).toEqual([0, 0]);
    expect(output).toMatch(/a\.png.*kept tEXt, tIME, eXIf, 35 trailing bytes/u);
    expect(output).toMatch(/b\.webp.*kept EXIF, XMP/u);
    expect(output).toMatch(/c\.jpg.*kept EXIF, XMP/u);
    expect(output).not.toMatch(/removed|applied|rewritten by the encoder/u);

    // PNG: every ancillary chunk byte for byte, the trailing data, the stored layout (not turned).
    const png = read('a.png');
    expect(png.length).toBeLessThan(original.png.length);
    const chunks = (bytes: Buffer) => readPngMetadata(bytes).before.map((chunk) => `${chunk.type}:${chunk.data.toString('hex')}`);
    expect(chunks(png)).toEqual(chunks(original.png));
    expect(png.subarray(png.length - TRAILING.length)).toEqual(TRAILING);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([96, 64]);
    // WebP (lossless) and JPEG (--lossy): EXIF and XMP byte for byte.
    for (const [name, bytes] of [['b.webp', original.webp], ['c.jpg', original.jpeg]] as const) {
      const [was, now] = [await sharp(bytes).metadata(), await sharp(read(name)).metadata()];
      expect(read(name).length, name).toBeLessThan(bytes.length);
      expect(now.exif?.equals(was.exif!), name).toBe(true);
      expect(now.xmp?.equals(was.xmp!), name).toBe(true);
    }
    const changed = changedPaths(before, snapshotTree(root));
    expect(changed.filter((entry) => !owned(entry))).toEqual([]);
    expect(changed).toContain(MANIFEST);
  });

  it('with --strip-metadata: removed, and the summary names what', async () => {
    const root = await repository();
    const before = snapshotTree(root);
    const result = await cli(['images', '--lossy', '--strip-metadata'], root);
    const output = `${result.stdout}${result.stderr}`;
    expect(result.code, output).toBe(0);
    expect(output).toMatch(/c\.jpg.*removed EXIF, XMP/u);
    expect(output).toMatch(/b\.webp.*removed EXIF, XMP/u);
    expect(output).toMatch(/a\.png.*removed/u);
    const jpeg = await sharp(readFileSync(path.join(root, FOLDER, 'c.jpg'))).metadata();
    expect(jpeg.exif).toBeUndefined();
    expect(jpeg.xmp).toBeUndefined();
    expect(changedPaths(before, snapshotTree(root)).filter((entry) => !owned(entry))).toEqual([]);
  });
});
