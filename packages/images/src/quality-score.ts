/**
 * Our 0-100 quality scale for lossy palette images, from the peak
 * signal-to-noise ratio against the unquantised pixels (RGBA, 0-255): 40 dB
 * and above (differences hard to see) is 100, 15 dB and below (heavy banding)
 * is 0, linear in between; the default floor of 65 is about 31 dB.
 */
export function qualityFromMeanSquaredError(meanSquaredError: number): number {
  if (meanSquaredError <= 0) return 100;
  const psnr = 10 * Math.log10((255 * 255) / meanSquaredError);
  return Math.max(0, Math.min(100, ((psnr - 15) / 25) * 100));
}
