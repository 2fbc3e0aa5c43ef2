import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../atomic-write.js';
import { gitListFiles } from '../git-ls-files.js';
import { MAX_NOTE_BYTES } from '../note-limits.js';
import { readRegularFile } from '../regular-file.js';
import type { RepoRoot } from '../safe-path.js';
import { walkTree } from '../walk-tree.js';
import type { StoredMessage } from './messages.js';
import type { RunRecord } from './replay.js';

/** The lint cache, relative to the repository root (`.cache/` is git-ignored). */
export const LINT_CACHE_FILE = '.cache/lint-cache.json';

export interface CacheEntry {
  /** Digest of the file's bytes. */
  readonly hash: string;
  readonly factsDigest: string;
  readonly messages: StoredMessage[];
  /** Facts the after-files phases collect, by id. */
  readonly collected?: Record<string, unknown>;
}

export interface LintCache {
  readonly format: 2;
  /** Tool build, config and enabled rules: any change drops every entry. */
  readonly runKey: string;
  /** What the findings were computed against, as the enabled rules declare it (file names, git index, every file's facts). */
  readonly world: string;
  readonly entries: Record<string, CacheEntry>;
  /** The last full run as a whole, so an unchanged repository replays it without loading the rules (see `replay.ts`). */
  readonly lastRun?: RunRecord;
}

function sha1(data: string | Uint8Array): string {
  return createHash('sha1').update(data).digest('base64');
}

export function contentHash(bytes: Uint8Array): string {
  return sha1(bytes);
}

/**
 * Identifies the tool build: the name, size and modification time of every
 * file of the code that runs (the bundle and its package.json when the CLI
 * runs from it, else the compiled files of every workspace package and the
 * dependency lock file), so a rebuilt rule never reuses findings of the old
 * code. File stats rather than bytes: this runs at every start, and reading
 * megabytes of code each time would cost more than a rebuild's cold cache.
 */
function toolBuild(): string {
  if (toolBuildId !== undefined) return toolBuildId;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const bundled = path.basename(here) === 'bundle';
  // Compiled: packages/core/dist/engine/cache.js.
  const packages = bundled ? path.dirname(here) : path.resolve(here, '../../..');
  const hash = createHash('sha1');
  const add = (file: string) => {
    try {
      const stats = statSync(file);
      hash.update(`${path.relative(packages, file)}\0${stats.size}\0${stats.mtimeMs}\n`);
    } catch {
      hash.update(`${path.relative(packages, file)}\0missing\n`);
    }
  };
  const walk = (folder: string) => {
    for (const { absolute, entry } of walkTree(folder, { tolerant: true })) {
      if (!entry.isDirectory() && entry.name.endsWith('.js')) add(absolute);
    }
  };
  if (bundled) {
    walk(here);
    add(path.join(packages, 'package.json'));
  } else {
    for (const name of readdirSync(packages).sort()) walk(path.join(packages, name, 'dist'));
    add(path.join(packages, '..', 'pnpm-lock.yaml'));
  }
  toolBuildId = hash.digest('base64');
  return toolBuildId;
}

let toolBuildId: string | undefined;

export function runKey(parts: unknown): string {
  return sha1(JSON.stringify([toolBuild(), parts]));
}

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '.cache']);

/** Every path name under the root (what a link may point to). */
export function fileTreeDigest(root: string): string {
  return treeDigests(root).names;
}

export interface TreeDigests {
  /** Every path name under the root (what a link may point to). */
  readonly names: string;
  /**
   * The names and the bytes of every `.gitignore` file: what the content
   * model and the content's file listings (images…) are read from.
   */
  readonly layout: string;
}

/** Both digests of the tree, from one walk. */
export function treeDigests(root: string): TreeDigests {
  const names = createHash('sha1');
  const layout = createHash('sha1');
  for (const { relative, absolute, entry } of walkTree(root, { tolerant: true, skip: (skipped) => SKIPPED_FOLDERS.has(skipped.name) })) {
    names.update(`${relative}\n`);
    layout.update(`${relative}\n`);
    if (entry.name === '.gitignore' && entry.isFile()) {
      let bytes: Uint8Array | string;
      try {
        bytes = readRegularFile(absolute, relative, { maxBytes: MAX_NOTE_BYTES });
      } catch {
        bytes = 'unreadable';
      }
      layout.update(`\0${sha1(bytes)}\n`);
    }
  }
  return { names: names.digest('base64'), layout: layout.digest('base64') };
}

