import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
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
