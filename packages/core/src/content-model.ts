import fs, { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Options as GlobbyOptions, globbySync } from 'globby';
import { compareNumbered, parseNumberedName } from './numbered-name.js';
import type { RepoRoot } from './safe-path.js';

export interface Section {
  /** Absolute path of the note. */
  readonly path: string;
  /** Path relative to the repository root, with `/`. */
  readonly relPath: string;
  /** File name, e.g. `3.GPT-3.5介绍.md`. */
  readonly name: string;
  readonly number: number;
  readonly title: string;
}

export interface Chapter {
  readonly path: string;
  readonly relPath: string;
  /** Folder name, e.g. `1.深度学习基础知识`. */
  readonly name: string;
  readonly number: number;
  readonly title: string;
  readonly sections: readonly Section[];
}

/**
 * Something under the content folder that does not fit the numbered layout:
 * reported by the `content-layout` rule on `file` (a Markdown file), never a
 * reason for a command to stop.
 */
export interface LayoutProblem {
  /** Root-relative path of the Markdown file the problem is reported on. */
  readonly file: string;
  readonly message: string;
}

export interface ContentModel {
  /** Absolute path of the content folder. */
  readonly path: string;
  /** Content folder relative to the repository root (`content`). */
  readonly relPath: string;
  /** False when the content folder does not exist: no chapters, the layout is simply not used. */
  readonly exists: boolean;
  /** The `0.<intro>` folder, when there is one. */
  readonly introChapter: Chapter | undefined;
  /** The introduction note: the first note of the intro folder. */
  readonly intro: Section | undefined;
  /** Every chapter but the introduction, in order. */
  readonly chapters: readonly Chapter[];
  /** Every note, introduction first, in reading order. */
  readonly notes: readonly Section[];
  /** Markdown files inside chapters that do not fit the layout. */
  readonly problems: readonly LayoutProblem[];
}

export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'webp', 'gif', 'svg'] as const;

/** `content/` for a content folder `content`; empty when the content folder is the root. */
function globPrefix(relPath: string): string {
  return relPath === '.' ? '' : `${relPath}/`;
}

/**
 * Globs from the repository root, honouring the `.gitignore` files inside it
 * only: globby's own `gitignore` option also climbs above the root looking for
 * a `.git` folder and the ignore files of an enclosing repository, and nothing
 * may be read outside the root.
 */
export function rootGlobOptions(repo: RepoRoot, relPath = '.'): GlobbyOptions {
  return {
    cwd: repo.path,
    // globby stats entries to apply ignore rules to folders; a symlink to
    // /etc/passwd must not even be stat'ed, so its stat never follows links.
    fs: { ...fs, stat: fs.lstat, statSync: fs.lstatSync },
    ignoreFiles: ['.gitignore', `${globPrefix(relPath)}**/.gitignore`],
    ignore: ['**/node_modules/**'],
    onlyFiles: false,
    markDirectories: true,
    followSymbolicLinks: false,
    dot: false,
  };
}

/**
 * A symlinked chapter folder is not followed by the listing; one that leads
 * outside the repository is an error rather than a silently missing chapter.
 */
function refuseEscapingLinks(repo: RepoRoot, contentPath: string): void {
  for (const entry of readdirSync(contentPath, { withFileTypes: true })) {
    if (entry.isSymbolicLink()) repo.resolve(path.join(contentPath, entry.name));
  }
}

