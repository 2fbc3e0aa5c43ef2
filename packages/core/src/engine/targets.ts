import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/schema.js';
import type { ContentModel } from '../content-model.js';
import { UserError } from '../errors.js';
import { listMarkdownFiles } from '../markdown-files.js';
import type { RepoRoot } from '../safe-path.js';

/** The repository a lint run works on (a command's context satisfies it). */
export interface LintSession {
  readonly repo: RepoRoot;
  readonly config: Config;
  /** Content folder relative to the root. */
  readonly contentDir: string;
  /** Discovers the content (throws a UserError on a malformed content folder). */
  loadContent(): ContentModel;
}

/**
 * The Markdown files a run looks at: every Markdown file of the repository
 * (tracked by git, or not ignored outside git; never `node_modules`; minus
 * config `exclude` and the README's header and footer files), or, given
 * paths (relative to `cwd`), those files and the Markdown files inside those folders.
 */
export function lintTargets(session: LintSession, paths: readonly string[], cwd: string = process.cwd()): string[] {
  // The README's hand-written header and footer files are linted as part of the README, whose links they share.
  const { headerFile, footerFile } = session.config.readme;
  const fragments = [headerFile, footerFile].flatMap((file) => (file === null ? [] : [session.repo.relative(session.repo.resolve(file))]));
  const all = listMarkdownFiles(session.repo, session.config.exclude).filter((file) => !fragments.includes(file));
  if (paths.length === 0) return all;
  const targets: string[] = [];
  for (const given of paths) {
    const absolute = session.repo.resolve(path.resolve(cwd, given));
    if (!existsSync(absolute)) throw new UserError('no such file', { file: given });
    if (statSync(absolute).isDirectory()) {
      const folder = session.repo.relative(absolute);
      targets.push(...(folder === '' ? all : all.filter((file) => file.startsWith(`${folder}/`))));
    } else {
      const relative = session.repo.relative(absolute);
      // Dependencies are never linted nor fixed, even when named.
      if (!relative.split('/').includes('node_modules')) targets.push(relative);
    }
  }
  return [...new Set(targets)];
}
