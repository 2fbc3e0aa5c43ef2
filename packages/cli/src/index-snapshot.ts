import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, linkSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '@llm-notes/core';

/** One stage-0 entry of the git index. */
export interface IndexEntry {
  readonly mode: string;
  readonly sha: string;
  /** Relative to the root, `/`-separated. */
  readonly path: string;
}

/**
 * The environment for git commands about the repository at `root`: a
 * relative `GIT_INDEX_FILE` or `GIT_DIR` (git hands hooks `.git/index`, and
 * the partial-commit index of `git commit <paths>`) made absolute, so that
 * git run from another folder still reads the index being committed.
 */
export function gitEnvironment(root: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const fixed: NodeJS.ProcessEnv = { ...env };
  for (const key of ['GIT_INDEX_FILE', 'GIT_DIR', 'GIT_WORK_TREE', 'GIT_OBJECT_DIRECTORY'] as const) {
    const value = fixed[key];
    if (value !== undefined && value !== '' && !path.isAbsolute(value)) fixed[key] = path.resolve(root, value);
  }
  return fixed;
}

export interface GitRunner {
  (args: readonly string[], input?: string | Buffer): Buffer;
}

/** A git runner for `root`: throws a UserError with git's message on failure. */
export function gitRunner(root: string, env: NodeJS.ProcessEnv): GitRunner {
  return (args, input) => {
    const result = spawnSync('git', ['-c', 'core.quotePath=false', ...args], {
      cwd: root,
      env,
      input,
      maxBuffer: 1024 * 1024 * 1024,
    });
    if (result.error) throw new UserError(`cannot run git: ${result.error.message}`);
    if (result.status !== 0) throw new UserError(`git ${args[0] ?? ''} failed: ${result.stderr.toString('utf8').trim()}`);
    return result.stdout;
  };
}

function splitNul(output: Buffer): string[] {
  return output.toString('utf8').split('\0').filter(Boolean);
}

/** The index as git would commit it (stage 0 only; a conflicted index stops the commit before the hook). */
export function readIndex(git: GitRunner): IndexEntry[] {
  const entries: IndexEntry[] = [];
  for (const record of splitNul(git(['ls-files', '--stage', '-z']))) {
    const tab = record.indexOf('\t');
    const [mode, sha, stage] = record.slice(0, tab).split(' ');
    if (stage !== '0' || mode === undefined || sha === undefined) continue;
    entries.push({ mode, sha, path: record.slice(tab + 1) });
  }
  return entries;
}

/** Paths whose working-tree file differs from the index (or is gone). */
export function unstagedPaths(git: GitRunner): Set<string> {
  return new Set(splitNul(git(['diff-files', '--name-only', '-z'])));
}

/** Staged changes against HEAD (every index entry is an addition before the first commit), with their status letter. */
export function stagedChanges(git: GitRunner): { status: string; path: string }[] {
  try {
    git(['rev-parse', '--verify', '--quiet', 'HEAD']);
  } catch {
    return readIndex(git).map((entry) => ({ status: 'A', path: entry.path }));
  }
  const fields = splitNul(git(['diff-index', '--cached', '--name-status', '--no-renames', '-z', 'HEAD']));
  const changes: { status: string; path: string }[] = [];
  for (let index = 0; index + 1 < fields.length; index += 2) changes.push({ status: fields[index]!.charAt(0), path: fields[index + 1]! });
  return changes;
}

/** The contents of blobs, by SHA, in one `git cat-file --batch`. */
export function readBlobs(git: GitRunner, shas: readonly string[]): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  const unique = [...new Set(shas)];
  if (unique.length === 0) return blobs;
  const output = git(['cat-file', '--batch'], `${unique.join('\n')}\n`);
  let offset = 0;
  for (const sha of unique) {
    const newline = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, newline).toString('utf8');
    const [, type, size] = header.split(' ');
    if (type === undefined || size === undefined) throw new UserError(`git cat-file: unexpected answer \`${header}\``);
    const start = newline + 1;
    blobs.set(sha, output.subarray(start, start + Number(size)));
    offset = start + Number(size) + 1;
  }
  return blobs;
}

/** Writes a blob into git's object store; returns its SHA. */
export function writeBlob(git: GitRunner, bytes: Buffer, relPath: string): string {
  return git(['hash-object', '-w', '--stdin', `--path=${relPath}`], bytes).toString('utf8').trim();
}

/** Puts `sha` into the index at `relPath` (a regular file). */
export function stageBlob(git: GitRunner, sha: string, relPath: string): void {
  git(['update-index', '--add', '--cacheinfo', `100644,${sha},${relPath}`]);
}

export interface Snapshot {
  /** A folder holding every file of the index, as it will be committed. */
  readonly root: string;
  readonly entries: ReadonlyMap<string, IndexEntry>;
  /** The environment under which git, run inside the snapshot, sees the real repository and its index. */
  readonly env: NodeJS.ProcessEnv;
  dispose(): void;
}

/**
 * Materializes the index in a private folder inside git's own directory:
 * files whose working-tree copy equals the staged one are hard-linked (or
 * copied across devices), the others written from their blobs. Nothing in
 * the working tree is touched. Dispose of it when done.
 */
export function snapshotIndex(root: string, git: GitRunner, env: NodeJS.ProcessEnv): Snapshot {
  const gitDir = git(['rev-parse', '--absolute-git-dir']).toString('utf8').trim();
  const folder = path.join(gitDir, `llm-notes-index-${process.pid}-${randomBytes(4).toString('hex')}`);
  const entries = readIndex(git);
  const unstaged = unstagedPaths(git);
  const fromBlobs = entries.filter((entry) => entry.mode !== '160000' && (entry.mode === '120000' || unstaged.has(entry.path)));
  const blobs = readBlobs(git, fromBlobs.map((entry) => entry.sha));
  const made = new Set<string>();
  const ensureFolder = (folderPath: string) => {
    if (made.has(folderPath)) return;
    mkdirSync(folderPath, { recursive: true });
    made.add(folderPath);
  };
  try {
    ensureFolder(folder);
    for (const entry of entries) {
      const target = path.join(folder, ...entry.path.split('/'));
      ensureFolder(path.dirname(target));
      if (entry.mode === '160000') {
        ensureFolder(target);
      } else if (entry.mode === '120000') {
        symlinkSync(blobs.get(entry.sha)!.toString('utf8'), target);
      } else if (unstaged.has(entry.path)) {
        writeFileSync(target, blobs.get(entry.sha)!);
      } else {
        const source = path.join(root, ...entry.path.split('/'));
        try {
          linkSync(source, target);
        } catch {
          copyFileSync(source, target);
        }
      }
    }
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  const snapshotEnv: NodeJS.ProcessEnv = { ...env, GIT_DIR: gitDir, GIT_WORK_TREE: folder };
  return {
    root: folder,
    entries: new Map(entries.map((entry) => [entry.path, entry])),
    env: snapshotEnv,
    dispose: () => rmSync(folder, { recursive: true, force: true }),
  };
}
