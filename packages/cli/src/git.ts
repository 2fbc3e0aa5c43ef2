import { spawnSync } from 'node:child_process';
import { UserError } from '@llm-notes/core';

/** Runs git in `cwd`; throws a UserError with git's own message on failure. */
export function git(cwd: string, args: readonly string[]): string {
  const result = spawnSync('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new UserError(`cannot run git: ${result.error.message}`);
  if (result.status !== 0) throw new UserError(`git ${args[0] ?? ''} failed: ${result.stderr.trim()}`);
  return result.stdout;
}

/** Paths (relative to the root, `/`) staged for the next commit, deletions included. */
export function stagedPaths(root: string): string[] {
  return git(root, ['diff', '--cached', '--name-only', '--diff-filter=ACMRD', '-z']).split('\0').filter(Boolean);
}
