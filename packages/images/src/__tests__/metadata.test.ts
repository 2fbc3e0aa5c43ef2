import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { type ImageOptions, parseConfig } from '@llm-notes/core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeRaster } from '../decode.js';
import { readManifest } from '../manifest.js';
import { type PngChunk, readPngChunks, writePngChunks } from '../png-chunks.js';
import { readPngMetadata } from '../png-metadata.js';
import { samePixels } from '../raster.js';
import { optimizeFiles } from '../run-images.js';
import { settingsFromOptions } from '../settings.js';
import { exifOrientation, fewColoursPng, fromPixels, greyAsRgbPng } from './make-images.js';
import { useImageRepo } from './image-repo.js';

/**
 * Metadata is the user's data: a lossless run keeps every ancillary PNG chunk
 * and the bytes after IEND exactly, keeps an EXIF orientation as metadata
 * (never turned into the pixels), keeps lossless WebP's EXIF and XMP, and the
 * summary says what was kept; `--strip-metadata` removes it and says so.
 */

const options: ImageOptions = { ...parseConfig('{}', 'test').images, minSavingsBytes: 1, minSavingsPercent: 0 };
const lossless = settingsFromOptions(options);
const strip = settingsFromOptions(options, { stripMetadata: true });

const fixture = useImageRepo('images-metadata-');
const put = fixture.put;

function text(keyword: string, value: string): PngChunk {
  return { type: 'tEXt', data: Buffer.from(`${keyword}\0${value}`, 'latin1') };
}

const COPYRIGHT = text('Copyright', '(c) 2024 the figure author, CC BY 4.0');
const AUTHOR: PngChunk = { type: 'iTXt', data: Buffer.from('Author\0\0\0\0\0作者：某人', 'utf8') };
const COMMENT: PngChunk = { type: 'zTXt', data: Buffer.concat([Buffer.from('Comment\0\0', 'latin1'), deflateSync(Buffer.from('drawn by hand'))]) };
const TIME: PngChunk = { type: 'tIME', data: Buffer.from([0x07, 0xe8, 1, 2, 3, 4, 5]) };
const AFTER_DATA = text('Source', 'notes figure');
const TRAILING = Buffer.from('trailing data the user appended');

/** `png` with extra chunks before and after its image data, and bytes after IEND. */
function decorate(png: Buffer, before: PngChunk[], after: PngChunk[], trailing = Buffer.alloc(0)): Buffer {
  const chunks = readPngChunks(png).filter((chunk) => !['tEXt', 'iTXt', 'zTXt', 'tIME', 'eXIf'].includes(chunk.type));
  const header = chunks[0]!;
  const lastData = chunks.map((chunk) => chunk.type).lastIndexOf('IDAT');
  return Buffer.concat([
    writePngChunks([header, ...before, ...chunks.slice(1, lastData + 1), ...after, ...chunks.slice(lastData + 1)]),
    trailing,
  ]);
}

function ancillary(bytes: Buffer): { before: string[]; after: string[] } {
  const metadata = readPngMetadata(bytes);
  const show = (chunk: PngChunk) => `${chunk.type}:${chunk.data.toString('hex')}`;
  return { before: metadata.before.map(show), after: metadata.after.map(show) };
}

