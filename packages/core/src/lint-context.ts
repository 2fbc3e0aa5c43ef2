import type { VFile } from 'vfile';
import type { Config } from './config/schema.js';
import type { ContentModel } from './content-model.js';
import path from 'node:path';
import { RepoRoot } from './safe-path.js';
import type { DecodedText } from './text-file.js';

/**
 * What a rule may know beyond its own file: the repository, its content and
 * config, and the one home of data shared by all files of a run (`cache`:
 * anchors of other notes, validated formulas, stores the engine opened…). Rules used outside this toolchain get none and must
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

/** A value computed once per run and shared by every file, keyed by `key` (prefixed with the rule package's name). */
export function cached<T>(context: LintContext | Map<string, unknown>, key: string, compute: () => T): T {
  const data = context instanceof Map ? context : context.cache;
  if (data.has(key)) return data.get(key) as T;
  const value = compute();
  data.set(key, value);
  return value;
}

// Outside the toolchain (a rule used as a plain remark-lint plugin) there is no
// run context: one shared-data map per process and root stands in for it.
const standaloneData = new Map<string, { repo: RepoRoot; cache: Map<string, unknown> }>();

/**
 * The data shared by every file of the run: the run context's `cache` inside
 * the toolchain, else the stand-in of the file's root (its working
 * directory). Undefined when that root cannot be opened.
 */
export function sharedDataOf(file: VFile): { readonly repo: RepoRoot; readonly cache: Map<string, unknown> } | undefined {
  const context = getLintContext(file);
  if (context) return context;
  const root = path.resolve(file.cwd);
  let entry = standaloneData.get(root);
  if (!entry) {
    try {
      entry = { repo: new RepoRoot(root), cache: new Map() };
    } catch {
      return undefined;
    }
    standaloneData.set(root, entry);
  }
  return entry;
}
