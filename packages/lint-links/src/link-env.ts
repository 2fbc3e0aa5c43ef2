import path from 'node:path';
import { type LintContext, type LinkOptions, type RepoRoot, getLintContext, sharedDataOf } from '@llm-notes/core';
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

/** The environment of `file`, or undefined when the file has no path (stdin): rules stay silent. */
export function linkEnv(file: VFile): LinkEnv | undefined {
  if (!file.path) return undefined;
  const context = getLintContext(file);
  if (context) {
    return { repo: context.repo, notePath: path.resolve(context.repo.path, file.path), cache: context.cache, context, options: context.config.links };
  }
  // Outside the toolchain (plain remark-lint): the stand-in shared data of the file's root.
  const fallback = sharedDataOf(file);
  if (!fallback) return undefined;
  return { repo: fallback.repo, cache: fallback.cache, notePath: path.resolve(file.cwd, file.path), context: undefined, options: undefined };
}

