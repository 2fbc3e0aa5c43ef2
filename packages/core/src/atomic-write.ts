import { createHash, randomBytes } from 'node:crypto';
import {
  type Stats,
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readSync,
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
  // Level by level rather than `recursive`, which reports ENOENT where the real cause is EROFS or EACCES.
  const levels: string[] = [];
  for (let level = folder; isWithin(realRoot, level) && level !== realRoot; level = path.dirname(level)) levels.unshift(level);
  for (const level of levels) {
    try {
      mkdirSync(level);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return folder;
}

/** The file as it was checked: an open descriptor on that very inode, to see writes that land after the check. */
interface Checked {
  readonly fd: number;
  readonly size: number;
  readonly mtimeMs: number;
}

/**
 * Throws FileChangedError unless `target` is still as `expected` says. When it
 * exists, returns a descriptor on the checked inode (the caller closes it).
 */
function checkUnchanged(target: string, shown: string, expected: FileStamp | 'absent'): Checked | undefined {
  let fd: number;
  try {
    fd = openSync(target, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && expected === 'absent') return undefined;
    throw new FileChangedError(shown);
  }
  try {
    const current = fstatSync(fd);
    if (expected === 'absent' || !current.isFile() || current.size !== expected.size || current.mtimeMs !== expected.mtimeMs) {
      throw new FileChangedError(shown);
    }
    // Same size and time: the hash decides (a quick edit can keep both).
    if (stampOf(readAll(fd, expected.size + 1), current).sha256 !== expected.sha256) throw new FileChangedError(shown);
    return { fd, size: current.size, mtimeMs: current.mtimeMs };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** Up to `limit` bytes of an open file from its start. */
function readAll(fd: number, limit: number): Buffer {
  const buffer = Buffer.allocUnsafe(limit);
  let length = 0;
  while (length < limit) {
    const read = readSync(fd, buffer, length, limit - length, length);
    if (read === 0) break;
    length += read;
  }
  return buffer.subarray(0, length);
}

/**
 * After the rename: when the replaced inode was written to between the check
 * and the rename (an editor appending in place), its bytes are put back, if
 * the file is still the one just written, and the change is reported. So an
 * in-place edit is never lost to the rename; only a write that starts after
 * this look (into a file already replaced) could be.
 */
function putBackLateEdit(checked: Checked, real: string, shown: string, written: FileStamp, root: string): void {
  const now = fstatSync(checked.fd);
  if (now.size === checked.size && now.mtimeMs === checked.mtimeMs) return;
  const theirs = readAll(checked.fd, now.size + 1);
  try {
    writeFileAtomic(real, theirs, { root, unchangedSince: written });
  } catch (error) {
    // Replaced again since: that newer file is the user's; it stays.
    if (!(error instanceof FileChangedError)) throw error;
  }
  throw new FileChangedError(shown);
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
  let checked: Checked | undefined;
  let written: FileStamp | undefined;
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
    if (options.unchangedSince !== undefined) written = stampOf(bytes, fstatSync(fd));
    closeSync(fd);
    fd = undefined;
    // Fencing: a command whose write lock was taken over stops before it writes.
    assertLockStillHeld(realRoot);
    if (options.unchangedSince === 'absent') {
      // Create only if still absent: link() refuses an existing name, where rename would replace it.
      checkUnchanged(real, shown, 'absent');
      try {
        linkSync(temp, real);
        rmSync(temp, { force: true });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new FileChangedError(shown);
        // A file system without hard links: the plain rename, with its small window.
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
        renameSync(temp, real);
      }
    } else {
      if (options.unchangedSince !== undefined) checked = checkUnchanged(real, shown, options.unchangedSince);
      renameSync(temp, real);
    }
    temp = undefined;
  } catch (error) {
    if (checked !== undefined) closeSync(checked.fd);
    if (fd !== undefined) closeSync(fd);
    if (temp !== undefined) rmSync(temp, { force: true });
    removeEmptyTempFolder(realRoot);
    throw userErrorFromOs(error, shown, 'write the file');
  }
  if (checked !== undefined && written !== undefined) {
    try {
      putBackLateEdit(checked, real, shown, written, options.root);
    } finally {
      closeSync(checked.fd);
    }
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
