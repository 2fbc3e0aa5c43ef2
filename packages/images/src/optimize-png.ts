import { inflateSync } from 'node:zlib';
import { decodeRaster } from './decode.js';
import type { SharpFactory } from './load-sharp.js';
import { type PngChunk, RENDERING_CHUNKS } from './png-chunks.js';
import { type PngMetadata, hasColourBoundChunks, sameColourLayout, withMetadata } from './png-metadata.js';
import { COLOUR_TYPE, type PngImage, encodePng } from './png-encode.js';
import { type ReductionLimits, analyseRaster, reducedImages } from './png-reduce.js';
import { type Raster, samePixels } from './raster.js';

/** One encoding of an image, kept in memory until it is verified and chosen. */
export interface Candidate {
  readonly bytes: Buffer;
  /** Short description for debugging and the summary, e.g. `png palette 4-bit`. */
  readonly encoding: string;
}

/** What the colour profile (if any) allows: a grey PNG may carry only a grey profile, a colour PNG only a colour one. */
function reductionLimits(rendering: readonly PngChunk[]): ReductionLimits {
  const profile = rendering.find((chunk) => chunk.type === 'iCCP');
  if (!profile) return { allowGrey: true, allowColour: true };
  try {
    const nameEnd = profile.data.indexOf(0);
    const icc = inflateSync(profile.data.subarray(nameEnd + 2));
    const space = icc.toString('latin1', 16, 20);
    return { allowGrey: space === 'GRAY', allowColour: space !== 'GRAY' };
  } catch {
    // An unreadable profile: keep the current colour type only.
    return { allowGrey: false, allowColour: false };
  }
}

function describe(image: PngImage, how: string): string {
  const kind = Object.entries(COLOUR_TYPE).find(([, value]) => value === image.colourType)?.[0] ?? '?';
  return `png ${kind} ${image.bitDepth}-bit (${how})`;
}

const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as const;

const PHOTO_LIKE_RATIO = 0.15;

/**
 * The image library's encoder on our reduced pixels, at the highest level. An
 * indexed image goes through its quantiser asking for exactly our colours,
 * which the verification then holds to.
 */
async function libraryEncodings(sharp: SharpFactory, image: PngImage, raster: Raster, colours: number): Promise<Candidate[]> {
  if (image.colourType === COLOUR_TYPE.palette) {
    if (raster.depth !== 8) return [];
    const source = sharp(Buffer.from(raster.data.buffer, raster.data.byteOffset, raster.data.byteLength), {
      raw: { width: raster.width, height: raster.height, channels: raster.channels as 1 | 2 | 3 | 4 },
    });
    const bytes = await source.png({ palette: true, colours, quality: 100, dither: 0, effort: 10, compressionLevel: 9 }).toBuffer();
    return [{ bytes, encoding: describe(image, 'library palette') }];
  }
  if (image.bitDepth !== 8) return [];
  const raw = { width: image.width, height: image.height, channels: CHANNELS[image.colourType] };
  // Without an explicit grey output space the library writes grey pixels as RGB.
  const space = raw.channels <= 2 ? 'b-w' : 'srgb';
  const encode = (adaptiveFiltering: boolean) =>
    sharp(image.rows, { raw }).toColourspace(space).png({ compressionLevel: 9, adaptiveFiltering }).toBuffer();
  const bytes = await encode(false);
  const candidates = [{ bytes, encoding: describe(image, 'library') }];
  // Unfiltered wins on flat-coloured diagrams. Adaptive filters cost twice the
  // time and only win on photo-like images, which are the ones that stay above
  // this fraction of their raw size when unfiltered (measured on the corpus).
  if (bytes.length > PHOTO_LIKE_RATIO * image.rows.length) {
    const adaptive = await encode(true);
    candidates.push({ bytes: adaptive, encoding: describe(image, 'library, adaptive filters') });
  }
  return candidates;
}

/**
 * Exact re-encodings of `raster` (the stored pixels of the original), each
 * carrying the kept metadata byte for byte; sorted smallest first. When a
 * kept chunk is bound to the colour layout (bKGD, sBIT, hIST), only
 * encodings with the original's colour type, bit depth and palette qualify.
 */
export async function pngCandidates(sharp: SharpFactory, raster: Raster, metadata: PngMetadata): Promise<Candidate[]> {
  const rendering: PngChunk[] = [...metadata.before, ...metadata.after].filter((chunk) => RENDERING_CHUNKS.has(chunk.type));
  const traits = analyseRaster(raster);
  const images = reducedImages(raster, traits, reductionLimits(rendering));
  const bound = hasColourBoundChunks(metadata);
  const candidates: Candidate[] = [];
  const add = (bytes: Buffer, encoding: string) => {
    if (!bound || sameColourLayout(bytes, metadata)) candidates.push({ bytes: withMetadata(bytes, metadata), encoding });
  };
  for (const image of images) {
    if (image.colourType === COLOUR_TYPE.palette || image.bitDepth !== 8) add(await encodePng(image), describe(image, 'own encoder'));
    // The library asks for 2 to 256 colours: a one-colour image asks for 2.
    for (const library of await libraryEncodings(sharp, image, raster, Math.max(2, traits.colours?.length ?? 256))) add(library.bytes, library.encoding);
  }
  return candidates.sort((a, b) => a.bytes.length - b.bytes.length);
}

/**
 * The smallest candidate below `limit` bytes whose decoded pixels equal
 * `raster`: candidates are decoded again, so a bug in an encoder can never
 * cost a pixel.
 */
export async function smallestVerified(
  sharp: SharpFactory,
  raster: Raster,
  candidates: readonly Candidate[],
  limit: number,
  maxPixels: number,
): Promise<Candidate | undefined> {
  for (const candidate of candidates) {
    if (candidate.bytes.length >= limit) return undefined;
    // A PNG's bit depth is IHDR byte 24; other formats decode at 8 bits.
    const sixteenBits = candidate.encoding.startsWith('png') && candidate.bytes[24] === 16;
    const decoded = await decodeRaster(sharp, candidate.bytes, { maxPixels, sixteenBits });
    if (samePixels(raster, decoded)) return candidate;
  }
  return undefined;
}
