import { COLOUR_TYPE, type ColourType, type PngImage, rowBytes } from './png-encode.js';
import type { Raster } from './raster.js';

/** What can be dropped from a raster without changing a single pixel. */
export interface RasterTraits {
  /** Has an alpha channel whose every value is fully opaque. */
  readonly opaque: boolean;
  /** Colour, but R = G = B in every pixel. */
  readonly grey: boolean;
  /** 16-bit, but every sample has equal high and low bytes (v = v8 * 257). */
  readonly fitsEightBits: boolean;
  /** The distinct pixels (RGBA, 8-bit) when there are at most 256 of them. */
  readonly colours: readonly number[] | undefined;
}

const MAX_PALETTE = 256;

export function analyseRaster(raster: Raster): RasterTraits {
  const { data, channels } = raster;
  const maxValue = raster.depth === 16 ? 65535 : 255;
  const hasAlpha = channels === 2 || channels === 4;
  let opaque = hasAlpha;
  let grey = channels >= 3;
  let fitsEightBits = raster.depth === 16;
  for (let i = 0; i < data.length && (opaque || grey || fitsEightBits); i += channels) {
    if (opaque && data[i + channels - 1] !== maxValue) opaque = false;
    if (grey && (data[i] !== data[i + 1] || data[i] !== data[i + 2])) grey = false;
    if (fitsEightBits) {
      for (let c = 0; c < channels; c++) {
        const value = data[i + c]!;
        if (value >> 8 !== (value & 0xff)) fitsEightBits = false;
      }
    }
  }
  const colours = raster.depth === 8 || fitsEightBits ? distinctColours(raster) : undefined;
  return { opaque, grey, fitsEightBits, colours };
}

/** RGBA of pixel `p` packed in an unsigned 32-bit number, samples reduced to 8 bits. */
function packedPixel(raster: Raster, p: number): number {
  const { data, channels } = raster;
  const shift = raster.depth === 16 ? 8 : 0;
  const base = p * channels;
  const first = data[base]! >> shift;
  if (channels <= 2) {
    const alpha = channels === 2 ? data[base + 1]! >> shift : 255;
    return ((first << 24) | (first << 16) | (first << 8) | alpha) >>> 0;
  }
  const alpha = channels === 4 ? data[base + 3]! >> shift : 255;
  return ((first << 24) | ((data[base + 1]! >> shift) << 16) | ((data[base + 2]! >> shift) << 8) | alpha) >>> 0;
}

function distinctColours(raster: Raster): number[] | undefined {
  const seen = new Set<number>();
  const pixels = raster.width * raster.height;
  for (let p = 0; p < pixels; p++) {
    seen.add(packedPixel(raster, p));
    if (seen.size > MAX_PALETTE) return undefined;
  }
  return [...seen];
}

export interface ReductionLimits {
  /** False when the colour profile is RGB: a grey PNG may only carry a grey profile. */
  readonly allowGrey: boolean;
  /** False when the colour profile is grey: a palette PNG is RGB. */
  readonly allowColour: boolean;
}

/**
 * The exact re-encodings worth trying for `raster`: the smallest truecolour
 * or grey layout, and an indexed one when there are few colours.
 */
export function reducedImages(raster: Raster, traits: RasterTraits, limits: ReductionLimits): PngImage[] {
  const images: PngImage[] = [];
  const alpha = (raster.channels === 2 || raster.channels === 4) && !traits.opaque;
  const greyOut = raster.channels <= 2 || (traits.grey && limits.allowGrey);
  if (greyOut || limits.allowColour) images.push(truecolour(raster, greyOut, alpha, raster.depth === 16 && !traits.fitsEightBits));
  if (traits.colours && limits.allowColour) images.push(indexed(raster, traits.colours));
  if (traits.colours && greyOut && !alpha) {
    const low = lowBitGrey(raster, traits.colours);
    if (low) images.push(low);
  }
  return images;
}

