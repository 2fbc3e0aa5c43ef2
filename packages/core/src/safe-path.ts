import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { UserError } from './errors.js';

/** True when `target` is `root` itself or lies below it (both absolute). */
export function isWithin(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Follows symlinks of the longest existing prefix of `target`, so a path that
 * does not exist yet (a file about to be written) still resolves through any
 * linked folder above it.
 */
export function realpathOfExistingPrefix(target: string): string {
  let existing = target;
  const rest: string[] = [];
  while (!existsSync(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) break;
    rest.unshift(path.basename(existing));
    existing = parent;
  }
  let real: string;
  try {
    real = realpathSync(existing);
  } catch (error) {
    // A symlink loop or an unreadable link: name the path, do not follow it.
    throw new UserError(`cannot resolve path (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {
      file: target,
      cause: error,
    });
  }
  return path.join(real, ...rest);
}

/**
 * The repository root, resolved once. Every path a tool reads or writes goes
 * through `resolve`, which refuses anything that lands outside the root after
 * `..` segments and symlinks are followed, before the path is ever opened.
 */
export class RepoRoot {
  readonly path: string;
  readonly realPath: string;

  constructor(root: string) {
    this.path = path.resolve(root);
    this.realPath = realpathSync(this.path);
  }

  /** Absolute path of `target` (relative to the root unless absolute), checked. */
  resolve(target: string): string {
    const absolute = path.resolve(this.path, target);
    if (!isWithin(this.path, absolute) && !isWithin(this.realPath, absolute)) {
      throw new UserError('path is outside the repository root', { file: target });
    }
    const shown = path.isAbsolute(target) ? this.relative(absolute) : target;
    const real = realpathOfExistingPrefix(absolute);
    if (!isWithin(this.realPath, real)) {
      throw new UserError('path leads outside the repository root (through a symlink)', { file: shown });
    }
    return absolute;
  }

  /** Like `resolve`, but answers `undefined` instead of throwing. */
  tryResolve(target: string): string | undefined {
    try {
      return this.resolve(target);
    } catch {
      return undefined;
    }
  }

  /** Path relative to the root with `/` separators, for messages and output. */
  relative(absolute: string): string {
    return path.relative(this.path, absolute).split(path.sep).join('/');
  }
}
