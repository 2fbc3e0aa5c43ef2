import { UserError } from './errors.js';

/** What each common OS error means to a user, and what to do about it. */
const OS_ERRORS: Record<string, string> = {
  EACCES: 'permission denied; check the file and folder permissions',
  EPERM: 'operation not permitted; check the file and folder permissions',
  EROFS: 'the file system is read-only; run the command where the repository can be written',
  ENOSPC: 'no space left on the device; free some space and run again',
  EDQUOT: 'disk quota exceeded; free some space and run again',
  ENAMETOOLONG: 'the file name is too long for this file system; shorten it',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'is a folder, not a file',
  ELOOP: 'too many levels of symbolic links (a symlink loop?)',
  EMFILE: 'too many open files; raise the limit (ulimit -n) and run again',
  ENFILE: 'too many open files on this system; run again later',
  EIO: 'input/output error from the disk',
  EBUSY: 'the file is busy (in use by another program)',
  ETXTBSY: 'the file is busy (in use by another program)',
  EXDEV: 'cannot move a file across file systems',
};

/** True for an error thrown by a Node fs call (it has a string `code` like `ENOENT`). */
export function isOsError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/u.test((error as NodeJS.ErrnoException).code ?? '');
}

/**
 * Turns an OS error into a one-line UserError naming `file` (the user's file,
 * not a temp name) with what to do; other errors are returned unchanged.
 */
export function userErrorFromOs(error: unknown, file: string, doing?: string): unknown {
  if (error instanceof UserError || !isOsError(error)) return error;
  const code = error.code ?? 'error';
  const meaning = OS_ERRORS[code] ?? `${code}: ${error.message.replace(/^[A-Z]+: /u, '').split(',')[0]}`;
  return new UserError(`${doing === undefined ? '' : `cannot ${doing}: `}${meaning}${OS_ERRORS[code] === undefined ? '' : ` (${code})`}`, { file, cause: error });
}