describe('PNG metadata', () => {
  it('keeps every ancillary chunk and the trailing data byte for byte, and says so', async () => {
    const original = decorate(await greyAsRgbPng(), [COPYRIGHT, AUTHOR, COMMENT, TIME], [AFTER_DATA], TRAILING);
    const file = put('decorated.png', original);
    const result = await optimizeFiles({ repo: fixture.repo, files: [file], options, settings: lossless, complete: true, manifest: options.manifest });
    const row = result.rows[0]!;
    expect(row.status).toBe('optimized');
    // The image library wrote a pHYs chunk into the original too: kept as well.
    expect(row.note).toContain('kept tEXt ×2, iTXt, zTXt, tIME, pHYs, 31 trailing bytes');
    const written = readFileSync(path.join(fixture.root, file));
    expect(written.length).toBeLessThan(original.length);
    expect(ancillary(written)).toEqual(ancillary(original));
    expect(written.subarray(written.length - TRAILING.length)).toEqual(TRAILING);
    expect(samePixels(await decodeRaster(sharp, original, { maxPixels: 1e8, sixteenBits: false }), await decodeRaster(sharp, written, { maxPixels: 1e8, sixteenBits: false }))).toBe(true);
    // Recorded in the manifest as written.
    expect(readManifest(fixture.repo, options.manifest).get(file)?.settings).toBe('lossless');
  });

  it('with --strip-metadata removes what does not render, and says so', async () => {
    const original = decorate(await greyAsRgbPng(), [COPYRIGHT, TIME], [AFTER_DATA], TRAILING);
    const file = put('stripped.png', original);
    const result = await optimizeFiles({ repo: fixture.repo, files: [file], options, settings: strip, complete: true, manifest: options.manifest });
    expect(result.rows[0]?.note).toContain('removed tEXt ×2, tIME, 31 trailing bytes');
    const written = readFileSync(path.join(fixture.root, file));
    // Only what changes how it renders (the physical pixel size) stays.
    expect(readPngMetadata(written).before.map((chunk) => chunk.type)).toEqual(['pHYs']);
    expect(readPngMetadata(written).trailing.length).toBe(0);
    expect(readManifest(fixture.repo, options.manifest).get(file)?.settings).toBe('lossless, metadata stripped');
  });

  it('keeps an eXIf orientation as metadata: the stored pixels are never turned', async () => {
    // Wide, so a rotation would swap width and height.
    const plain = await fromPixels(60, 20, 3, (x, y) => {
      const level = (x * 4 + y * 9) & 255;
      return [level, level, level];
    });
    const exif: PngChunk = { type: 'eXIf', data: exifOrientation(6) };
    const original = decorate(plain, [exif], []);
    const file = put('oriented.png', original);
    const result = await optimizeFiles({ repo: fixture.repo, files: [file], options, settings: lossless, complete: true, manifest: options.manifest });
    expect(result.rows[0]?.status).toBe('optimized');
    const written = readFileSync(path.join(fixture.root, file));
    expect(written.readUInt32BE(16)).toBe(60);
    expect(written.readUInt32BE(20)).toBe(20);
    expect(readPngMetadata(written).before).toContainEqual(exif);
    expect(ancillary(written)).toEqual(ancillary(original));
    const stored = (bytes: Buffer) => decodeRaster(sharp, bytes, { maxPixels: 1e8, sixteenBits: false });
    expect(samePixels(await stored(original), await stored(written))).toBe(true);
  });

  it('keeps a colour-bound chunk (bKGD) by keeping the colour layout it belongs to', async () => {
    const few = await fewColoursPng();
    const background: PngChunk = { type: 'bKGD', data: Buffer.from([0, 250, 0, 250, 0, 250]) };
    const original = decorate(few, [background], []);
    const chunks = readPngChunks(original);
    const headerIndex = chunks.findIndex((chunk) => chunk.type === 'IHDR');
    // bKGD must follow IHDR here: the RGB original has no PLTE.
    expect(chunks[headerIndex + 1]?.type).toBe('bKGD');
    const file = put('background.png', original);
    const result = await optimizeFiles({ repo: fixture.repo, files: [file], options, settings: lossless, complete: true, manifest: options.manifest });
    const written = readFileSync(path.join(fixture.root, file));
    expect(written[25]).toBe(original[25]); // colour type
    expect(written[24]).toBe(original[24]); // bit depth
    expect(readPngMetadata(written).before).toContainEqual(background);
    expect(ancillary(written)).toEqual(ancillary(original));
    expect(['optimized', 'unchanged']).toContain(result.rows[0]?.status);
  });

  it('leaves alone an image with an unknown chunk tied to the pixel encoding', async () => {
    const original = decorate(await greyAsRgbPng(), [{ type: 'prVT', data: Buffer.from('x') }], []);
    const file = put('private.png', original);
    const result = await optimizeFiles({ repo: fixture.repo, files: [file], options, settings: lossless, complete: true, manifest: options.manifest });
    expect(result.rows[0]).toMatchObject({ status: 'skipped' });
    expect(result.rows[0]?.note).toMatch(/`prVT` chunk depends on the pixel encoding; left alone/u);
    expect(readFileSync(path.join(fixture.root, file))).toEqual(original);
  });
});

describe('lossless WebP metadata', () => {
  it('keeps the EXIF copyright and the XMP rights', async () => {
    const pixels = Buffer.alloc(64 * 48 * 3);
    for (let index = 0; index < pixels.length; index++) pixels[index] = Math.floor(index / 3) % 64 < 32 ? 200 : (index * 7) % 13;
    const xmp = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/" xmpRights:Marked="True"/></rdf:RDF></x:xmpmeta>';
    const original = await sharp(pixels, { raw: { width: 64, height: 48, channels: 3 } })
      .withExif({ IFD0: { Copyright: 'CC BY 4.0 the figure author' } })
      .withXmp(xmp)
      .webp({ lossless: true, effort: 0 })
      .toBuffer();
    const file = put('figure.webp', original);
    const result = await optimizeFiles({ repo: fixture.repo, files: [file], options, settings: lossless, complete: true, manifest: options.manifest });
    expect(result.rows[0]?.status).toBe('optimized');
    // Exactly what the original holds (no colour profile here).
    expect(result.rows[0]?.note).toBe('webp lossless; kept EXIF, XMP');
    const metadata = await sharp(readFileSync(path.join(fixture.root, file))).metadata();
    const before = await sharp(original).metadata();
    expect(metadata.exif?.equals(before.exif!)).toBe(true);
    expect(metadata.xmp?.equals(before.xmp!)).toBe(true);
    expect(metadata.exif?.toString('latin1')).toContain('CC BY 4.0 the figure author');
    expect(metadata.xmp?.toString('utf8')).toContain('xmpRights:Marked');
  });
});

