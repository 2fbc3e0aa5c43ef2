import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { UserError } from './errors.js';
import { userErrorFromOs } from './os-error.js';

/** What a file we opened turned out to be, when it is not a regular file. */
export function fileKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSymbolicLink()) return 'a symlink';
  return 'not a regular file';
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export interface ReadOptions {
  /** Refuse a file larger than this, before reading it. */
  readonly maxBytes: number;
  /** Refuse a symlink at the last path component instead of following it (lock files). */
  readonly noFollow?: boolean;
}

/** A regular file's bytes with the size, mtime and identity it had when read. */
export interface ReadResult {
  readonly bytes: Buffer;
  readonly stats: Stats;
}

/**
 * Reads a file only when it is a regular file no larger than `maxBytes`:
 * opened with O_NONBLOCK (a named pipe cannot hang the read) and checked with
 * fstat on the open descriptor (no window between the check and the read).
 * A device, pipe, socket or folder is refused with a UserError naming
 * `shown`; `ENOENT` is rethrown as is so callers can treat a missing file.
 */
export function readRegularFileWithStats(absolute: string, shown: string, options: ReadOptions): ReadResult {
  let fd: number;
  try {
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK | (options.noFollow ? constants.O_NOFOLLOW : 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw error;
    if (code === 'ELOOP' && options.noFollow) throw new UserError('file is a symlink; the toolchain does not follow it here (remove it)', { file: shown });
    if (code === 'ENXIO') throw new UserError('file is a socket or device, not a regular file (remove it)', { file: shown });
    throw userErrorFromOs(error, shown, 'read the file');
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new UserError(`file is ${fileKind(stats)}, not a regular file (remove or replace it)`, { file: shown });
    if (stats.size > options.maxBytes) {
      throw new UserError(`file is too large (${megabytes(stats.size)}; at most ${megabytes(options.maxBytes)} is read)`, { file: shown });
    }
    // Read until end of file, never more than one byte past the cap (a file that grew after fstat).
    let buffer = Buffer.allocUnsafe(Math.min(options.maxBytes + 1, stats.size + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > options.maxBytes) throw new UserError(`file is too large (it grew while read; at most ${megabytes(options.maxBytes)} is read)`, { file: shown });
        const larger = Buffer.allocUnsafe(Math.min(options.maxBytes + 1, buffer.length * 2 + 1));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return { bytes: buffer.subarray(0, length), stats };
  } catch (error) {
    throw userErrorFromOs(error, shown, 'read the file');
  } finally {
    closeSync(fd);
  }
}

/** `readRegularFileWithStats` without the stats. */
export function readRegularFile(absolute: string, shown: string, options: ReadOptions): Buffer {
  return readRegularFileWithStats(absolute, shown, options).bytes;
}

/** Like `readRegularFile`, but a missing file gives `undefined`. */
export function readRegularFileIfExists(absolute: string, shown: string, options: ReadOptions): Buffer | undefined {
  try {
    return readRegularFile(absolute, shown, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
