import type { Metadata } from 'sharp';
import { carriedMetadataNote, displayedWidth } from './carried-metadata.js';
import { decodeRaster, safeInput } from './decode.js';
import { ImageError } from './image-error.js';
import { formatOfName, isLosslessWebp, sniffFormat } from './image-format.js';
import { assertPixelBudget, readImageSize } from './image-size.js';
import type { SharpFactory } from './load-sharp.js';
import { type Candidate, pngCandidates, smallestVerified } from './optimize-png.js';
import { readPngChunks } from './png-chunks.js';
import { COLOUR_BOUND_CHUNKS, metadataNote, metadataToKeep, readPngMetadata, unsafeUnknownChunk, withMetadata, withoutChunks } from './png-metadata.js';
import { qualityFromMeanSquaredError } from './quality-score.js';
import { meanSquaredError } from './raster.js';
import type { OptimizeSettings } from './settings.js';

/** `best` is the smallest verified encoding smaller than the original, if any. */
export interface Tried {
  readonly kind: 'tried';
  readonly best: Candidate | undefined;
  readonly note?: string;
}

export type Optimization = Tried | { readonly kind: 'skipped'; readonly reason: string };

/** Throws an ImageError when the extension promises another format than the bytes are. */
export function assertHonestExtension(name: string, bytes: Uint8Array): void {
  const promised = formatOfName(name);
  const actual = sniffFormat(bytes);
  if (!actual) throw new ImageError(`not a ${promised ?? 'known'} image (unrecognised content)`);
  if (promised !== actual) throw new ImageError(`extension says ${promised ?? 'unknown'} but the file is ${actual}`);
}

/**
 * Finds the best encoding of one image, in memory; writes nothing. Throws an
 * ImageError for a corrupt, oversized or mislabelled file. Everything that
 * can be judged from the header and the chunk layout is, before the image
 * library is even loaded (`getSharp`).
 */
export async function optimizeImage(
  getSharp: () => Promise<SharpFactory>,
  name: string,
  bytes: Buffer,
  settings: OptimizeSettings,
): Promise<Optimization> {
  assertHonestExtension(name, bytes);
  const format = sniffFormat(bytes)!;
  if (format === 'gif' || format === 'svg') return { kind: 'skipped', reason: `${format.toUpperCase()} is left alone` };
  assertPixelBudget(bytes, format, settings.maxPixels);
  const width = readImageSize(bytes, format)?.width ?? 0;
  if (format === 'png' && readPngChunks(bytes).some((chunk) => chunk.type === 'acTL')) {
    return { kind: 'skipped', reason: 'animated PNG is left alone' };
  }
  const sharp = await getSharp();
  let pages: number | undefined;
  try {
    ({ pages } = await sharp(bytes, safeInput(settings.maxPixels)).metadata());
  } catch (error) {
    throw new ImageError(`cannot read the image header: ${(error as Error).message}`);
  }
  if ((pages ?? 1) > 1) return { kind: 'skipped', reason: 'animated images are left alone' };
  if (format === 'png') return settings.lossy ? lossyPng(sharp, bytes, settings, width) : losslessPng(sharp, bytes, settings);
  if (format === 'webp' && isLosslessWebp(bytes)) return losslessWebp(sharp, bytes, settings);
  if (!settings.lossy) return { kind: 'skipped', reason: `lossy ${format === 'jpeg' ? 'JPEG' : 'WebP'} is only re-encoded with --lossy` };
  return lossyReencode(sharp, bytes, format === 'jpeg' ? 'jpeg' : 'webp', settings);
}

/**
 * Exact re-encodings of the stored pixels, carrying every ancillary chunk and
 * the trailing data byte for byte (only what renders with --strip-metadata);
 * an EXIF orientation stays metadata, never turned into the pixels.
 */
async function losslessPng(sharp: SharpFactory, bytes: Buffer, settings: OptimizeSettings): Promise<Optimization> {
  const original = readPngMetadata(bytes);
  const unsafe = unsafeUnknownChunk(original);
  if (unsafe !== undefined && !settings.stripMetadata) {
    return { kind: 'skipped', reason: `its \`${unsafe}\` chunk depends on the pixel encoding; left alone (--strip-metadata drops it)` };
  }
  const kept = metadataToKeep(original, settings.stripMetadata);
  const header = await sharp(bytes, safeInput(settings.maxPixels)).metadata();
  const raster = await decodeRaster(sharp, bytes, { maxPixels: settings.maxPixels, sixteenBits: header.depth === 'ushort' });
  const candidates = await pngCandidates(sharp, raster, kept);
  const note = metadataNote(original, kept);
  return { kind: 'tried', best: await smallestVerified(sharp, raster, candidates, bytes.length, settings.maxPixels), ...(note ? { note } : {}) };
}

function resizeWidth(settings: OptimizeSettings, width: number): number | undefined {
  return settings.maxWidth !== null && width > settings.maxWidth ? settings.maxWidth : undefined;
}

/**
 * Palette quantisation (with the resize, if any), refused when our quality
 * score falls under the floor (the image then gets the lossless treatment).
 * An eXIf orientation stays metadata over the unturned pixels; only
 * --strip-metadata applies it to the pixels, and the note says so.
 */
