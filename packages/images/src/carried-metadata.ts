import type { Metadata } from 'sharp';

/** The metadata blocks the image library carries through a JPEG or WebP re-encoding, with their names in the summary. */
const BLOCKS = [
  ['exif', 'EXIF'],
  ['xmp', 'XMP'],
  ['iptc', 'IPTC'],
  ['icc', 'colour profile'],
] as const;

/** How the orientation of a JPEG or WebP was treated: left as metadata, or turned into the pixels (only with --strip-metadata). */
export type OrientationHandling = 'kept' | 'applied';

/** EXIF orientations 5–8 turn the image a quarter: its displayed width is the stored height. */
export function displayedWidth(header: Pick<Metadata, 'width' | 'height' | 'orientation'>): number {
  return (header.orientation ?? 1) >= 5 ? (header.height ?? 0) : (header.width ?? 0);
}

function comments(metadata: Metadata): string {
  return JSON.stringify(metadata.comments ?? []);
}

/**
 * The summary note for a re-encoded JPEG or WebP: each metadata block of the
 * original is `kept` (byte for byte), `changed` (the encoder rewrote it) or
 * `removed`, and an orientation turned into the pixels is said too.
 */
export function carriedMetadataNote(before: Metadata, after: Metadata, orientation: OrientationHandling): string | undefined {
  const kept: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  for (const [key, name] of BLOCKS) {
    const old = before[key];
    if (!old || old.length === 0) continue;
    const now = after[key];
    if (!now || now.length === 0) removed.push(name);
    else if (Buffer.compare(old, now) === 0) kept.push(name);
    else changed.push(name);
  }
  if ((before.comments ?? []).length > 0) {
    if ((after.comments ?? []).length === 0) removed.push('comments');
    else if (comments(before) === comments(after)) kept.push('comments');
    else changed.push('comments');
  }
  const parts: string[] = [];
  if (kept.length > 0) parts.push(`kept ${kept.join(', ')}`);
  if (changed.length > 0) parts.push(`rewritten by the encoder: ${changed.join(', ')}`);
  if (removed.length > 0) parts.push(`removed ${removed.join(', ')}`);
  const turn = before.orientation ?? 1;
  if (orientation === 'applied' && turn !== 1) parts.push(`EXIF orientation ${turn} applied to the pixels`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}
