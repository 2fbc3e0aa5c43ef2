import { readFileSync } from 'node:fs';

/**
 * True while a process with this id runs. A zombie (killed, not yet reaped by
 * its parent: right after `kill -9`) counts as gone, as it can hold nothing.
 * The one liveness check of the toolchain (locks and temp files use it).
 */
export function processIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // Linux: the state letter follows the command name in parentheses (which may hold spaces).
    const status = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return status.slice(status.lastIndexOf(')') + 2, status.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // No procfs (macOS): signal 0 is the best answer.
  }
}
