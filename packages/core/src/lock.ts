import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { removeStaleTempFiles } from './atomic-write.js';
import { UserError } from './errors.js';
import { readRegularFile } from './regular-file.js';
import { LOCK_FILE } from './reserved-paths.js';

export { LOCK_FILE };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the repository's write lock, so two commands that rewrite files
 * (fix, images, gen-readme) never run at once on one repository: the second
 * fails fast with a clear message. A lock left by a dead process is taken over,
 * and the temp files such a process left are removed. Returns the function
 * that releases the lock.
 */
export function acquireWriteLock(root: string, command: string): () => void {
  const lockPath = path.join(root, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, command }));
      closeSync(fd);
      removeStaleTempFiles(root);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid?: number; command?: string } = {};
      try {
        // Never through a symlink, never a pipe or device, never more than a lock holds.
        holder = JSON.parse(readRegularFile(lockPath, LOCK_FILE, { maxBytes: 4096, noFollow: true }).toString('utf8')) as typeof holder;
      } catch (lockError) {
        if (lockError instanceof UserError) throw lockError;
        // Half-written by a process killed at that instant: treat as stale.
      }
      if (typeof holder.pid === 'number' && isAlive(holder.pid)) {
        throw new UserError(
          `another \`${holder.command ?? 'notes'}\` (pid ${holder.pid}) is changing this repository; try again when it ends (lock file ${LOCK_FILE})`,
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new UserError(`cannot take the lock file ${LOCK_FILE}`);
}
