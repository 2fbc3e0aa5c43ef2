import path from 'node:path';
import { z } from 'zod';

const quality = (what: string, fallback: number, note = '') =>
  z.number().int().min(1).max(100).default(fallback).describe(`Quality of lossy ${what} re-encoding, 1-100 (only with \`lossy\`${note}).`);

/** Options of `images` (the optimizer) and of the image-markup rules. */
export const imageOptionsSchema = z
  .strictObject({
    style: z
      .enum(['own-line', 'html-centered', 'markdown'])
      .default('own-line')
      .describe('Markup the repository uses for block images; its rule is enabled, the other two are off.'),
    htmlWidth: z
      .number()
      .int()
      .positive()
      .default(900)
      .describe('`width` written by image-html-centered, and dropped by image-markdown when equal.'),
    manifest: z
      .string()
      .min(1)
      .default('images.manifest.json')
      .describe('Manifest of optimized images, relative to the content folder (so it follows `--content`).'),
    minSavingsBytes: z.number().int().nonnegative().default(512).describe('Rewrite an image only when it shrinks by at least this many bytes…'),
    minSavingsPercent: z.number().nonnegative().max(100).default(1).describe('…and by at least this percentage of its size.'),
    lossy: z.boolean().default(false).describe('Allow lossy compression (palette PNG, mozjpeg, lossy WebP, resizing); lossless when false.'),
    pngQuality: z
      .strictObject({
        min: z.number().int().min(0).max(100).describe('Lowest acceptable quality, 0-100.'),
        max: z.number().int().min(0).max(100).describe('Target quality, 0-100.'),
      })
      .default({ min: 65, max: 90 })
      .describe('Palette quantisation quality floor and target of lossy PNG (only with `lossy`).'),
    jpegQuality: quality('JPEG', 82),
    webpQuality: quality('WebP', 80, '; lossless WebP stays lossless'),
    maxWidth: z
      .number()
      .int()
      .positive()
      .nullable()
      .default(null)
      .describe('Resize wider images down to this width (only with `lossy`); `null` for never.'),
    maxBytesPerImage: z.number().int().positive().default(1_500_000).describe('Budget of `images --check`: bytes of one image.'),
    maxTotalBytes: z.number().int().positive().default(50_000_000).describe('Budget of `images --check`: bytes of all images together.'),
    maxPixels: z.number().int().positive().default(40_000_000).describe('Budget of `images --check`: pixels of one image (also guards against decompression bombs).'),
  })
  .prefault({})
  .describe('Options of `images` and of the image-markup rules.');

export type ImageOptions = z.infer<typeof imageOptionsSchema>;

/** The image manifest's path relative to the root: `images.manifest` inside the content folder. */
export function imageManifestPath(contentDir: string, options: Pick<ImageOptions, 'manifest'>): string {
  return path.posix.join(contentDir.split(path.sep).join('/'), options.manifest);
}
