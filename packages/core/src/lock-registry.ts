import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { UserError } from './errors.js';
import { fileKind, readRegularFile } from './regular-file.js';
import { LOCK_FILE } from './reserved-paths.js';

/** The most an owner file of ours holds (pid, command, token). */
export const MAX_LOCK_BYTES = 4096;

/** Name of the owner file inside the lock folder: the token makes it unique to one acquisition. */
export const OWNER_PREFIX = 'owner-';

export interface LockContent {
  readonly pid?: unknown;
  readonly command?: unknown;
  readonly token?: unknown;
}

export interface LockOwner {
  /** Owner file name inside the lock folder. */
  readonly name: string;
  readonly content: LockContent | undefined;
}

/** The write locks this process holds, by real root path: lock folder and token. */
const held = new Map<string, { readonly lockPath: string; readonly token: string }>();

export function registerHeldLock(realRoot: string, lockPath: string, token: string): void {
  held.set(realRoot, { lockPath, token });
}

/** The token of the lock this process holds on `realRoot`, if any. */
export function heldToken(realRoot: string): string | undefined {
  return held.get(realRoot)?.token;
}

export function forgetHeldLock(realRoot: string, token: string): void {
  if (held.get(realRoot)?.token === token) held.delete(realRoot);
}

/**
 * The owner of the lock folder `lockPath`: `undefined` when there is no lock
 * (or it is being taken over: empty). Never follows a symlink, never reads a
 * pipe: anything but a folder of ours is refused with a UserError.
 */
export function readLockOwner(lockPath: string): LockOwner | undefined {
  let stats;
  try {
    stats = lstatSync(lockPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (!stats.isDirectory()) {
    throw new UserError(`is ${fileKind(stats) === 'not a regular file' ? 'a file' : fileKind(stats)}, not the toolchain's lock folder; remove it if no command is running`, {
      file: LOCK_FILE,
    });
  }
  let names: string[];
  try {
    names = readdirSync(lockPath).filter((name) => name.startsWith(OWNER_PREFIX));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const name = names[0];
  if (name === undefined) return undefined;
  let content: LockContent | undefined;
  try {
    const parsed = JSON.parse(readRegularFile(path.join(lockPath, name), LOCK_FILE, { maxBytes: MAX_LOCK_BYTES, noFollow: true }).toString('utf8')) as unknown;
    content = typeof parsed === 'object' && parsed !== null ? (parsed as LockContent) : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return readLockOwner(lockPath);
    content = undefined;
  }
  return { name, content };
}

/**
 * The fencing check: when this process holds the write lock of `realRoot`,
 * its owner file must still be there (no other command took the lock over).
 * Called right before every rename into place.
 */
export function assertLockStillHeld(realRoot: string): void {
  const lock = held.get(realRoot);
  if (!lock) return;
  let present = false;
  try {
    present = lstatSync(path.join(lock.lockPath, `${OWNER_PREFIX}${lock.token}`)).isFile();
  } catch {
    present = false;
  }
  if (!present) {
    throw new UserError('the write lock was removed or taken over by another command; stopped before writing (run the command again)', { file: LOCK_FILE });
  }
}
