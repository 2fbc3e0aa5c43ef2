import { ImageError } from './image-error.js';
import type { ImageFormat } from './image-format.js';

export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

function jpegSize(bytes: Buffer): ImageSize | undefined {
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset++; // fill byte
      continue;
    }
    // Markers without a length: TEM and the restart markers.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    const length = bytes.readUInt16BE(offset + 2);
    // Start-of-frame markers C0-CF, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (offset + 9 > bytes.length) return undefined;
      return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    }
    offset += 2 + length;
  }
  return undefined;
}

function webpSize(bytes: Buffer): ImageSize | undefined {
  if (bytes.length < 30) return undefined;
  const chunk = bytes.toString('latin1', 12, 16);
  if (chunk === 'VP8X') return { width: 1 + bytes.readUIntLE(24, 3), height: 1 + bytes.readUIntLE(27, 3) };
  if (chunk === 'VP8L') {
    const bits = bytes.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ') return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
  return undefined;
}

/**
 * Width and height from the file header alone, without the image library:
 * cheap, and enough to refuse a decompression bomb before anything is
 * decoded. Undefined for SVG (no pixels) and for a header that cannot be read.
 */
export function readImageSize(bytes: Uint8Array, format: ImageFormat): ImageSize | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (format) {
    case 'png':
      if (buffer.length < 24 || buffer.toString('latin1', 12, 16) !== 'IHDR') return undefined;
      return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
    case 'gif':
      if (buffer.length < 10) return undefined;
      return { width: buffer.readUInt16LE(6), height: buffer.readUInt16LE(8) };
    case 'jpeg':
      return jpegSize(buffer);
    case 'webp':
      return webpSize(buffer);
    default:
      return undefined;
  }
}

/** Throws an ImageError when the header is unreadable or announces more than `maxPixels` pixels. */
export function assertPixelBudget(bytes: Uint8Array, format: ImageFormat, maxPixels: number): void {
  if (format === 'svg') return;
  const size = readImageSize(bytes, format);
  if (!size) throw new ImageError('cannot read the image header (corrupt or truncated file)');
  const pixels = size.width * size.height;
  if (pixels > maxPixels) {
    throw new ImageError(`image is ${size.width}×${size.height} = ${pixels} pixels, over the limit of ${maxPixels} (maxPixels); not decoded`);
  }
}
