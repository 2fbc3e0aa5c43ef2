import { lstatSync } from 'node:fs';
import path from 'node:path';
import { globbySync } from 'globby';
import picomatch from 'picomatch';
import { rootGlobOptions } from './content-model.js';
import { gitListFiles } from './git-ls-files.js';
import type { RepoRoot } from './safe-path.js';

const MARKDOWN = /\.(md|markdown)$/iu;

function inNodeModules(relPath: string): boolean {
  return relPath.split('/').includes('node_modules');
}

function present(absolute: string): boolean {
  try {
    lstatSync(absolute);
    return true;
  } catch {
    return false;
  }
}

/**
 * Markdown files git knows under the root: tracked ones plus untracked ones
 * that are not ignored (a note written a minute ago is linted before
 * `git add`). Undefined when the root is not inside a git work tree.
 */
function gitMarkdownFiles(root: string): string[] | undefined {
  const listed = gitListFiles(root, ['--cached', '--others', '--exclude-standard']);
  if (!listed) return undefined;
  // A file deleted from the work tree but still in the index is not there to lint;
  // a symbolic link is kept (not followed here) so that reading it reports where it leads.
  return [...new Set(listed.filter((entry) => MARKDOWN.test(entry) && present(path.join(root, entry))))];
}

/**
 * Every Markdown file of the repository, as a default lint run sees it:
 * the files git tracks (outside git, every one the root's `.gitignore` files
 * do not ignore, hidden folders left out), never anything under `node_modules`,
 * minus the `exclude` globs (root-relative, e.g. `docs/drafts/**`).
 * Root-relative paths with `/`, sorted by code point.
 */
export function listMarkdownFiles(repo: RepoRoot, exclude: readonly string[] = []): string[] {
  // Symbolic links are listed too (never followed): reading one then names the file and where it leads.
  const found =
    gitMarkdownFiles(repo.path) ??
    globbySync('**/*.{md,markdown}', { ...rootGlobOptions(repo), caseSensitiveMatch: false }).filter((entry) => !entry.endsWith('/'));
  const excluded = exclude.length === 0 ? () => false : picomatch([...exclude], { dot: true });
  return found
    .filter((file) => !inNodeModules(file) && !excluded(file))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