describe('lossy JPEG and WebP metadata', () => {
  const lossy = settingsFromOptions({ ...options, maxWidth: null }, { lossy: true });
  const lossyStrip = settingsFromOptions({ ...options, maxWidth: null }, { lossy: true, stripMetadata: true });
  const RIGHTS_XMP =
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/" xmpRights:Marked="True"><dc:rights><rdf:Alt><rdf:li xml:lang="x-default">CC BY 4.0 图的作者</rdf:li></rdf:Alt></dc:rights></rdf:Description></rdf:RDF></x:xmpmeta>';

  /** A wide photo-like image (60×40) with an EXIF copyright and artist, XMP rights and EXIF orientation 6, at quality 100. */
  async function photo(format: 'jpeg' | 'webp'): Promise<Buffer> {
    const pixels = Buffer.alloc(60 * 40 * 3);
    for (let index = 0; index < pixels.length; index++) pixels[index] = (Math.floor(index / 3) * 37 + (index % 3) * 91) % 251;
    const pipeline = sharp(pixels, { raw: { width: 60, height: 40, channels: 3 } })
      .withMetadata({ orientation: 6 })
      .withExifMerge({ IFD0: { Copyright: '(c) 2025 the figure author, CC BY 4.0', Artist: '某人' } })
      .withXmp(RIGHTS_XMP);
    return format === 'jpeg' ? pipeline.jpeg({ quality: 100 }).toBuffer() : pipeline.webp({ quality: 100 }).toBuffer();
  }

  for (const format of ['jpeg', 'webp'] as const) {
    it(`${format}: keeps EXIF (copyright, orientation) and XMP rights byte for byte, pixels unturned, and says so`, async () => {
      const original = await photo(format);
      const before = await sharp(original).metadata();
      expect(before.orientation).toBe(6);
      expect(before.exif?.toString('latin1')).toContain('CC BY 4.0');
      const file = put(`photo.${format === 'jpeg' ? 'jpg' : 'webp'}`, original);
      const result = await optimizeFiles({ repo: fixture.repo, files: [file], options, settings: lossy, complete: true, manifest: options.manifest });
      const row = result.rows[0]!;
      expect(row.status).toBe('optimized');
      expect(row.note).toContain('kept EXIF, XMP');
      expect(row.note).not.toMatch(/removed|rewritten|applied/u);
      const written = readFileSync(path.join(fixture.root, file));
      expect(written.length).toBeLessThan(original.length);
      const after = await sharp(written).metadata();
      expect(after.exif?.equals(before.exif!)).toBe(true);
      expect(after.xmp?.equals(before.xmp!)).toBe(true);
      expect(after.orientation).toBe(6);
      // The stored pixels keep their layout: the orientation is still only metadata.
      expect([after.width, after.height]).toEqual([60, 40]);
    });

    it(`${format}: --strip-metadata removes EXIF and XMP, applies the orientation to the pixels, and says both`, async () => {
      const original = await photo(format);
      const file = put(`stripped.${format === 'jpeg' ? 'jpg' : 'webp'}`, original);
      const result = await optimizeFiles({ repo: fixture.repo, files: [file], options, settings: lossyStrip, complete: true, manifest: options.manifest });
      const row = result.rows[0]!;
      expect(row.status).toBe('optimized');
      expect(row.note).toContain('removed EXIF, XMP');
      expect(row.note).toContain('EXIF orientation 6 applied to the pixels');
      const after = await sharp(readFileSync(path.join(fixture.root, file))).metadata();
      expect(after.exif).toBeUndefined();
      expect(after.xmp).toBeUndefined();
      // Shown upright as before: 40 wide, 60 high.
      expect([after.width, after.height]).toEqual([40, 60]);
      expect(readManifest(fixture.repo, options.manifest).get(file)?.settings).toContain('metadata stripped');
    });
  }

  it('a quarter-turned JPEG is narrowed to the displayed width (its stored height), kept unturned', async () => {
    const original = await photo('jpeg');
    const file = put('narrow.jpg', original);
    const narrow = settingsFromOptions({ ...options, maxWidth: 20 }, { lossy: true });
    const result = await optimizeFiles({ repo: fixture.repo, files: [file], options, settings: narrow, complete: true, manifest: options.manifest });
    expect(result.rows[0]?.status).toBe('optimized');
    const after = await sharp(readFileSync(path.join(fixture.root, file))).metadata();
    expect(after.orientation).toBe(6);
    // Stored 30×20: shown 20 wide.
    expect([after.width, after.height]).toEqual([30, 20]);
  });
});