function truecolour(raster: Raster, grey: boolean, alpha: boolean, sixteen: boolean): PngImage {
  const colourType: ColourType = grey ? (alpha ? COLOUR_TYPE.greyAlpha : COLOUR_TYPE.grey) : alpha ? COLOUR_TYPE.rgba : COLOUR_TYPE.rgb;
  const outChannels = (grey ? 1 : 3) + (alpha ? 1 : 0);
  const bitDepth = sixteen ? 16 : 8;
  const { data, channels } = raster;
  // Which input sample feeds each output channel.
  const source = grey ? [0] : channels >= 3 ? [0, 1, 2] : [0, 0, 0];
  if (alpha) source.push(channels - 1);
  const pixels = raster.width * raster.height;
  const rows = new Uint8Array(pixels * outChannels * (sixteen ? 2 : 1));
  const shift = raster.depth === 16 && !sixteen ? 8 : 0;
  if (!sixteen && shift === 0 && channels === 4 && source.length === 3) {
    // RGBA to RGB, the commonest reduction: a tight loop.
    for (let p = 0, i = 0, o = 0; p < pixels; p++, i += 4, o += 3) {
      rows[o] = data[i]!;
      rows[o + 1] = data[i + 1]!;
      rows[o + 2] = data[i + 2]!;
    }
    return { width: raster.width, height: raster.height, colourType, bitDepth, rows };
  }
  if (!sixteen && shift === 0 && source.length === channels && source.every((offset, index) => offset === index)) {
    rows.set(data);
    return { width: raster.width, height: raster.height, colourType, bitDepth, rows };
  }
  let out = 0;
  for (let p = 0; p < pixels; p++) {
    const base = p * channels;
    for (const offset of source) {
      const value = data[base + offset]!;
      if (sixteen) {
        rows[out++] = value >> 8;
        rows[out++] = value & 0xff;
      } else {
        rows[out++] = value >> shift;
      }
    }
  }
  return { width: raster.width, height: raster.height, colourType, bitDepth, rows };
}

function paletteBitDepth(count: number): 1 | 2 | 4 | 8 {
  if (count <= 2) return 1;
  if (count <= 4) return 2;
  if (count <= 16) return 4;
  return 8;
}

/** Packs one index/level per pixel into rows of `bitDepth`-bit values. */
function packRows(values: Uint8Array, width: number, height: number, bitDepth: 1 | 2 | 4 | 8, colourType: ColourType): Uint8Array {
  if (bitDepth === 8) return values;
  const stride = rowBytes(width, colourType, bitDepth);
  const rows = new Uint8Array(stride * height);
  const perByte = 8 / bitDepth;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const shift = 8 - bitDepth * ((x % perByte) + 1);
      rows[y * stride + Math.floor(x / perByte)]! |= values[y * width + x]! << shift;
    }
  }
  return rows;
}

function indexed(raster: Raster, colours: readonly number[]): PngImage {
  // Translucent entries first, so the tRNS chunk stays short.
  const ordered = [...colours].sort((a, b) => (a & 0xff) - (b & 0xff) || a - b);
  const indexOf = new Map(ordered.map((colour, index) => [colour, index]));
  const palette = new Uint8Array(ordered.length * 3);
  ordered.forEach((colour, index) => {
    palette[index * 3] = colour >>> 24;
    palette[index * 3 + 1] = (colour >>> 16) & 0xff;
    palette[index * 3 + 2] = (colour >>> 8) & 0xff;
  });
  const translucent = ordered.filter((colour) => (colour & 0xff) !== 255).length;
  const transparency = translucent > 0 ? Uint8Array.from(ordered.slice(0, translucent), (colour) => colour & 0xff) : undefined;
  const pixels = raster.width * raster.height;
  const values = new Uint8Array(pixels);
  for (let p = 0; p < pixels; p++) values[p] = indexOf.get(packedPixel(raster, p))!;
  const bitDepth = paletteBitDepth(ordered.length);
  return {
    width: raster.width,
    height: raster.height,
    colourType: COLOUR_TYPE.palette,
    bitDepth,
    rows: packRows(values, raster.width, raster.height, bitDepth, COLOUR_TYPE.palette),
    palette,
    ...(transparency ? { transparency } : {}),
  };
}

/** Opaque grey with only 2, 4 or 16 evenly spaced levels: grey at 1, 2 or 4 bits. */
function lowBitGrey(raster: Raster, colours: readonly number[]): PngImage | undefined {
  const levels = colours.map((colour) => colour >>> 24);
  const bitDepth = ([1, 2, 4] as const).find((bits) => levels.every((level) => level % (255 / (2 ** bits - 1)) === 0));
  if (!bitDepth) return undefined;
  const step = 255 / (2 ** bitDepth - 1);
  const pixels = raster.width * raster.height;
  const values = new Uint8Array(pixels);
  for (let p = 0; p < pixels; p++) values[p] = (packedPixel(raster, p) >>> 24) / step;
  return {
    width: raster.width,
    height: raster.height,
    colourType: COLOUR_TYPE.grey,
    bitDepth,
    rows: packRows(values, raster.width, raster.height, bitDepth, COLOUR_TYPE.grey),
  };
}
