import { mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ImageOptions, parseConfig } from '@llm-notes/core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeRaster } from '../decode.js';
import { readManifest } from '../manifest.js';
import { readPngChunks } from '../png-chunks.js';
import { samePixels } from '../raster.js';
import { checkFiles, optimizeFiles } from '../run-images.js';
import { type OptimizeSettings, settingsFromOptions } from '../settings.js';
import {
  fewColoursPng,
  gradientPng,
  greyAsRgbPng,
  jpegBytes,
  pngBomb,
  pngLayout,
  rgbaOpaquePng,
  rotatedJpeg,
  sixteenBitPng,
  truncatedPng,
  withIccProfilePng,
} from './make-images.js';
import { useImageRepo } from './image-repo.js';

const defaults: ImageOptions = parseConfig('{}', 'test').images;
const options: ImageOptions = { ...defaults, minSavingsBytes: 1, minSavingsPercent: 0 };
const lossless = settingsFromOptions(options);
/** The default manifest of a repository whose content folder is `content`. */
const manifest = 'content/images.manifest.json';
const lossy: OptimizeSettings = settingsFromOptions(options, { lossy: true });

const fixture = useImageRepo('images-');
const put = fixture.put;

function read(file: string): Buffer {
  return readFileSync(path.join(fixture.root, file));
}

async function pixelsOf(bytes: Uint8Array) {
  return decodeRaster(sharp, bytes, { maxPixels: 1e8, sixteenBits: pngLayout(bytes).bitDepth === 16 && bytes[1] === 0x50 });
}

/** Runs the optimizer on one file and asserts the written result is smaller and shows the same pixels. */
async function optimizeOne(name: string, original: Buffer, settings = lossless) {
  const file = put(name, original);
  const result = await optimizeFiles({ repo: fixture.repo, files: [file], options, settings, complete: true, manifest });
  const after = read(file);
  return { file, result, row: result.rows[0]!, after };
}

async function expectSamePixels(original: Uint8Array, optimized: Uint8Array) {
  expect(samePixels(await pixelsOf(original), await pixelsOf(optimized))).toBe(true);
}

