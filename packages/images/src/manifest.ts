import { createHash } from 'node:crypto';
import { type RepoRoot, UserError, readRegularFileIfExists, resolveConfigOutput, writeFileAtomic } from '@llm-notes/core';

/** What the manifest remembers of one image: the hash of its bytes after optimization, and how. */
export interface ManifestEntry {
  readonly sha256: string;
  readonly settings: string;
}

export type Manifest = Map<string, ManifestEntry>;

const VERSION = 1;

/** A manifest line is about 120 bytes; this allows hundreds of thousands of images. */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

/** Hash recorded in the manifest (hex SHA-256). */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function readManifest(repo: RepoRoot, manifestPath: string): Manifest {
  const absolute = resolveConfigOutput(repo, 'images.manifest', manifestPath);
  const bytes = readRegularFileIfExists(absolute, manifestPath, { maxBytes: MAX_MANIFEST_BYTES });
  if (bytes === undefined) return new Map();
  const text = bytes.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message.replace(/,? ".*$/su, '');
    throw new UserError(`image manifest is not valid JSON (${reason}); delete it to start over`, {
      file: manifestPath,
    });
  }
  const images = (parsed as { images?: unknown }).images;
  if (typeof images !== 'object' || images === null) {
    throw new UserError('image manifest has no `images` object; delete it to start over', { file: manifestPath });
  }
  const manifest: Manifest = new Map();
  for (const [file, entry] of Object.entries(images)) {
    const { sha256, settings } = (entry ?? {}) as Partial<ManifestEntry>;
    if (typeof sha256 === 'string' && typeof settings === 'string') manifest.set(file, { sha256, settings });
  }
  return manifest;
}

/** The manifest as text: keys sorted, two-space indent, final newline, so diffs stay small and stable. */
export function serializeManifest(manifest: Manifest): string {
  const images: Record<string, ManifestEntry> = {};
  for (const file of [...manifest.keys()].sort()) {
    const entry = manifest.get(file)!;
    images[file] = { sha256: entry.sha256, settings: entry.settings };
  }
  return `${JSON.stringify({ version: VERSION, images }, null, 2)}\n`;
}

export function writeManifest(repo: RepoRoot, manifestPath: string, manifest: Manifest): void {
  writeFileAtomic(resolveConfigOutput(repo, 'images.manifest', manifestPath), serializeManifest(manifest), { root: repo.path });
}

/**
 * True when the image needs no work: its bytes are the ones recorded, and
 * they were made with settings at least as aggressive (a lossless result is
 * tried again once when lossy is asked for; a lossy one never again).
 */
export function isUpToDate(entry: ManifestEntry | undefined, hash: string, settingsLabel: string): boolean {
  if (!entry || entry.sha256 !== hash) return false;
  return entry.settings !== 'lossless' || settingsLabel === 'lossless';
}
