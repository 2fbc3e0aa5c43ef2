import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, rmdirSync, writeSync } from 'node:fs';
import path from 'node:path';
import { removeEmptyTempFolder, removeStaleTempFiles, tempFolder, tempName } from './atomic-write.js';
import { UserError } from './errors.js';
import { gitListFiles } from './git-ls-files.js';
import { type LockContent, OWNER_PREFIX, forgetHeldLock, heldToken, readLockOwner, registerHeldLock } from './lock-registry.js';
import { userErrorFromOs } from './os-error.js';
import { processIsAlive } from './process-alive.js';
import { LOCK_FILE, TEMP_FOLDER } from './reserved-paths.js';

export { LOCK_FILE };

/** Attempts before giving up under contention (each is a few system calls). */
const MAX_ATTEMPTS = 1000;

function busy(holder: LockContent): UserError {
  const command = typeof holder.command === 'string' ? holder.command.slice(0, 80) : 'notes';
  return new UserError(`another \`${command}\` (pid ${String(holder.pid)}) is changing this repository; try again when it ends (lock ${LOCK_FILE})`);
}

/**
 * A stale lock: its process is gone, or it names this very process without
 * being a lock this process holds (a previous life with a reused pid, as in
 * containers where every run is pid 1).
 */
function isStale(holder: LockContent | undefined, realRoot: string): boolean {
  if (holder === undefined || typeof holder.pid !== 'number') return true;
  if (holder.pid === process.pid) return holder.token !== heldToken(realRoot);
  return !processIsAlive(holder.pid);
}

/** A complete lock folder made aside (owner file inside), ready to be renamed into place. */
function makeCandidate(folder: string, token: string, content: string): string {
  const candidate = path.join(folder, tempName());
  mkdirSync(candidate);
  try {
    const fd = openSync(path.join(candidate, `${OWNER_PREFIX}${token}`), 'wx', 0o644);
    try {
      // No fsync: processes share the page cache, and after a power loss an empty owner file reads as stale.
      writeSync(fd, content);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    // A full disk: nothing of the attempt is left behind.
    rmSync(candidate, { recursive: true, force: true });
    throw error;
  }
  return candidate;
}

function trackedTempFiles(root: string): Set<string> {
  return new Set(gitListFiles(root, ['--', TEMP_FOLDER]));
}

/**
 * Takes the repository's write lock, so two commands that rewrite files
 * (fix, images, gen-readme) never run at once on one repository: the second
 * fails fast with a clear message.
 *
 * The lock is a folder holding one owner file `owner-<token>` (pid, command).
 * It appears complete or not at all: a finished folder is renamed into place,
 * which fails while a lock (never empty) exists. A lock whose process is gone
 * is taken over in two conditional steps no two processes can both win:
 * renaming away that exact owner file (the token is unique to one
 * acquisition), then `rmdir`, which only removes an empty folder. So a live
 * lock is never removed, and every write re-checks its own owner file before
 * its rename (fencing). Temp files a dead writer left are removed. Returns
 * the function that releases the lock.
 */
export function acquireWriteLock(root: string, command: string): () => void {
  const realRoot = realpathSync(root);
  const lockPath = path.join(realRoot, LOCK_FILE);
  const token = `${process.pid}-${randomBytes(12).toString('hex')}`;
  const content = JSON.stringify({ pid: process.pid, command: command.slice(0, 200), token });
  let folder: string;
  let candidate: string;
  try {
    folder = tempFolder(realRoot);
    candidate = makeCandidate(folder, token, content);
  } catch (error) {
    removeEmptyTempFolder(realRoot);
    throw userErrorFromOs(error, LOCK_FILE, 'take the write lock');
  }
  try {
    for (let attempt = 0; ; attempt++) {
      if (attempt === MAX_ATTEMPTS) throw new UserError('cannot take the write lock (too much contention); try again', { file: LOCK_FILE });
      try {
        renameSync(candidate, lockPath);
        break;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOTDIR' && code !== 'EISDIR') throw userErrorFromOs(error, LOCK_FILE, 'take the write lock');
      }
      const owner = readLockOwner(lockPath);
      if (owner === undefined) {
        // Empty (a takeover half done, or a crash between its steps): remove it if still empty.
        try {
          rmdirSync(lockPath);
        } catch {
          // Not empty any more, or gone: look again.
        }
        continue;
      }
      if (!isStale(owner.content, realRoot)) throw busy(owner.content ?? {});
      const grave = path.join(folder, tempName());
      try {
        renameSync(path.join(lockPath, owner.name), grave);
      } catch {
        continue; // Another process moved it first.
      }
      rmSync(grave, { force: true });
      try {
        rmdirSync(lockPath);
      } catch {
        // A new lock was renamed onto the empty folder: it is live; look again.
      }
    }
  } finally {
    rmSync(candidate, { recursive: true, force: true });
  }
  registerHeldLock(realRoot, lockPath, token);
  const tracked = (() => {
    let cache: Set<string> | undefined;
    return (relative: string) => (cache ??= trackedTempFiles(realRoot)).has(relative);
  })();
  removeStaleTempFiles(realRoot, tracked);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    forgetHeldLock(realRoot, token);
    try {
      // Only our own lock is removed (never one another command took over). A failed write may
      // have tidied the empty temp folder away meanwhile: it is made again for the move.
      const owner = path.join(lockPath, `${OWNER_PREFIX}${token}`);
      try {
        const grave = path.join(tempFolder(realRoot), tempName());
        renameSync(owner, grave);
        rmSync(grave, { force: true });
      } catch {
        // No room for the temp folder (a full disk): our own owner file, unique to us, is removed in place.
        rmSync(owner, { force: true });
      }
      rmdirSync(lockPath);
    } catch {
      // Taken over or already gone.
    }
    // The temp folder (and `.cache` around it) go too when nothing else is in them.
    removeEmptyTempFolder(realRoot);
  };
}

/** Who holds the write lock of `root` now (for messages and tests); `undefined` when free. */
export function writeLockHolder(root: string): LockContent | undefined {
  return readLockOwner(path.join(realpathSync(root), LOCK_FILE))?.content;
}
