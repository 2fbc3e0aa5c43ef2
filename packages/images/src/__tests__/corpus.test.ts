import { cpSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { RepoRoot, parseConfig } from '@llm-notes/core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeRaster } from '../decode.js';
import { samePixels } from '../raster.js';
import { optimizeFiles } from '../run-images.js';
import { settingsFromOptions } from '../settings.js';
import { corpusFor } from '../../../../tests/support/corpus.js';
import { tempFolder } from '../../../../tests/support/temp-folder.js';

const corpusFolder = corpusFor('awesome-llm-learning', 'lossless optimization of the corpus PNGs');
const corpus = corpusFolder ?? '';

describe.skipIf(corpusFolder === undefined)('lossless optimization of the corpus PNGs', () => {
  const work = tempFolder('images-corpus-');

  it('every written file decodes to exactly the original pixels, and a second run writes nothing', async () => {
    const pngs = readdirSync(corpus, { recursive: true })
      .map(String)
      .filter((file) => file.toLowerCase().endsWith('.png'));
    expect(pngs.length).toBeGreaterThan(0);
    for (const file of pngs) cpSync(path.join(corpus, file), path.join(work, 'content', file));
    const repo = new RepoRoot(work);
    const options = parseConfig('{}', 'test').images;
    const settings = settingsFromOptions(options, { lossy: false });
    const files = pngs.map((file) => `content/${file.split(path.sep).join('/')}`);

    const result = await optimizeFiles({ repo, files, options, settings, complete: true, manifest: 'content/images.manifest.json' });
    expect(result.failed).toBe(false);
    expect(result.written).toBeGreaterThan(0);
    for (const [index, file] of files.entries()) {
      const original = readFileSync(path.join(corpus, pngs[index]!));
      const optimized = readFileSync(path.join(work, file));
      if (result.rows[index]!.status !== 'optimized') {
        expect(optimized.equals(original)).toBe(true);
        continue;
      }
      expect(optimized.length).toBeLessThan(original.length);
      const depth = async (bytes: Buffer) => (await sharp(bytes).metadata()).depth === 'ushort';
      const before = await decodeRaster(sharp, original, { maxPixels: options.maxPixels, sixteenBits: await depth(original) });
      const after = await decodeRaster(sharp, optimized, { maxPixels: options.maxPixels, sixteenBits: await depth(optimized) });
      expect(samePixels(before, after), file).toBe(true);
      // The colour profile, when there is one, is kept.
      expect((await sharp(optimized).metadata()).icc?.length).toBe((await sharp(original).metadata()).icc?.length);
    }
    const second = await optimizeFiles({ repo, files, options, settings, complete: true, manifest: 'content/images.manifest.json' });
    expect(second.written).toBe(0);
    expect(new Set(second.rows.map((row) => row.status))).toEqual(new Set(['up to date']));
  }, 120_000);
});
