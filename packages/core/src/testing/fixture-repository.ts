import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A copy of a rule's fixture folder as a git repository in a temp folder:
 * every file tracked but `*.untracked.*`, and `gitignore` renamed to
 * `.gitignore`. `remove` deletes it.
 */
export function materializeFixtures(folder: string): { root: string; remove: () => void } {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'llm-notes-rule-fixtures-'));
  const root = path.join(parent, path.basename(folder));
  cpSync(folder, root, { recursive: true });
  if (existsSync(path.join(root, 'gitignore'))) renameSync(path.join(root, 'gitignore'), path.join(root, '.gitignore'));
  execFileSync('git', ['init', '-q'], { cwd: root });
  execFileSync('git', ['add', '-A', '--', '.', ':(exclude)*.untracked.*'], { cwd: root });
  return { root, remove: () => rmSync(parent, { recursive: true, force: true }) };
}
