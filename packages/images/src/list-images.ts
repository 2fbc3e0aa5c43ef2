import { type Dirent, existsSync } from 'node:fs';
import { type RepoRoot, walkTree } from '@llm-notes/core';
import { formatOfName } from './image-format.js';

export interface ImageListing {
  /** Image files, relative to the root with `/` separators, sorted. */
  readonly files: string[];
  /** Symbolic links with an image name: reported, never followed. */
  readonly symlinks: string[];
}

/**
 * Every image under the content folder, or under the whole root when the
 * repository has no content folder (any notes layout). Independent of the
 * notes (a malformed chapter must not stop the optimizer), skips dot-entries
 * and `node_modules`, and
 * never follows or even touches a symbolic link: its type comes from the
 * folder listing itself.
 */
export function listImages(repo: RepoRoot, contentDir: string): ImageListing {
  const files: string[] = [];
  const symlinks: string[] = [];
  const content = repo.resolve(contentDir);
  const skip = (entry: Dirent) => entry.name.startsWith('.') || entry.name === 'node_modules';
  for (const { absolute, entry } of walkTree(existsSync(content) ? content : repo.path, { skip })) {
    if (entry.isSymbolicLink()) {
      if (formatOfName(entry.name)) symlinks.push(repo.relative(absolute));
    } else if (entry.isFile() && formatOfName(entry.name)) {
      files.push(repo.relative(absolute));
    }
  }
  return { files: files.sort(), symlinks: symlinks.sort() };
}