async function lossyPng(sharp: SharpFactory, bytes: Buffer, settings: OptimizeSettings, width: number): Promise<Optimization> {
  const strip = settings.stripMetadata;
  const header = await sharp(bytes, safeInput(settings.maxPixels)).metadata();
  const turn = header.orientation ?? 1;
  const input = { ...safeInput(settings.maxPixels), ignoreIcc: true, autoOrient: strip };
  const targetWidth = resizeWidth(settings, strip ? displayedWidth(header) : width);
  const reference = sharp(bytes, input);
  if (targetWidth) reference.resize(!strip && turn >= 5 ? { height: targetWidth } : { width: targetWidth });
  // The reference (before quantisation) at 8 bits, to score the palette against.
  const { data, info } = await reference.raw().toBuffer({ resolveWithObject: true });
  const original = { width: info.width, height: info.height, channels: info.channels, depth: 8 as const, data };
  const quantiser = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
  const quantised = await quantiser
    .png({ palette: true, quality: settings.pngQuality.max, dither: 0.5, compressionLevel: 9 })
    .toBuffer();
  const raster = await decodeRaster(sharp, quantised, { maxPixels: settings.maxPixels, sixteenBits: false });
  const quality = qualityFromMeanSquaredError(meanSquaredError(original, raster));
  if (quality < settings.pngQuality.min) {
    const exact = await losslessPng(sharp, bytes, settings);
    if (exact.kind === 'skipped') return exact;
    return { ...exact, note: `palette quality ${quality.toFixed(0)} under the floor ${settings.pngQuality.min}: kept lossless` };
  }
  // The quantiser's own palette encoding is used as is: re-encoding its indices ourselves won on too few images to pay for itself.
  // Chunks bound to the old colour layout cannot follow the new palette.
  const source = readPngMetadata(bytes);
  const kept = withoutChunks(metadataToKeep(source, strip), new Set(strip ? [...COLOUR_BOUND_CHUNKS, 'eXIf'] : COLOUR_BOUND_CHUNKS));
  const candidates = [{ bytes: withMetadata(quantised, kept), encoding: 'png palette (quantised)' }];
  const notes = [metadataNote(source, kept), strip && turn !== 1 ? `EXIF orientation ${turn} applied to the pixels` : undefined].filter(Boolean);
  const note = notes.length > 0 ? notes.join('; ') : undefined;
  return { kind: 'tried', best: await smallestVerified(sharp, raster, candidates, bytes.length, settings.maxPixels), ...(note ? { note } : {}) };
}

/** Lossless WebP again, with its EXIF and XMP (copyright, rights) and profile kept, the orientation left as metadata. */
async function losslessWebp(sharp: SharpFactory, bytes: Buffer, settings: OptimizeSettings): Promise<Optimization> {
  const raster = await decodeRaster(sharp, bytes, { maxPixels: settings.maxPixels, sixteenBits: false });
  const pipeline = sharp(bytes, { ...safeInput(settings.maxPixels), autoOrient: false });
  const encoded = await (settings.stripMetadata ? pipeline.keepIccProfile() : pipeline.keepMetadata()).webp({ lossless: true, effort: 6, exact: true }).toBuffer();
  const candidates = [{ bytes: encoded, encoding: 'webp lossless' }];
  // The stored pixels are compared exactly, so the orientation stays metadata even when stripping.
  const note = carriedMetadataNote(await sharp(bytes).metadata(), await sharp(encoded).metadata(), 'kept');
  return { kind: 'tried', best: await smallestVerified(sharp, raster, candidates, bytes.length, settings.maxPixels), ...(note ? { note } : {}) };
}

/**
 * JPEG at mozjpeg quality, or lossy WebP. By default EXIF, XMP, IPTC and the
 * colour profile go along (the user's copyright and rights) and the
 * orientation stays metadata, the stored pixels unturned; with
 * --strip-metadata only the profile stays and the orientation is applied to
 * the pixels (so the image still shows upright), which the note says.
 */
async function lossyReencode(
  sharp: SharpFactory,
  bytes: Buffer,
  format: 'jpeg' | 'webp',
  settings: OptimizeSettings,
): Promise<Optimization> {
  let header: Metadata;
  try {
    header = await sharp(bytes, safeInput(settings.maxPixels)).metadata();
  } catch (error) {
    throw new ImageError(`cannot read the image header: ${(error as Error).message}`);
  }
  const strip = settings.stripMetadata;
  const pipeline = sharp(bytes, { ...safeInput(settings.maxPixels), autoOrient: strip });
  if (strip) pipeline.keepIccProfile();
  else pipeline.keepMetadata();
  const targetWidth = resizeWidth(settings, displayedWidth(header));
  // Unturned pixels of a quarter-turned image: its displayed width is their height.
  if (targetWidth) pipeline.resize(!strip && (header.orientation ?? 1) >= 5 ? { height: targetWidth } : { width: targetWidth });
  let encoded: Buffer;
  try {
    encoded =
      format === 'jpeg'
        ? await pipeline.jpeg({ mozjpeg: true, quality: settings.jpegQuality }).toBuffer()
        : await pipeline.webp({ quality: settings.webpQuality, effort: 6 }).toBuffer();
  } catch (error) {
    throw new ImageError(`cannot decode: ${(error as Error).message}`);
  }
  const note = carriedMetadataNote(header, await sharp(encoded).metadata(), strip ? 'applied' : 'kept');
  const best = encoded.length < bytes.length ? { bytes: encoded, encoding: `${format} q${format === 'jpeg' ? settings.jpegQuality : settings.webpQuality}` } : undefined;
  return { kind: 'tried', best, ...(note ? { note } : {}) };
}
