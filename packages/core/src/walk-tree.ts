import { type Dirent, readdirSync } from 'node:fs';
import path from 'node:path';

export interface TreeEntry {
  /** Absolute path of the entry. */
  readonly absolute: string;
  /** Path below the walked folder, with `/` separators. */
  readonly relative: string;
  /** The listing's own entry: its type is never looked up through a symbolic link. */
  readonly entry: Dirent;
}

export interface WalkOptions {
  /** Entries neither yielded nor, for folders, entered (`.git`, `node_modules`, …). */
  readonly skip?: (entry: Dirent) => boolean;
  /** An unreadable folder is passed over instead of throwing (digests of what is there). */
  readonly tolerant?: boolean;
}

/**
 * Every entry below `folder`, depth first, names in code-unit order (stable
 * across file systems). Symbolic links are yielded as such and never
 * followed, so a link to a parent folder cannot loop. The one hand-written
 * tree walk of the project: globby serves glob patterns, this serves the
 * walks that need every entry and their types cheaply (the lint cache's
 * digests at every start, the image listing).
 */
export function* walkTree(folder: string, options: WalkOptions = {}, prefix = ''): Generator<TreeEntry> {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    if (options.tolerant) return;
    throw error;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (options.skip?.(entry)) continue;
    const absolute = path.join(folder, entry.name);
    const relative = `${prefix}${entry.name}`;
    yield { absolute, relative, entry };
    if (entry.isDirectory()) yield* walkTree(absolute, options, `${relative}/`);
  }
}
