import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Prefix of the temporary files `writeFileAtomic` makes; tests look for leftovers by it. */
export const TEMP_PREFIX = '.llm-notes-tmp-';

/**
 * Writes `data` to `target` so that a reader (or a crash) only ever sees the
 * old file or the new one: temp file in the same folder, fsync, rename, fsync
 * of the folder. The file's permission bits are kept when it already exists.
 */
export function writeFileAtomic(target: string, data: Uint8Array | string): void {
  const folder = path.dirname(target);
  const temp = path.join(folder, `${TEMP_PREFIX}${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}`);
  let mode = 0o644;
  try {
    mode = statSync(target).mode & 0o777;
  } catch {
    // New file: default mode.
  }
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode);
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  try {
    const dirFd = openSync(folder, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // Some file systems refuse fsync on folders; the rename itself is atomic.
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

/**
 * Removes temp files that a writer killed mid-write left behind (their pid is
 * no longer alive) anywhere under `root`, skipping `.git` and `node_modules`.
 * Called with the write lock held, so no live writer is disturbed. Returns
 * the paths removed.
 */
export function removeStaleTempFiles(root: string): string[] {
  const removed: string[] = [];
  const walk = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const absolute = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(absolute);
        continue;
      }
      if (!entry.isFile() || !entry.name.startsWith(TEMP_PREFIX)) continue;
      const pid = Number(/\.(\d+)\.[0-9a-f]{8}$/u.exec(entry.name)?.[1]);
      if (Number.isInteger(pid) && processIsAlive(pid) && pid !== process.pid) continue;
      rmSync(absolute, { force: true });
      removed.push(absolute);
    }
  };
  walk(root);
  return removed;
}
