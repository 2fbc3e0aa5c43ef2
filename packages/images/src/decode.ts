import type { SharpOptions } from 'sharp';
import { ImageError } from './image-error.js';
import type { SharpFactory } from './load-sharp.js';
import type { Raster } from './raster.js';

/** Input options for every decode: refuse oversized images and any corrupt or truncated data. */
export function safeInput(maxPixels: number): SharpOptions {
  return { limitInputPixels: maxPixels, failOn: 'error', sequentialRead: true };
}

/**
 * Decodes the stored pixel values: no colour conversion (the profile is
 * ignored), natural bit depth, and not turned by an EXIF orientation (which
 * a lossless result keeps as metadata; turning the pixels would change them).
 */
export async function decodeRaster(
  sharp: SharpFactory,
  bytes: Uint8Array,
  options: { maxPixels: number; sixteenBits: boolean },
): Promise<Raster> {
  try {
    const pipeline = sharp(bytes, { ...safeInput(options.maxPixels), ignoreIcc: true, autoOrient: false });
    if (options.sixteenBits) {
      // Without an explicit 16-bit colour space the library hands out 8-bit values widened, not the stored ones.
      const { channels = 3 } = await sharp(bytes, safeInput(options.maxPixels)).metadata();
      pipeline.toColourspace(channels <= 2 ? 'grey16' : 'rgb16');
    }
    const { data, info } = await pipeline.raw({ depth: options.sixteenBits ? 'ushort' : 'uchar' }).toBuffer({ resolveWithObject: true });
    const samples = options.sixteenBits
      ? new Uint16Array(Uint8Array.from(data).buffer)
      : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    return { width: info.width, height: info.height, channels: info.channels, depth: options.sixteenBits ? 16 : 8, data: samples };
  } catch (error) {
    throw new ImageError(`cannot decode: ${(error as Error).message}`);
  }
}
