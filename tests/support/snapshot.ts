import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * Every entry under `root` (but `.git`) with a hash of its bytes, its mode and,
 * for a symlink, its target: two snapshots are equal only if nothing changed.
 */
export function snapshotTree(root: string): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      if (folder === root && name === '.git') continue;
      const absolute = path.join(folder, name);
      const relative = path.relative(root, absolute);
      const stat = lstatSync(absolute);
      if (stat.isSymbolicLink()) entries.set(relative, `link:${readlinkSync(absolute)}`);
      else if (!stat.isFile() && !stat.isDirectory()) entries.set(relative, `special:${stat.mode.toString(8)}`);
      else if (stat.isDirectory()) {
        entries.set(relative, 'dir');
        walk(absolute);
      } else entries.set(relative, `${(stat.mode & 0o777).toString(8)}:${createHash('sha256').update(readFileSync(absolute)).digest('hex')}`);
    }
  };
  walk(root);
  return entries;
}

/** Paths whose entry differs between two snapshots (added, removed or changed). */
export function changedPaths(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((entry) => before.get(entry) !== after.get(entry)).sort();
}
