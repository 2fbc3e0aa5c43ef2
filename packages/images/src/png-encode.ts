import { deflate } from 'node:zlib';
import { promisify } from 'node:util';
import { type PngChunk, writePngChunks } from './png-chunks.js';

/** PNG colour types (IHDR byte 9). */
export const COLOUR_TYPE = { grey: 0, rgb: 2, palette: 3, greyAlpha: 4, rgba: 6 } as const;
export type ColourType = (typeof COLOUR_TYPE)[keyof typeof COLOUR_TYPE];

/** Unfiltered scanlines ready for a PNG encoder (samples big-endian, sub-byte pixels packed). */
export interface PngImage {
  readonly width: number;
  readonly height: number;
  readonly colourType: ColourType;
  readonly bitDepth: 1 | 2 | 4 | 8 | 16;
  /** `height` rows of `rowBytes(...)` bytes each. */
  readonly rows: Uint8Array;
  /** RGB triples, for colour type 3. */
  readonly palette?: Uint8Array;
  /** tRNS chunk data (palette alpha entries), when any entry is not opaque. */
  readonly transparency?: Uint8Array;
}

const deflateAsync = promisify(deflate);

const CHANNELS: Record<ColourType, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export function rowBytes(width: number, colourType: ColourType, bitDepth: number): number {
  return Math.ceil((width * CHANNELS[colourType] * bitDepth) / 8);
}

/** Prefixes each row with filter type 0 (none): indexed and low-bit images rarely gain from filters. */
function unfilteredRows(image: PngImage): Uint8Array {
  const stride = rowBytes(image.width, image.colourType, image.bitDepth);
  const out = new Uint8Array((stride + 1) * image.height);
  for (let y = 0; y < image.height; y++) out.set(image.rows.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return out;
}

/**
 * Encodes a PNG ourselves, for the layouts the image library does not write
 * exactly: an indexed image with exactly our palette, grey at 1, 2 or 4 bits,
 * 16-bit samples.
 */
export async function encodePng(image: PngImage, ancillary: readonly PngChunk[] = []): Promise<Buffer> {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header[8] = image.bitDepth;
  header[9] = image.colourType;
  const chunks: PngChunk[] = [{ type: 'IHDR', data: header }, ...ancillary];
  if (image.palette) chunks.push({ type: 'PLTE', data: Buffer.from(image.palette) });
  if (image.transparency) chunks.push({ type: 'tRNS', data: Buffer.from(image.transparency) });
  // Deflated on the thread pool, so several images compress at once.
  const compressed = await deflateAsync(unfilteredRows(image), { level: 9, memLevel: 9 });
  chunks.push({ type: 'IDAT', data: compressed });
  chunks.push({ type: 'IEND', data: Buffer.alloc(0) });
  return writePngChunks(chunks);
}
