/** A problem with one image (corrupt, too large, lying extension): reported with its path, the run goes on. */
export class ImageError extends Error {
  override readonly name = 'ImageError';
}
