import { ImageError } from './image-error.js';
import { PNG_SIGNATURE, type PngChunk, RENDERING_CHUNKS, encodePngChunk, readPngChunks } from './png-chunks.js';

/**
 * The metadata of a PNG (every ancillary chunk: text with copyright and
 * licence, time, background, significant bits, EXIF…) and the data after
 * IEND belong to the user: an optimized file carries them byte for byte,
 * each where it was (before or after the image data), unless metadata is
 * stripped on request. Only the pixel encoding changes.
 */

/** Chunks our encoders write themselves. */
const ENCODER_CHUNKS = new Set(['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND']);

/** Chunks whose bytes mean something only for one colour type, bit depth or palette. */
export const COLOUR_BOUND_CHUNKS: ReadonlySet<string> = new Set(['bKGD', 'sBIT', 'hIST']);

/** Chunks the PNG specification requires after PLTE. */
const AFTER_PLTE = new Set(['bKGD', 'hIST']);

/** Ancillary chunks this optimizer knows; an unknown one marked unsafe-to-copy depends on the pixel data. */
const KNOWN_ANCILLARY = new Set([
  ...RENDERING_CHUNKS,
  'sBIT', 'bKGD', 'hIST', 'sPLT', 'eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME',
]);

export interface PngMetadata {
  /** Ancillary chunks before the first IDAT, in order. */
  readonly before: readonly PngChunk[];
  /** Ancillary chunks after the image data, in order. */
  readonly after: readonly PngChunk[];
  /** Bytes after IEND. */
  readonly trailing: Buffer;
  /** The original's IHDR colour type, bit depth and palette, for chunks bound to them. */
  readonly colourType: number;
  readonly bitDepth: number;
  readonly palette: Buffer | undefined;
}

/** Every ancillary chunk of `bytes` (around the image data) and its trailing bytes. */
export function readPngMetadata(bytes: Uint8Array): PngMetadata {
  const chunks = readPngChunks(bytes);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = PNG_SIGNATURE.length + chunks.reduce((sum, chunk) => sum + 12 + chunk.data.length, 0);
  const header = chunks[0];
  if (header?.type !== 'IHDR') throw new ImageError('cannot decode: the PNG does not start with IHDR');
  const before: PngChunk[] = [];
  const after: PngChunk[] = [];
  let seenData = false;
  for (const chunk of chunks) {
    if (chunk.type === 'IDAT') seenData = true;
    if (ENCODER_CHUNKS.has(chunk.type)) continue;
    (seenData ? after : before).push(chunk);
  }
  return {
    before,
    after,
    trailing: buffer.subarray(length),
    colourType: header.data[9] ?? 0,
    bitDepth: header.data[8] ?? 0,
    palette: chunks.find((chunk) => chunk.type === 'PLTE')?.data,
  };
}

/** An unknown ancillary chunk marked unsafe-to-copy (fourth letter upper case): it describes the old pixel encoding. */
export function unsafeUnknownChunk(metadata: PngMetadata): string | undefined {
  return [...metadata.before, ...metadata.after].find((chunk) => !KNOWN_ANCILLARY.has(chunk.type) && /^[A-Za-z]{3}[A-Z]$/u.test(chunk.type))?.type;
}

/** The metadata an output carries: everything, or with `strip` only what changes how it renders. */
export function metadataToKeep(metadata: PngMetadata, strip: boolean): PngMetadata {
  if (!strip) return metadata;
  const renders = (chunk: PngChunk) => RENDERING_CHUNKS.has(chunk.type) || chunk.type === 'eXIf';
  return { ...metadata, before: metadata.before.filter(renders), after: metadata.after.filter(renders), trailing: Buffer.alloc(0) };
}

/** Drops chunks from kept metadata (say, those an encoding cannot carry). */
export function withoutChunks(metadata: PngMetadata, types: ReadonlySet<string>): PngMetadata {
  return { ...metadata, before: metadata.before.filter((chunk) => !types.has(chunk.type)), after: metadata.after.filter((chunk) => !types.has(chunk.type)) };
}

