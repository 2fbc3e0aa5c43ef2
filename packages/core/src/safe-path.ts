import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { UserError } from './errors.js';

/** True when `target` is `root` itself or lies below it (both absolute). */
export function isWithin(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Symlinks followed on one path before it counts as a loop (as the kernel's ELOOP). */
const MAX_SYMLINK_HOPS = 40;

/**
 * Resolves `absolute` (lexically inside `realRoot`) through its symlinks one
 * component at a time with lstat and readlink, never following a link before
 * its target is known to stay inside the root: nothing outside is touched,
 * not even with stat. A missing tail (a file about to be written) is kept.
 * Throws a UserError naming `shown` for an escape or a loop.
 */
export function resolveInsideRoot(realRoot: string, absolute: string, shown: string, aliasRoot: string = realRoot): string {
  const pending = path.relative(realRoot, absolute).split(path.sep).filter((part) => part !== '' && part !== '.');
  let current = realRoot;
  let hops = 0;
  while (pending.length > 0) {
    const part = pending.shift() as string;
    if (part === '..') {
      current = path.dirname(current);
      if (!isWithin(realRoot, current)) throw new UserError('path leads outside the repository root (through a symlink)', { file: shown });
      continue;
    }
    const candidate = path.join(current, part);
    let stats;
    try {
      stats = lstatSync(candidate);
    } catch {
      // Does not exist (yet): the rest cannot hold symlinks.
      const rest = path.join(candidate, ...pending);
      if (!isWithin(realRoot, rest)) throw new UserError('path leads outside the repository root (through a symlink)', { file: shown });
      return rest;
    }
    if (!stats.isSymbolicLink()) {
      current = candidate;
      continue;
    }
    if (++hops > MAX_SYMLINK_HOPS) throw new UserError('symlink loop (too many levels of symbolic links)', { file: shown });
    const target = readlinkSync(candidate);
    if (path.isAbsolute(target)) {
      // Judged lexically, before anything at the target is touched.
      const lexical = path.resolve(target);
      const inside = isWithin(realRoot, lexical) ? realRoot : isWithin(aliasRoot, lexical) ? aliasRoot : undefined;
      if (inside === undefined) throw new UserError('path leads outside the repository root (through a symlink)', { file: shown });
      pending.unshift(...path.relative(inside, lexical).split(path.sep).filter(Boolean));
      current = realRoot;
      continue;
    }
    pending.unshift(...target.split(path.sep).filter((piece) => piece !== '' && piece !== '.'));
  }
  return current;
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
    const lexical = isWithin(this.realPath, absolute) ? absolute : path.join(this.realPath, path.relative(this.path, absolute));
    resolveInsideRoot(this.realPath, lexical, shown, this.path);
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
