import { execFileSync } from 'node:child_process';

/** Lines added or changed per file (root-relative paths); `'all'` for a file that is new. */
export type ChangedLines = Map<string, Set<number> | 'all'>;

function git(root: string, args: string[]): string {
  return execFileSync('git', ['-c', 'core.quotePath=false', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A ref as git would name it: no option-like start, no control characters, no `..` ranges. */
const SAFE_REF = /^(?!-)(?!.*\.\.)[^\0-\x20\x7f~^:?*[\\]+(?:[~^]\d*)*$/u;

/**
 * The commit `ref` names, or an error saying the ref is invalid or unknown.
 * The ref never reaches git where it could be read as an option (`--output=…`).
 */
export function resolveCommit(root: string, ref: string): string {
  if (!SAFE_REF.test(ref)) throw new InvalidRefError(`\`${ref.slice(0, 80)}\` is not a valid git ref`);
  try {
    return git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).trim();
  } catch {
    throw new InvalidRefError(`unknown git ref \`${ref}\``);
  }
}

export class InvalidRefError extends Error {
  override readonly name = 'InvalidRefError';
}

/**
 * What changed between `ref` and the working tree (staged or not), from
 * `git diff -U0`, plus untracked files. Throws when `ref` is unknown.
 */
export function changedLinesSince(root: string, ref: string): ChangedLines {
  const commit = resolveCommit(root, ref);
  const changed: ChangedLines = new Map();
  const diff = git(root, ['diff', '--unified=0', '--no-color', '--no-ext-diff', '--no-renames', commit, '--']);
  let current: string | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      current = line === '+++ /dev/null' ? undefined : line.slice(6);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/u.exec(line);
    if (!hunk || current === undefined) continue;
    const start = Number(hunk[1]);
    const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
    const lines = changed.get(current);
    const set = lines instanceof Set ? lines : new Set<number>();
    for (let offset = 0; offset < count; offset++) set.add(start + offset);
    if (lines !== 'all') changed.set(current, set);
  }
  for (const file of git(root, ['ls-files', '--others', '--exclude-standard', '-z']).split('\0')) if (file) changed.set(file, 'all');
  return changed;
}
