import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { encodePngChunk as chunk } from '../png-chunks.js';

/** Test images drawn with the image library, each built to exercise one reduction or failure. */

/** RGBA whose every pixel is opaque: the alpha channel can go. */
export function rgbaOpaquePng(): Promise<Buffer> {
  return fromPixels(64, 48, 4, (x, y) => [(x * 4) & 255, (y * 5) & 255, (x * y) & 255, 255]);
}

/** Stored as RGB, but R = G = B everywhere. */
export function greyAsRgbPng(): Promise<Buffer> {
  return fromPixels(64, 48, 3, (x, y) => {
    const level = (x * 3 + y * 7 + ((x * y) % 13)) & 255;
    return [level, level, level];
  });
}

/** Eight colours in blocks, stored as RGB: a 3-bit palette fits. */
export function fewColoursPng(): Promise<Buffer> {
  const colours = [[255, 0, 0], [0, 128, 0], [0, 0, 255], [250, 250, 250], [20, 20, 20], [255, 200, 0], [90, 0, 90], [0, 200, 200]];
  return fromPixels(80, 60, 3, (x, y) => colours[(Math.floor(x / 10) + Math.floor(y / 15)) % colours.length]!);
}

/** A smooth colour gradient with a little noise: thousands of colours, like a photo. */
export function gradientPng(width = 160, height = 120): Promise<Buffer> {
  let seed = 7;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return (seed >> 16) % 5;
  };
  return fromPixels(width, height, 3, (x, y) => [
    Math.min(255, Math.round((x / width) * 255) + noise()),
    Math.min(255, Math.round((y / height) * 255) + noise()),
    Math.min(255, Math.round(((x + y) / (width + height)) * 255) + noise()),
  ]);
}

/** Few colours, RGBA (opaque), carrying the Display P3 profile. */
export async function withIccProfilePng(): Promise<Buffer> {
  const plain = await fromPixels(48, 32, 4, (x, y) => (x < 24 ? [200, 30, 40, 255] : y < 16 ? [10, 180, 60, 255] : [30, 40, 220, 255]));
  return sharp(plain).withIccProfile('p3').png().toBuffer();
}

/** A JPEG whose pixels are stored landscape (40×20) and shown portrait (EXIF orientation 6). */
export function rotatedJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 20, channels: 3, background: '#3366cc' } })
    .composite([{ input: { create: { width: 10, height: 20, channels: 3, background: '#ffcc00' } }, left: 0, top: 0 }])
    .jpeg({ quality: 100 })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** The first half of a valid PNG. */
export async function truncatedPng(): Promise<Buffer> {
  const whole = await gradientPng();
  return whole.subarray(0, Math.floor(whole.length / 2));
}

/**
 * A decompression bomb: an IHDR announcing 100000×100000 grey pixels (10
 * gigapixels) with correct CRCs, and a few hundred bytes of zeros compressed.
 */
export function pngBomb(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(100_000, 0);
  header.writeUInt32BE(100_000, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // grey
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.alloc(200_000))), chunk('IEND', Buffer.alloc(0))]);
}

/** A JPEG, to be saved under a `.png` name. */
export function jpegBytes(): Promise<Buffer> {
  return sharp({ create: { width: 16, height: 16, channels: 3, background: '#888888' } }).jpeg().toBuffer();
}

/** An unoptimized PNG (no compression) from a pixel function. */
export function fromPixels(width: number, height: number, channels: 3 | 4, pixel: (x: number, y: number) => number[]): Promise<Buffer> {
  const data = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * channels);
  }
  return sharp(data, { raw: { width, height, channels } }).png({ compressionLevel: 0 }).toBuffer();
}

/** IHDR colour type and bit depth of a PNG. */
export function pngLayout(bytes: Uint8Array): { colourType: number; bitDepth: number } {
  return { bitDepth: bytes[24]!, colourType: bytes[25]! };
}

/**
 * A 16-bit RGB PNG written by hand (the library widens 8-bit values instead):
 * unfiltered rows of big-endian samples from `sample(x, y, channel)`.
 */
export function sixteenBitPng(width: number, height: number, sample: (x: number, y: number, channel: number) => number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 16;
  header[9] = 2;
  const stride = 1 + width * 6;
  const rows = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) rows.writeUInt16BE(sample(x, y, c), y * stride + 1 + (x * 3 + c) * 2);
    }
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 0 })), chunk('IEND', Buffer.alloc(0))]);
}

/** A minimal EXIF block (big-endian TIFF) with one Orientation entry. */
export function exifOrientation(value: number): Buffer {
  const exif = Buffer.alloc(26);
  exif.write('MM', 0, 'latin1');
  exif.writeUInt16BE(42, 2);
  exif.writeUInt32BE(8, 4);
  exif.writeUInt16BE(1, 8);
  exif.writeUInt16BE(0x0112, 10);
  exif.writeUInt16BE(3, 12);
  exif.writeUInt32BE(1, 14);
  exif.writeUInt16BE(value, 18);
  exif.writeUInt32BE(0, 22);
  return exif;
}
