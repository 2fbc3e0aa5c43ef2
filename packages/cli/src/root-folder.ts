import { existsSync } from 'node:fs';
import path from 'node:path';

/** The enclosing git repository of `start` (a folder holding `.git`), else `start`. */
export function findRepositoryRoot(start: string): string {
  let folder = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(folder, '.git'))) return folder;
    const parent = path.dirname(folder);
    if (parent === folder) return path.resolve(start);
    folder = parent;
  }
}
