import { cached, gitListFiles } from '@llm-notes/core';
import type { LinkEnv } from './link-env.js';

export interface TrackedFiles {
  readonly files: ReadonlySet<string>;
  /** Folders holding at least one tracked file (a folder link works when it has one). */
  readonly folders: ReadonlySet<string>;
}

/**
 * Paths (relative to the root, NFC) git tracks, from one `git ls-files` per run;
 * undefined when the root is not in a git checkout or git is missing, so the
 * untracked rule stays silent.
 */
export function trackedFiles(env: LinkEnv): TrackedFiles | undefined {
  return cached(env.cache, 'lint-links:git-tracked', () => {
    const listed = gitListFiles(env.repo.path, ['--cached']);
    if (!listed) return undefined;
    const files = new Set<string>();
    const folders = new Set<string>(['']);
    for (const entry of listed) {
      const name = entry.normalize('NFC');
      files.add(name);
      for (let slash = name.lastIndexOf('/'); slash > 0; slash = name.lastIndexOf('/', slash - 1)) {
        const folder = name.slice(0, slash);
        if (folders.has(folder)) break;
        folders.add(folder);
      }
    }
    return { files, folders };
  });
}
