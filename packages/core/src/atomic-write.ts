import { createHash, randomBytes } from 'node:crypto';
import {
  type Stats,
  closeSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  rmdirSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { UserError } from './errors.js';
import { assertLockStillHeld } from './lock-registry.js';
import { userErrorFromOs } from './os-error.js';
import { processIsAlive } from './process-alive.js';
import { readRegularFileWithStats } from './regular-file.js';
import { TEMP_FOLDER } from './reserved-paths.js';
import { isWithin, resolveInsideRoot } from './safe-path.js';

/** Suffix of every temp file; with the reserved folder, no user file is ever taken for one. */
export const TEMP_SUFFIX = '.llm-notes-tmp';

/** A fresh temp name (pid and random part) for the reserved temp folder. */
export function tempName(): string {
  return `${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`;
}

/** Pid and random part of a temp name: `<pid>-<8 hex>.llm-notes-tmp`. */
const TEMP_NAME = /^(\d+)-[0-9a-f]{8}\.llm-notes-tmp$/u;

/** What a file was when a command read it, so a rewrite can tell it changed since. */
export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  readonly sha256: string;
}

export function stampOf(bytes: Uint8Array, stats: Pick<Stats, 'size' | 'mtimeMs'>): FileStamp {
  return { size: stats.size, mtimeMs: stats.mtimeMs, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** A rewrite refused because the file changed after it was read (another program wrote it). */
export class FileChangedError extends UserError {
  constructor(file: string) {
    super('changed on disk while the command ran; left as it is now (run the command again)', { file });
    this.name = 'FileChangedError';
  }
}

export interface WriteOptions {
  /** The repository root: temp files go to its reserved temp folder, and the target must lie inside. */
  readonly root: string;
  /**
   * Compare-and-swap: the file as it was read (`absent` when it did not exist).
   * Right before the rename it is checked again; a change throws FileChangedError.
   */
  readonly unchangedSince?: FileStamp | 'absent';
}

function relativeName(realRoot: string, absolute: string): string {
  return path.relative(realRoot, absolute).split(path.sep).join('/');
}

/** Removes the temp folder, and `.cache` around it, when nothing is in them (a failed write leaves nothing behind). */
export function removeEmptyTempFolder(realRoot: string): void {
  const folder = path.join(realRoot, TEMP_FOLDER);
  for (const empty of [folder, path.dirname(folder)]) {
    try {
      rmdirSync(empty);
    } catch {
      return;
    }
  }
}

/** The reserved temp folder, made on first use; refused when `.cache` leads outside the root. */
export function tempFolder(realRoot: string): string {
  const folder = resolveInsideRoot(realRoot, path.join(realRoot, TEMP_FOLDER), TEMP_FOLDER);
  mkdirSync(folder, { recursive: true });
  return folder;
}

function assertUnchanged(target: string, shown: string, expected: FileStamp | 'absent'): void {
  let current: Stats;
  try {
    current = lstatSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && expected === 'absent') return;
    throw new FileChangedError(shown);
  }
  if (expected === 'absent' || !current.isFile() || current.size !== expected.size || current.mtimeMs !== expected.mtimeMs) {
    throw new FileChangedError(shown);
  }
  // Same size and time: the hash decides (a quick edit can keep both).
  const now = readRegularFileWithStats(target, shown, { maxBytes: expected.size });
  if (stampOf(now.bytes, now.stats).sha256 !== expected.sha256) throw new FileChangedError(shown);
}

/**
 * Writes `data` to `target` so that a reader (or a crash) only ever sees the
 * old file or the new one: a temp file in the root's reserved temp folder,
 * fsync, rename, fsync of the folder. A symlinked target is written through
 * to its target when that lies inside the root (refused otherwise). The
 * file's permission bits are kept when it already exists. Errors are
 * UserErrors naming `target`, never the temp file.
 */
export function writeFileAtomic(target: string, data: Uint8Array | string, options: WriteOptions): void {
  const realRoot = realpathSync(options.root);
  const lexical = isWithin(options.root, target) ? path.join(realRoot, path.relative(options.root, target)) : target;
  const shownLexical = relativeName(realRoot, lexical);
  if (!isWithin(realRoot, lexical)) throw new UserError('path is outside the repository root; not written', { file: target });
  // Through symlinks inside the root: a symlinked note is fixed in its target, the link kept.
  const real = resolveInsideRoot(realRoot, lexical, shownLexical);
  const shown = shownLexical;
  let mode = 0o644;
  try {
    mode = statSync(real).mode & 0o777;
  } catch {
    // New file: default mode.
  }
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let temp: string | undefined;
  let fd: number | undefined;
  try {
    let folder = tempFolder(realRoot);
    temp = path.join(folder, tempName());
    try {
      fd = openSync(temp, 'wx', mode);
    } catch (error) {
      // The empty temp folder was just tidied away by another command: make it again, once.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      folder = tempFolder(realRoot);
      fd = openSync(temp, 'wx', mode);
    }
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    // Fencing: a command whose write lock was taken over stops before it writes.
    assertLockStillHeld(realRoot);
    if (options.unchangedSince !== undefined) assertUnchanged(real, shown, options.unchangedSince);
    renameSync(temp, real);
    temp = undefined;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    if (temp !== undefined) rmSync(temp, { force: true });
    removeEmptyTempFolder(realRoot);
    throw userErrorFromOs(error, shown, 'write the file');
  }
  try {
    const dirFd = openSync(path.dirname(real), 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // Some file systems refuse fsync on folders; the rename itself is atomic.
  }
}

/**
 * Removes temp files that a writer killed mid-write left behind (their pid is
 * no longer alive) in the root's reserved temp folder, and nowhere else.
 * Called with the write lock held, so no live writer is disturbed. A file git
 * tracks is never removed. Returns the paths removed.
 */
export function removeStaleTempFiles(root: string, isTracked: (relative: string) => boolean = () => false): string[] {
  const removed: string[] = [];
  let folder: string;
  let entries;
  try {
    const realRoot = realpathSync(root);
    folder = resolveInsideRoot(realRoot, path.join(realRoot, TEMP_FOLDER), TEMP_FOLDER);
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return removed;
  }
  for (const entry of entries) {
    const match = TEMP_NAME.exec(entry.name);
    // Files, and the lock folders a command killed while taking the lock made aside.
    if ((!entry.isFile() && !entry.isDirectory()) || !match) continue;
    const pid = Number(match[1]);
    if (pid !== process.pid && processIsAlive(pid)) continue;
    if (isTracked(`${TEMP_FOLDER}/${entry.name}`)) continue;
    const absolute = path.join(folder, entry.name);
    rmSync(absolute, { recursive: true, force: true });
    removed.push(absolute);
  }
  return removed;
}
