import path from 'node:path';
import { type LintContext, type LinkOptions, RepoRoot, getLintContext } from '@llm-notes/core';
import type { VFile } from 'vfile';

/** Where a link rule runs: the note, the repository root and a per-run cache. */
export interface LinkEnv {
  readonly repo: RepoRoot;
  /** Absolute path of the note being linted. */
  readonly notePath: string;
  readonly cache: Map<string, unknown>;
  /** Present inside this toolchain only. */
  readonly context: LintContext | undefined;
  readonly options: LinkOptions | undefined;
}

// Outside the toolchain (plain remark-cli) there is no run context: one cache per
// process and root stands in for it, and the working directory is the root.
const standaloneCaches = new Map<string, { repo: RepoRoot; cache: Map<string, unknown> }>();

function standalone(root: string): { repo: RepoRoot; cache: Map<string, unknown> } | undefined {
  let entry = standaloneCaches.get(root);
  if (!entry) {
    try {
      entry = { repo: new RepoRoot(root), cache: new Map() };
    } catch {
      return undefined;
    }
    standaloneCaches.set(root, entry);
  }
  return entry;
}

/** The environment of `file`, or undefined when the file has no path (stdin): rules stay silent. */
export function linkEnv(file: VFile): LinkEnv | undefined {
  if (!file.path) return undefined;
  const context = getLintContext(file);
  if (context) {
    return { repo: context.repo, notePath: path.resolve(context.repo.path, file.path), cache: context.cache, context, options: context.config.links };
  }
  const fallback = standalone(path.resolve(file.cwd));
  if (!fallback) return undefined;
  return { ...fallback, notePath: path.resolve(file.cwd, file.path), context: undefined, options: undefined };
}

/** Per-run memo in the environment's cache (the context's cache inside the toolchain). */
export function memo<T>(env: LinkEnv, key: string, compute: () => T): T {
  const full = `lint-links:${key}`;
  if (env.cache.has(full)) return env.cache.get(full) as T;
  const value = compute();
  env.cache.set(full, value);
  return value;
}
