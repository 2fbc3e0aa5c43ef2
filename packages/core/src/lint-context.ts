import type { VFile } from 'vfile';
import type { Config } from './config/schema.js';
import type { ContentModel } from './content-model.js';
import type { RepoRoot } from './safe-path.js';
import type { DecodedText } from './text-file.js';

/**
 * What a rule may know beyond its own file: the repository, its content and
 * config, and a per-run cache shared by all files (anchors of other notes,
 * validated formulas…). Rules used outside this toolchain get none and must
 * cope (`getLintContext` returns undefined).
 */
export interface LintContext {
  readonly repo: RepoRoot;
  readonly config: Config;
  readonly content: ContentModel | undefined;
  readonly cache: Map<string, unknown>;
}

declare module 'vfile' {
  interface DataMap {
    lintContext: LintContext;
    decoded: DecodedText;
  }
}

export function getLintContext(file: VFile): LintContext | undefined {
  return file.data.lintContext;
}

/** A value computed once per run and shared by every file, keyed by `key`. */
export function cached<T>(context: LintContext, key: string, compute: () => T): T {
  if (context.cache.has(key)) return context.cache.get(key) as T;
  const value = compute();
  context.cache.set(key, value);
  return value;
}
