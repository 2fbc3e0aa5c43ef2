import { execFileSync } from 'node:child_process';
import { type LinkEnv, memo } from './link-env.js';

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
  return memo(env, 'git-tracked', () => {
    let output: string;
    try {
      output = execFileSync('git', ['ls-files', '-z', '--cached'], {
        cwd: env.repo.path,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch {
      return undefined;
    }
    const files = new Set<string>();
    const folders = new Set<string>(['']);
    for (const entry of output.split('\0')) {
      if (!entry) continue;
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
