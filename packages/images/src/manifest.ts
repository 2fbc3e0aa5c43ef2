import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type RepoRoot, UserError, writeFileAtomic } from '@llm-notes/core';

/** What the manifest remembers of one image: the hash of its bytes after optimization, and how. */
export interface ManifestEntry {
  readonly sha256: string;
  readonly settings: string;
}

export type Manifest = Map<string, ManifestEntry>;

const VERSION = 1;

/** Hash recorded in the manifest (hex SHA-256). */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function readManifest(repo: RepoRoot, manifestPath: string): Manifest {
  const absolute = repo.resolve(manifestPath);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UserError(`image manifest is not valid JSON (${(error as Error).message}); delete it to start over`, {
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
  writeFileAtomic(repo.resolve(manifestPath), serializeManifest(manifest));
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
