/** Decoded pixels exactly as stored: no colour conversion, natural bit depth. */
export interface Raster {
  readonly width: number;
  readonly height: number;
  /** 1 grey, 2 grey+alpha, 3 RGB, 4 RGBA. */
  readonly channels: number;
  readonly depth: 8 | 16;
  /** Interleaved samples, `width * height * channels` of them. */
  readonly data: Uint8Array | Uint16Array;
}

/** Sample `index` of `raster` scaled to 16 bits (8-bit v becomes v * 257, as PNG defines). */
function sample16(raster: Raster, index: number): number {
  const value = raster.data[index]!;
  return raster.depth === 8 ? value * 257 : value;
}

/**
 * True when both rasters show the same pixels: same size, and every pixel
 * equal once expanded to RGBA at 16 bits (grey repeats, missing alpha is
 * opaque). This is what "lossless" means here.
 */
export function samePixels(a: Raster, b: Raster): boolean {
  if (a.width !== b.width || a.height !== b.height) return false;
  if (a.channels === b.channels && a.depth === b.depth) {
    const left = a.data;
    const right = b.data;
    if (left.length !== right.length) return false;
    for (let i = 0; i < left.length; i++) if (left[i] !== right[i]) return false;
    return true;
  }
  if (a.depth === 8 && b.depth === 8 && a.channels === 4 && b.channels === 3) return opaqueMatches(a.data, b.data);
  if (a.depth === 8 && b.depth === 8 && a.channels === 3 && b.channels === 4) return opaqueMatches(b.data, a.data);
  const pixels = a.width * a.height;
  const pixelA = new Array<number>(4);
  const pixelB = new Array<number>(4);
  for (let p = 0; p < pixels; p++) {
    expand(a, p, pixelA);
    expand(b, p, pixelB);
    if (pixelA[0] !== pixelB[0] || pixelA[1] !== pixelB[1] || pixelA[2] !== pixelB[2] || pixelA[3] !== pixelB[3]) return false;
  }
  return true;
}

/** RGBA equals RGB when every alpha is opaque and the colours match: the commonest reduction, checked without expansion. */
function opaqueMatches(rgba: Uint8Array | Uint16Array, rgb: Uint8Array | Uint16Array): boolean {
  if (rgba.length / 4 !== rgb.length / 3) return false;
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    if (rgba[i + 3] !== 255 || rgba[i] !== rgb[j] || rgba[i + 1] !== rgb[j + 1] || rgba[i + 2] !== rgb[j + 2]) return false;
  }
  return true;
}

function expand(raster: Raster, pixel: number, out: number[]): void {
  const base = pixel * raster.channels;
  const first = sample16(raster, base);
  switch (raster.channels) {
    case 1:
      out[0] = out[1] = out[2] = first;
      out[3] = 65535;
      return;
    case 2:
      out[0] = out[1] = out[2] = first;
      out[3] = sample16(raster, base + 1);
      return;
    case 3:
      out[0] = first;
      out[1] = sample16(raster, base + 1);
      out[2] = sample16(raster, base + 2);
      out[3] = 65535;
      return;
    default:
      out[0] = first;
      out[1] = sample16(raster, base + 1);
      out[2] = sample16(raster, base + 2);
      out[3] = sample16(raster, base + 3);
  }
}

/**
 * Mean squared error between two same-sized rasters over RGBA on the 0-255
 * scale, with colours premultiplied by alpha: the colour under a fully
 * transparent pixel is invisible and does not count.
 */
export function meanSquaredError(a: Raster, b: Raster): number {
  const pixels = a.width * a.height;
  if (a.channels === 3 && b.channels === 3 && a.depth === 8 && b.depth === 8) {
    // The common case (opaque colour, no alpha), without per-pixel expansion.
    let sum = 0;
    for (let i = 0; i < a.data.length; i++) {
      const difference = a.data[i]! - b.data[i]!;
      sum += difference * difference;
    }
    return sum / (pixels * 4);
  }
  const pixelA = new Array<number>(4);
  const pixelB = new Array<number>(4);
  let total = 0;
  for (let p = 0; p < pixels; p++) {
    expand(a, p, pixelA);
    expand(b, p, pixelB);
    const alphaA = pixelA[3]! / 65535;
    const alphaB = pixelB[3]! / 65535;
    for (let c = 0; c < 3; c++) {
      const difference = (pixelA[c]! * alphaA - pixelB[c]! * alphaB) / 257;
      total += difference * difference;
    }
    const alphaDifference = (pixelA[3]! - pixelB[3]!) / 257;
    total += alphaDifference * alphaDifference;
  }
  return total / (pixels * 4);
}
