import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Renames what the fixture's `decomposed-names.txt` lists (one path a line,
 * `#` comments) to its decomposed Unicode form (NFD), as macOS often names
 * files; the repository itself keeps only NFC names, which check out alike
 * everywhere.
 */
function decomposeNames(root: string): void {
  const list = path.join(root, 'decomposed-names.txt');
  if (!existsSync(list)) return;
  for (const line of readFileSync(list, 'utf8').split('\n')) {
    const name = line.trim();
    if (name === '' || name.startsWith('#')) continue;
    const from = path.join(root, name);
    const to = path.join(path.dirname(from), path.basename(name).normalize('NFD'));
    if (to === from) throw new Error(`${name} has no decomposed form`);
    renameSync(from, to);
  }
}

/**
 * A copy of a rule's fixture folder as a git repository in a temp folder:
 * every file tracked but `*.untracked.*`, `gitignore` renamed to
 * `.gitignore`, and what `decomposed-names.txt` lists renamed to NFD.
 * `remove` deletes it.
 */
export function materializeFixtures(folder: string): { root: string; remove: () => void } {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'llm-notes-rule-fixtures-'));
  const root = path.join(parent, path.basename(folder));
  cpSync(folder, root, { recursive: true });
  if (existsSync(path.join(root, 'gitignore'))) renameSync(path.join(root, 'gitignore'), path.join(root, '.gitignore'));
  decomposeNames(root);
  execFileSync('git', ['init', '-q'], { cwd: root });
  execFileSync('git', ['add', '-A', '--', '.', ':(exclude)*.untracked.*'], { cwd: root });
  return { root, remove: () => rmSync(parent, { recursive: true, force: true }) };
}