/** Digest of a note's bytes as the cache keeps it; undefined when it cannot be read. */
export function fileHash(repo: RepoRoot, target: string): string | undefined {
  try {
    return contentHash(readRegularFile(repo.resolve(target), target, { maxBytes: MAX_NOTE_BYTES }));
  } catch {
    return undefined;
  }
}

/**
 * `fileHash` of each target, checking each folder once: a target's folder is
 * resolved inside the root (as `RepoRoot.resolve` does, symlinks and all)
 * the first time it is met, and the file itself is opened without following
 * a symlink; a target that is a symlink takes the full `fileHash` way. Runs
 * at every start over every note, where resolving each path anew was half
 * the time.
 */
export function fileHashes(repo: RepoRoot, targets: readonly string[]): Map<string, string | undefined> {
  const folders = new Map<string, string | undefined>();
  const hashes = new Map<string, string | undefined>();
  for (const target of targets) {
    const slash = target.lastIndexOf('/');
    const folder = slash === -1 ? '' : target.slice(0, slash);
    if (!folders.has(folder)) folders.set(folder, folder === '' ? repo.path : repo.tryResolve(folder));
    const resolved = folders.get(folder);
    let hash: string | undefined;
    if (resolved !== undefined && !target.includes('\\') && !target.split('/').some((part) => part === '..' || part === '.' || part === '')) {
      try {
        hash = contentHash(readRegularFile(path.join(resolved, target.slice(slash + 1)), target, { maxBytes: MAX_NOTE_BYTES, noFollow: true }));
      } catch {
        hash = fileHash(repo, target);
      }
    } else {
      hash = fileHash(repo, target);
    }
    hashes.set(target, hash);
  }
  return hashes;
}

/** Git's index: which files are tracked. */
export function gitIndexDigest(root: string): string {
  return sha1(gitListFiles(root, ['--cached'])?.join('\0') ?? 'no git');
}

export function worldDigest(state: string, digests: ReadonlyMap<string, string>): string {
  const hash = createHash('sha1').update(state);
  for (const key of [...digests.keys()].sort()) hash.update(`\n${key}\0${digests.get(key)}`);
  return hash.digest('base64');
}

/** The lint cache is ours, but a FIFO or huge file at its path is still never read. */
const MAX_LINT_CACHE_BYTES = 1024 * 1024 * 1024;

/** The lint cache as stored, whichever rules wrote it; undefined when absent, unreadable or of another format. */
export function readLintCache(repo: RepoRoot): LintCache | undefined {
  try {
    const cache = JSON.parse(readRegularFile(repo.resolve(LINT_CACHE_FILE), LINT_CACHE_FILE, { maxBytes: MAX_LINT_CACHE_BYTES }).toString('utf8')) as LintCache;
    return cache !== null && typeof cache === 'object' && cache.format === 2 && typeof cache.entries === 'object' && cache.entries !== null ? cache : undefined;
  } catch {
    return undefined;
  }
}

function wellFormed(entry: unknown): entry is CacheEntry {
  if (entry === null || typeof entry !== 'object') return false;
  const { hash, factsDigest, messages, collected } = entry as Partial<CacheEntry>;
  return (
    typeof hash === 'string' &&
    typeof factsDigest === 'string' &&
    Array.isArray(messages) &&
    messages.every((message) => message !== null && typeof message === 'object' && typeof message.reason === 'string') &&
    (collected === undefined || (collected !== null && typeof collected === 'object'))
  );
}

/** The cache written with `key`, its damaged entries left out (those files are linted again). */
export function loadLintCache(repo: RepoRoot, key: string): LintCache | undefined {
  const cache = readLintCache(repo);
  if (cache?.runKey !== key) return undefined;
  const entries: Record<string, CacheEntry> = {};
  for (const [target, entry] of Object.entries(cache.entries)) if (target !== '__proto__' && wellFormed(entry)) entries[target] = entry;
  return { ...cache, entries };
}

/** Writes the cache atomically; a cache that cannot be written only costs speed next time. */
export function saveLintCache(repo: RepoRoot, cache: LintCache): void {
  try {
    const target = repo.resolve(LINT_CACHE_FILE);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileAtomic(target, JSON.stringify(cache), { root: repo.path });
  } catch {
    // Read-only checkout: lint still works, uncached.
  }
}