describe('lossless optimization', () => {
  it('optimizes an image of one single colour (the palette encoder needs at least two)', async () => {
    const flat = await sharp(Buffer.alloc(32 * 32 * 3, 200), { raw: { width: 32, height: 32, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
    const { row, after } = await optimizeOne('flat.png', flat);
    expect(row.status).toBe('optimized');
    expect(after.length).toBeLessThan(flat.length);
  });

  it('drops the alpha channel of an opaque RGBA image, pixels identical', async () => {
    const original = await rgbaOpaquePng();
    const { row, after } = await optimizeOne('opaque.png', original);
    expect(row.status).toBe('optimized');
    expect(after.length).toBeLessThan(original.length);
    expect(pngLayout(after).colourType).toBe(2);
    await expectSamePixels(original, after);
    const rgb = await sharp(original).removeAlpha().raw().toBuffer();
    expect((await sharp(after).raw().toBuffer()).equals(rgb)).toBe(true);
  });

  it('stores an image with R = G = B as grey, pixels identical', async () => {
    const original = await greyAsRgbPng();
    const { row, after } = await optimizeOne('grey.png', original);
    expect(row.status).toBe('optimized');
    expect(pngLayout(after).colourType).toBe(0);
    await expectSamePixels(original, after);
  });

  it('indexes an image of 8 colours with a small palette, pixels identical', async () => {
    const original = await fewColoursPng();
    const { row, after } = await optimizeOne('few.png', original);
    expect(row.status).toBe('optimized');
    expect(pngLayout(after)).toEqual({ colourType: 3, bitDepth: 4 });
    await expectSamePixels(original, after);
  });

  it('re-encodes a photo-like gradient exactly and never makes it bigger', async () => {
    const original = await gradientPng();
    const { row, after } = await optimizeOne('gradient.png', original);
    expect(row.status).toBe('optimized');
    expect(pngLayout(after).colourType).toBe(2);
    await expectSamePixels(original, after);
    // Already optimal bytes are left as they are.
    const again = put('again.png', after);
    const second = await optimizeFiles({ repo: fixture.repo, files: [again], options, settings: lossless, complete: false, manifest });
    expect(second.rows[0]!.status).toBe('unchanged');
    expect(read(again).equals(after)).toBe(true);
  });

  it('keeps the ICC profile byte for byte and the stored pixel values', async () => {
    const original = await withIccProfilePng();
    const { row, after } = await optimizeOne('icc.png', original);
    expect(row.status).toBe('optimized');
    const profile = (bytes: Uint8Array) => readPngChunks(bytes).find((chunk) => chunk.type === 'iCCP')?.data;
    expect(profile(original)).toBeDefined();
    expect(profile(after)?.equals(profile(original)!)).toBe(true);
    // A colour profile forbids the grey reduction but not the palette.
    expect(pngLayout(after).colourType).toBe(3);
    await expectSamePixels(original, after);
    expect((await sharp(after).metadata()).icc?.equals((await sharp(original).metadata()).icc!)).toBe(true);
  });

  it('stores 16-bit samples at 8 bits when every one is exact (v = v8 × 257), pixels identical', async () => {
    const original = sixteenBitPng(40, 30, (x, y, c) => ((x * 6 + y * 3 + c * 50) & 255) * 257);
    const { row, after } = await optimizeOne('sixteen-exact.png', original);
    expect(row.status).toBe('optimized');
    expect(pngLayout(after).bitDepth).toBe(8);
    const stored = await sharp(original, { ignoreIcc: true }).toColourspace('rgb16').raw({ depth: 'ushort' }).toBuffer();
    const reduced = await sharp(after, { ignoreIcc: true }).raw().toBuffer();
    expect([...new Uint16Array(Uint8Array.from(stored).buffer)]).toEqual([...reduced].map((value) => value * 257));
  });

  it('keeps true 16-bit samples at 16 bits, every value identical', async () => {
    const original = sixteenBitPng(40, 30, (x, y, c) => (x * 1601 + y * 977 + c * 4099) & 0xffff);
    const { row, after } = await optimizeOne('sixteen.png', original);
    expect(row.status).toBe('optimized');
    expect(pngLayout(after).bitDepth).toBe(16);
    const samples = async (bytes: Buffer) => sharp(bytes, { ignoreIcc: true }).toColourspace('rgb16').raw({ depth: 'ushort' }).toBuffer();
    expect((await samples(after)).equals(await samples(original))).toBe(true);
  });

  it('re-encodes a lossless WebP losslessly, pixels identical', async () => {
    const original = await sharp(await gradientPng()).webp({ lossless: true, effort: 0 }).toBuffer();
    const { row, after } = await optimizeOne('photo.webp', original);
    expect(['optimized', 'unchanged']).toContain(row.status);
    expect(after.length).toBeLessThanOrEqual(original.length);
    await expectSamePixels(original, after);
  });

  it('leaves GIF and SVG alone', async () => {
    const gif = await sharp(await fewColoursPng()).gif().toBuffer();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n');
    for (const [name, bytes] of [['a.gif', gif], ['b.svg', svg]] as const) {
      const { row, after } = await optimizeOne(name, bytes);
      expect(row.status).toBe('skipped');
      expect(after.equals(bytes)).toBe(true);
    }
  });

  it('leaves a JPEG alone without --lossy (no lossless JPEG re-encoding)', async () => {
    const original = await rotatedJpeg();
    const { row, after } = await optimizeOne('rotated.jpg', original);
    expect(row.status).toBe('skipped');
    expect(after.equals(original)).toBe(true);
  });
});

describe('lossy optimization (opt-in)', () => {
  it('keeps the EXIF orientation as metadata over the unturned pixels, so the photo stays upright', async () => {
    const original = await rotatedJpeg();
    const noisy = await sharp(await gradientPng(400, 200)).jpeg({ quality: 100 }).withMetadata({ orientation: 6 }).toBuffer();
    for (const [name, bytes] of [['small.jpg', original], ['big.jpg', noisy]] as const) {
      const { row, after } = await optimizeOne(name, bytes, lossy);
      if (row.status !== 'optimized') continue;
      const before = await sharp(bytes).metadata();
      const metadata = await sharp(after).metadata();
      expect(metadata.orientation).toBe(before.orientation);
      expect(metadata.orientation).toBe(6);
      expect([metadata.width, metadata.height]).toEqual([before.width, before.height]);
      expect(row.note).not.toMatch(/applied|removed/u);
    }
    const { row } = await optimizeOne('big2.jpg', noisy, lossy);
    expect(row.status).toBe('optimized');
  });

  it('quantises a gradient to a palette, smaller than the lossless result', async () => {
    const original = await gradientPng(300, 200);
    const exact = await optimizeOne('exact.png', original);
    const { row, after } = await optimizeOne('lossy.png', original, lossy);
    expect(row.status).toBe('optimized');
    expect(pngLayout(after).colourType).toBe(3);
    expect(after.length).toBeLessThan(exact.after.length);
  });

  it('resizes to maxWidth only when lossy', async () => {
    const original = await gradientPng(300, 200);
    const settings = { ...lossy, maxWidth: 150 };
    const { after } = await optimizeOne('wide.png', original, settings);
    expect((await sharp(after).metadata()).width).toBe(150);
    const { after: kept } = await optimizeOne('wide2.png', original, { ...lossless, maxWidth: 150 });
    expect((await sharp(kept).metadata()).width).toBe(300);
  });
});

describe('broken and hostile files', () => {
  it('reports each broken image by name, leaves it untouched and still optimizes the others', async () => {
    const truncated = await truncatedPng();
    const bomb = pngBomb();
    const liar = await jpegBytes();
    const files = [put('truncated.png', truncated), put('bomb.png', bomb), put('liar.png', liar), put('good.png', await rgbaOpaquePng())];
    const result = await optimizeFiles({ repo: fixture.repo, files, options, settings: lossless, complete: true, manifest });
    expect(result.failed).toBe(true);
    const byFile = new Map(result.rows.map((row) => [row.file, row]));
    expect(byFile.get(files[0]!)).toMatchObject({ status: 'error', note: expect.stringMatching(/decode/) });
    expect(byFile.get(files[1]!)).toMatchObject({ status: 'error', note: expect.stringMatching(/100000×100000.*maxPixels/) });
    expect(byFile.get(files[2]!)).toMatchObject({ status: 'error', note: 'extension says png but the file is jpeg' });
    expect(byFile.get(files[3]!)!.status).toBe('optimized');
    expect(read(files[0]!).equals(truncated)).toBe(true);
    expect(read(files[1]!).equals(bomb)).toBe(true);
    expect(read(files[2]!).equals(liar)).toBe(true);
    // Broken images are not recorded, so they are reported again next time.
    expect([...readManifest(fixture.repo, manifest).keys()]).toEqual([files[3]]);
  });

  it('the bomb is refused from its header even when the pixel budget would allow reading it', async () => {
    const file = put('bomb.png', pngBomb());
    const result = await optimizeFiles({ repo: fixture.repo, files: [file], options, settings: { ...lossless, maxPixels: 1e11 }, complete: true, manifest });
    expect(result.rows[0]!.status).toBe('error');
  });

  it('does not follow a symlink that leads outside the repository', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'outside-'));
    try {
      writeFileSync(path.join(outside, 'x.png'), await rgbaOpaquePng());
      symlinkSync(outside, path.join(fixture.root, 'content/1.a/images/linked'));
      const result = await optimizeFiles({ repo: fixture.repo, files: ['content/1.a/images/linked/x.png'], options, settings: lossless, complete: false, manifest });
      expect(result.rows[0]).toMatchObject({ status: 'error', note: expect.stringMatching(/outside the repository/) });
      expect(readFileSync(path.join(outside, 'x.png')).equals(await rgbaOpaquePng())).toBe(true);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('manifest', () => {
  it('a second run writes nothing: every image is up to date without decoding', async () => {
    const files = [put('a.png', await rgbaOpaquePng()), put('b.png', await fewColoursPng()), put('c.png', await gradientPng())];
    const first = await optimizeFiles({ repo: fixture.repo, files, options, settings: lossless, complete: true, manifest });
    expect(first.written).toBe(3);
    const manifestPath = path.join(fixture.root, manifest);
    const manifestBefore = readFileSync(manifestPath, 'utf8');
    const times = files.map((file) => statSync(path.join(fixture.root, file)).mtimeMs);
    const second = await optimizeFiles({ repo: fixture.repo, files, options, settings: lossless, complete: true, manifest });
    expect(second.written).toBe(0);
    expect(second.rows.map((row) => row.status)).toEqual(['up to date', 'up to date', 'up to date']);
    expect(files.map((file) => statSync(path.join(fixture.root, file)).mtimeMs)).toEqual(times);
    expect(readFileSync(manifestPath, 'utf8')).toBe(manifestBefore);
  });

  it('is sorted, records the settings, and records an image whose saving is under the threshold', async () => {
    const optimal = (await optimizeOne('z.png', await gradientPng())).after;
    const small = put('a.png', optimal);
    const strict = { ...options, minSavingsBytes: 1_000_000 };
    const fresh = put('m.png', await rgbaOpaquePng());
    const result = await optimizeFiles({ repo: fixture.repo, files: [fresh, small], options: strict, settings: lossless, complete: false, manifest });
    expect(result.rows.map((row) => row.status)).toEqual(['unchanged', 'unchanged']);
    const text = readFileSync(path.join(fixture.root, manifest), 'utf8');
    const keys = Object.keys(JSON.parse(text).images);
    expect(keys).toEqual([...keys].sort());
    expect(keys).toContain(fresh);
    expect(JSON.parse(text).images[fresh].settings).toBe('lossless');
    const again = await optimizeFiles({ repo: fixture.repo, files: [fresh], options: strict, settings: lossless, complete: false, manifest });
    expect(again.rows[0]!.status).toBe('up to date');
  });
});

describe('check (read-only)', () => {
  it('fails an unoptimized image, passes it once optimized, and writes nothing', async () => {
    const original = await rgbaOpaquePng();
    const file = put('a.png', original);
    const check = await checkFiles({ repo: fixture.repo, files: [file], options, settings: lossless, complete: true, manifest });
    expect(check.failed).toBe(true);
    expect(check.rows[0]).toMatchObject({ status: 'failed', note: expect.stringMatching(/not optimized/) });
    expect(check.rows[0]!.after).toBeLessThan(original.length);
    expect(read(file).equals(original)).toBe(true);
    expect(() => statSync(path.join(fixture.root, manifest))).toThrow();
    await optimizeFiles({ repo: fixture.repo, files: [file], options, settings: lossless, complete: true, manifest });
    expect((await checkFiles({ repo: fixture.repo, files: [file], options, settings: lossless, complete: true, manifest })).failed).toBe(false);
  });

  it('fails budgets: bytes per image, total bytes, pixels; and a lying extension', async () => {
    const gradient = put('g.png', (await optimizeOne('seed.png', await gradientPng())).after);
    const liar = put('liar.png', await jpegBytes());
    const bomb = put('bomb.png', pngBomb());
    const tight = { ...options, maxBytesPerImage: 100, maxTotalBytes: 200, maxPixels: 1000 };
    const check = await checkFiles({ repo: fixture.repo, files: [gradient, liar, bomb], options: tight, settings: lossless, complete: true, manifest });
    expect(check.failed).toBe(true);
    expect(check.overTotal).toBe(true);
    const notes = check.rows.map((row) => row.note ?? '');
    expect(notes[0]).toMatch(/per-image budget/);
    expect(notes[1]).toMatch(/extension says png but the file is jpeg/);
    expect(notes[2]).toMatch(/maxPixels/);
  });
});
