import { crc32 } from 'node:zlib';
import { ImageError } from './image-error.js';

/** The eight bytes every PNG file starts with. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngChunk {
  readonly type: string;
  readonly data: Buffer;
}

/**
 * Chunks that change how the pixels look (colour profile, gamma, primaries,
 * HDR metadata) or their physical size: an optimized file carries the
 * original's, byte for byte, so it renders identically.
 */
export const RENDERING_CHUNKS: ReadonlySet<string> = new Set(['iCCP', 'sRGB', 'gAMA', 'cHRM', 'cICP', 'mDCV', 'cLLI', 'pHYs']);

/** Splits a PNG file into its chunks (no CRC check: the decoder already did that). */
export function readPngChunks(bytes: Uint8Array): PngChunk[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 8 || !buffer.subarray(0, 8).equals(PNG_SIGNATURE)) throw new ImageError('not a PNG file');
  const chunks: PngChunk[] = [];
  let offset = 8;
  while (offset + 12 <= buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > buffer.length) throw new ImageError(`cannot decode: PNG chunk ${type} is cut short (truncated file)`);
    chunks.push({ type, data: buffer.subarray(offset + 8, offset + 8 + length) });
    offset = end;
    if (type === 'IEND') return chunks;
  }
  throw new ImageError('cannot decode: the PNG ends before its IEND chunk (truncated file)');
}

/** One chunk as bytes: length, type, data, CRC of type and data. */
export function encodePngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(data, crc32(head.subarray(4))) >>> 0, 0);
  return Buffer.concat([head, data, tail]);
}

export function writePngChunks(chunks: readonly PngChunk[]): Buffer {
  return Buffer.concat([PNG_SIGNATURE, ...chunks.map((chunk) => encodePngChunk(chunk.type, chunk.data))]);
}

/**
 * Rebuilds `encoded` with only its critical chunks (IHDR, PLTE, tRNS, IDAT,
 * IEND) plus the rendering chunks of `original`, placed before PLTE as the
 * PNG specification requires.
 */
export function withRenderingChunks(encoded: Uint8Array, renderingChunks: readonly PngChunk[]): Buffer {
  const kept = readPngChunks(encoded).filter((chunk) => ['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND'].includes(chunk.type));
  const [header, ...rest] = kept;
  if (!header || header.type !== 'IHDR') throw new Error('encoded PNG has no IHDR');
  return writePngChunks([header, ...renderingChunks, ...rest]);
}
