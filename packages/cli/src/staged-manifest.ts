import { readFileSync } from 'node:fs';
import type { RepoRoot } from '@llm-notes/core';
import { type Manifest, hashBytes, readManifest, serializeManifest } from '@llm-notes/images';

export interface ManifestUpdate {
  /** The index's manifest with the working tree's entries for the staged images: what to commit. */
  readonly text: string;
  /** Images whose entry changed. */
  readonly images: readonly string[];
}

function sameEntry(a: Manifest, b: Manifest, file: string): boolean {
  const left = a.get(file);
  const right = b.get(file);
  return left?.sha256 === right?.sha256 && left?.settings === right?.settings;
}

/**
 * The manifest change that belongs with the staged images: for each staged
 * image whose working-tree manifest entry records exactly the staged bytes,
 * that entry; for each staged deletion, the removal of its entry (when the
 * working tree dropped it too). Entries for anything else stay as they are
 * in the index. Undefined when the index's manifest needs no change.
 */
export function manifestForStagedImages(
  staged: RepoRoot,
  worktree: RepoRoot,
  manifestPath: string,
  images: readonly { path: string; deleted: boolean }[],
): ManifestUpdate | undefined {
  const indexed = readManifest(staged, manifestPath);
  const working = readManifest(worktree, manifestPath);
  const changed: string[] = [];
  for (const image of images) {
    if (sameEntry(indexed, working, image.path)) continue;
    const entry = working.get(image.path);
    if (image.deleted) {
      if (entry === undefined && indexed.delete(image.path)) changed.push(image.path);
      continue;
    }
    if (entry === undefined) continue;
    const hash = hashBytes(readFileSync(staged.resolve(image.path)));
    if (entry.sha256 !== hash) continue;
    indexed.set(image.path, entry);
    changed.push(image.path);
  }
  return changed.length === 0 ? undefined : { text: serializeManifest(indexed), images: changed };
}