function isFolder(absolute: string): boolean {
  try {
    return statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}

function emptyModel(contentPath: string, relPath: string, exists: boolean): ContentModel {
  return { path: contentPath, relPath, exists, introChapter: undefined, intro: undefined, chapters: [], notes: [], problems: [] };
}

/**
 * Reads the numbered layout under the content folder, honouring `.gitignore`:
 * chapters are the folders directly under it named `<n>.<title>` (the one
 * numbered 0 is the introduction), sections the `<m>.<title>.md` files
 * directly in a chapter. Anything else (assets, site folders, a README per
 * folder) is simply not part of the layout; a Markdown file in a chapter that
 * is not numbered becomes a layout problem. A missing content folder gives an
 * empty model: the layout is only used where it exists. Order never depends on
 * the file system or locale.
 */
export function discoverContent(repo: RepoRoot, contentDir: string): ContentModel {
  const contentPath = repo.resolve(contentDir);
  const relPath = repo.relative(contentPath) || '.';
  if (!existsSync(contentPath) || !isFolder(contentPath)) return emptyModel(contentPath, relPath, false);

  refuseEscapingLinks(repo, contentPath);
  const prefix = globPrefix(relPath);
  const entries = globbySync([`${prefix}*/`, `${prefix}*/*.md`], rootGlobOptions(repo, relPath)).map((entry) => entry.slice(prefix.length));
  const notesByChapter = new Map<string, string[]>();
  for (const entry of entries) {
    // Folders come back with a trailing `/`; a folder named like a note is not a note.
    if (entry.indexOf('/') < entry.length - 1 && entry.endsWith('/')) continue;
    const [chapter, note] = entry.replace(/\/$/u, '').split('/');
    if (chapter === undefined || !parseNumberedName(chapter)) continue;
    const list = notesByChapter.get(chapter) ?? [];
    if (note !== undefined) list.push(note);
    notesByChapter.set(chapter, list);
  }

  const problems: LayoutProblem[] = [];
  const chapters: Chapter[] = [];
  for (const [name, noteNames] of notesByChapter) {
    const chapterPath = path.join(contentPath, name);
    const chapterRel = repo.relative(chapterPath);
    const sections: Section[] = [];
    for (const noteName of noteNames) {
      const absolute = path.join(chapterPath, noteName);
      const noteRel = repo.relative(absolute);
      const parsed = parseNumberedName(noteName);
      if (!parsed) {
        if (noteName.toLowerCase() !== 'readme.md') {
          problems.push({
            file: noteRel,
            message: `Note \`${noteName}\` in chapter \`${name}\` has no number; expected a name like \`1.${noteName}\` (or move it out of the chapter)`,
          });
        }
        continue;
      }
      sections.push({ path: absolute, relPath: noteRel, name: noteName, number: parsed.number, title: parsed.title });
    }
    sections.sort(compareNumbered);
    for (let index = 1; index < sections.length; index++) {
      const previous = sections[index - 1];
      const current = sections[index];
      if (previous && current && previous.number === current.number) {
        problems.push({ file: current.relPath, message: `Note \`${current.name}\` has the same number ${current.number} as \`${previous.name}\`; expected a number of its own` });
      }
    }
    const { number, title } = parseNumberedName(name) ?? { number: 0, title: name };
    chapters.push({ path: chapterPath, relPath: chapterRel, name, number, title, sections });
  }
  chapters.sort(compareNumbered);

  const introChapter = chapters[0]?.number === 0 ? chapters[0] : undefined;
  const bodyChapters = introChapter ? chapters.slice(1) : chapters;
  const notes = chapters.flatMap((chapter) => chapter.sections);
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    path: contentPath,
    relPath,
    exists: true,
    introChapter,
    intro: introChapter?.sections[0],
    chapters: bodyChapters,
    notes,
    problems,
  };
}

/**
 * Every file under the content folder as the layout reading sees it
 * (repository-relative paths, sorted by code point): `.gitignore` honoured,
 * never `node_modules` or hidden folders, symbolic links listed, not followed.
 * With `--content .` that is the repository without its ignored folders.
 */
export function listContentFiles(repo: RepoRoot, content: Pick<ContentModel, 'exists' | 'relPath'>): string[] {
  if (!content.exists) return [];
  return globbySync(`${globPrefix(content.relPath)}**`, { ...rootGlobOptions(repo, content.relPath), onlyFiles: true, markDirectories: false })
    .filter((entry) => !entry.endsWith('/'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Every image file under the content folder (repository-relative paths, sorted). */
export function listContentImages(repo: RepoRoot, content: ContentModel): string[] {
  if (!content.exists) return [];
  const pattern = `${globPrefix(content.relPath)}**/*.{${IMAGE_EXTENSIONS.join(',')}}`;
  return globbySync(pattern, { ...rootGlobOptions(repo, content.relPath), onlyFiles: true, caseSensitiveMatch: false }).sort();
}
