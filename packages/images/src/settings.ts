import type { ImageOptions } from '@llm-notes/core';

/** What one run of the optimizer may do to an image. */
export interface OptimizeSettings {
  readonly lossy: boolean;
  readonly pngQuality: { readonly min: number; readonly max: number };
  readonly jpegQuality: number;
  readonly webpQuality: number;
  /** Only with `lossy`. */
  readonly maxWidth: number | null;
  /** Larger images are refused before decoding (decompression bombs). */
  readonly maxPixels: number;
  /**
   * Drop metadata that does not change how the image renders (text, time, EXIF other than PNG orientation,
   * XMP, IPTC, trailing data). A re-encoded JPEG or WebP, or a quantised PNG, gets its orientation applied
   * to the pixels instead, and the summary says so.
   */
  readonly stripMetadata: boolean;
}

export function settingsFromOptions(options: ImageOptions, overrides: { lossy?: boolean; stripMetadata?: boolean } = {}): OptimizeSettings {
  return {
    lossy: overrides.lossy ?? options.lossy,
    pngQuality: options.pngQuality,
    jpegQuality: options.jpegQuality,
    webpQuality: options.webpQuality,
    maxWidth: options.maxWidth,
    maxPixels: options.maxPixels,
    stripMetadata: overrides.stripMetadata ?? false,
  };
}

/** The settings as recorded in the manifest: only what changes the output. */
export function settingsLabel(settings: OptimizeSettings): string {
  if (!settings.lossy) return settings.stripMetadata ? 'lossless, metadata stripped' : 'lossless';
  const parts = [
    `lossy png ${settings.pngQuality.min}-${settings.pngQuality.max}`,
    `jpeg ${settings.jpegQuality}`,
    `webp ${settings.webpQuality}`,
  ];
  if (settings.maxWidth !== null) parts.push(`width ${settings.maxWidth}`);
  if (settings.stripMetadata) parts.push('metadata stripped');
  return parts.join(', ');
}
