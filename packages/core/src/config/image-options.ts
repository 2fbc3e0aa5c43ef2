import { z } from 'zod';

/** Options of `images` (the optimizer) and of the image-markup rules. */
export const imageOptionsSchema = z
  .strictObject({
    /** Which markup the repository uses for block images; its rule is enabled, the others off. */
    style: z.enum(['own-line', 'html-centered', 'markdown']).default('own-line'),
    /** `width` written by image-html-centered, and dropped by image-markdown when equal. */
    htmlWidth: z.number().int().positive().default(900),
    /** Manifest of optimized images, relative to the repository root. */
    manifest: z.string().min(1).default('content/images.manifest.json'),
    /** Write an optimized image only when it saves at least this many bytes… */
    minSavingsBytes: z.number().int().nonnegative().default(512),
    /** …and at least this percentage of the original. */
    minSavingsPercent: z.number().nonnegative().max(100).default(1),
    lossy: z.boolean().default(false),
    /** Lossy PNG palette quality floor and target (0-100). */
    pngQuality: z
      .strictObject({ min: z.number().int().min(0).max(100), max: z.number().int().min(0).max(100) })
      .default({ min: 65, max: 90 }),
    jpegQuality: z.number().int().min(1).max(100).default(82),
    /** Quality of lossy WebP re-encoding (only with `lossy`; lossless WebP stays lossless). */
    webpQuality: z.number().int().min(1).max(100).default(80),
    /** Resize wider images down to this width (lossy; only with `lossy`). */
    maxWidth: z.number().int().positive().nullable().default(null),
    /** Budgets enforced by `images --check`. */
    maxBytesPerImage: z.number().int().positive().default(1_500_000),
    maxTotalBytes: z.number().int().positive().default(50_000_000),
    maxPixels: z.number().int().positive().default(40_000_000),
  })
  .prefault({});

export type ImageOptions = z.infer<typeof imageOptionsSchema>;