/** True when `metadata` holds a chunk bound to the colour type, bit depth or palette. */
export function hasColourBoundChunks(metadata: PngMetadata): boolean {
  return [...metadata.before, ...metadata.after].some((chunk) => COLOUR_BOUND_CHUNKS.has(chunk.type));
}

/** True when `encoded` has the same colour type, bit depth and palette as the original. */
export function sameColourLayout(encoded: Uint8Array, metadata: PngMetadata): boolean {
  const chunks = readPngChunks(encoded);
  const header = chunks[0]!.data;
  const palette = chunks.find((chunk) => chunk.type === 'PLTE')?.data;
  const samePalette = palette === undefined ? metadata.palette === undefined : metadata.palette !== undefined && palette.equals(metadata.palette);
  return header[9] === metadata.colourType && header[8] === metadata.bitDepth && samePalette;
}

/**
 * `encoded` with the kept metadata in place: its own IHDR, PLTE, tRNS and
 * IDAT; the original's chunks from before the image data before them (bKGD
 * and hIST after PLTE, as the specification requires), those from after the
 * image data after it, then IEND and the trailing bytes, all byte for byte.
 */
export function withMetadata(encoded: Uint8Array, metadata: PngMetadata): Buffer {
  const chunks = readPngChunks(encoded).filter((chunk) => ENCODER_CHUNKS.has(chunk.type));
  const header = chunks.find((chunk) => chunk.type === 'IHDR');
  if (!header) throw new Error('encoded PNG has no IHDR');
  const palette = chunks.filter((chunk) => chunk.type === 'PLTE');
  const transparency = chunks.filter((chunk) => chunk.type === 'tRNS');
  const data = chunks.filter((chunk) => chunk.type === 'IDAT');
  // Without a palette every chunk keeps its original order; with one, bKGD and hIST must follow it.
  const afterPalette = (chunk: PngChunk) => palette.length > 0 && AFTER_PLTE.has(chunk.type);
  const ordered: PngChunk[] = [
    header,
    ...metadata.before.filter((chunk) => !afterPalette(chunk)),
    ...palette,
    ...metadata.before.filter(afterPalette),
    ...transparency,
    ...data,
    ...metadata.after,
    { type: 'IEND', data: Buffer.alloc(0) },
  ];
  return Buffer.concat([PNG_SIGNATURE, ...ordered.map((chunk) => encodePngChunk(chunk.type, chunk.data)), metadata.trailing]);
}

/** `tEXt ×2, tIME, 12 trailing bytes`: what a list of chunks (and trailing data) amounts to, for the summary. */
export function describeMetadata(chunks: readonly PngChunk[], trailingBytes: number): string {
  const counts = new Map<string, number>();
  for (const chunk of chunks) counts.set(chunk.type, (counts.get(chunk.type) ?? 0) + 1);
  const parts = [...counts].map(([type, count]) => (count > 1 ? `${type} ×${count}` : type));
  if (trailingBytes > 0) parts.push(`${trailingBytes} trailing byte${trailingBytes === 1 ? '' : 's'}`);
  return parts.join(', ');
}

/** The summary note: what was kept and what removed, compared with the original. */
export function metadataNote(original: PngMetadata, kept: PngMetadata): string | undefined {
  const all = [...original.before, ...original.after];
  const keptChunks = new Set([...kept.before, ...kept.after]);
  const removed = all.filter((chunk) => !keptChunks.has(chunk));
  const keptText = describeMetadata([...keptChunks], kept.trailing.length);
  const removedText = describeMetadata(removed, original.trailing.length - kept.trailing.length);
  const parts: string[] = [];
  if (keptText !== '') parts.push(`kept ${keptText}`);
  if (removedText !== '') parts.push(`removed ${removedText}`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}
