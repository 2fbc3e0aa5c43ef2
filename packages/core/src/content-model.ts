import fs, { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { globbySync } from 'globby';
import { UserError } from './errors.js';
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

export interface ContentModel {
  /** Absolute path of the content folder. */
  readonly path: string;
  /** Content folder relative to the repository root (`content`). */
  readonly relPath: string;
  /** The `0.<intro>` folder, when there is one. */
  readonly introChapter: Chapter | undefined;
  /** The introduction note: the first note of the intro folder. */
  readonly intro: Section | undefined;
  /** Every chapter but the introduction, in order. */
  readonly chapters: readonly Chapter[];
  /** Every note, introduction first, in reading order. */
  readonly notes: readonly Section[];
}

export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'webp', 'gif', 'svg'] as const;

function numbered(kind: 'chapter folder' | 'note', name: string, relPath: string) {
  const parsed = parseNumberedName(name);
  if (!parsed) {
    throw new UserError(`${kind} name must start with a number and a dot, like \`1.${name}\``, { file: relPath });
  }
  return parsed;
}

function readSections(repo: RepoRoot, chapterPath: string, entries: readonly string[]): Section[] {
  const sections = entries.map((name) => {
    const absolute = repo.resolve(path.join(chapterPath, name));
    const relPath = repo.relative(absolute);
    let isFolder: boolean;
    try {
      isFolder = statSync(absolute).isDirectory();
    } catch (error) {
      throw new UserError(`cannot read note (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { file: relPath, cause: error });
    }
    if (isFolder) {
      throw new UserError('a note must be a file, but this is a folder', { file: relPath });
    }
    const { number, title } = numbered('note', name, relPath);
    return { path: absolute, relPath, name, number, title };
  });
  return sections.sort(compareNumbered);
}

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
function contentGlobOptions(repo: RepoRoot, relPath: string) {
  return {
    cwd: repo.path,
    // globby stats entries to apply ignore rules to folders; a symlink to
    // /etc/passwd must not even be stat'ed, so its stat never follows links.
    fs: { ...fs, stat: fs.lstat, statSync: fs.lstatSync },
    ignoreFiles: ['.gitignore', `${globPrefix(relPath)}**/.gitignore`],
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

/**
 * Finds the introduction, chapters and sections under the content folder,
 * honouring `.gitignore`. Chapters are the numbered folders directly under it,
 * sections the numbered `.md` files directly in a chapter; the folder numbered
 * 0 is the introduction. Order never depends on the file system or locale.
 */
export function discoverContent(repo: RepoRoot, contentDir: string): ContentModel {
  const contentPath = repo.resolve(contentDir);
  const relPath = repo.relative(contentPath) || '.';
  let isFolder = false;
  try {
    isFolder = statSync(contentPath).isDirectory();
  } catch {
    // Reported below.
  }
  if (!isFolder) throw new UserError('content folder not found', { file: relPath });

  refuseEscapingLinks(repo, contentPath);
  const entries = globbySync([`${globPrefix(relPath)}*/`, `${globPrefix(relPath)}*/*.md`], contentGlobOptions(repo, relPath)).map(
    (entry) => entry.slice(globPrefix(relPath).length),
  );
  const notesByChapter = new Map<string, string[]>();
  for (const entry of entries) {
    // Folders come back with a trailing `/`; a folder named like a note is kept so it gets reported.
    const [chapter, note] = entry.replace(/\/$/u, '').split('/');
    if (chapter === undefined) continue;
    const list = notesByChapter.get(chapter) ?? [];
    if (note !== undefined) list.push(note);
    notesByChapter.set(chapter, list);
  }

  const chapters: Chapter[] = [...notesByChapter.entries()].map(([name, noteNames]) => {
    const chapterPath = path.join(contentPath, name);
    const chapterRel = repo.relative(chapterPath);
    const { number, title } = numbered('chapter folder', name, chapterRel);
    return { path: chapterPath, relPath: chapterRel, name, number, title, sections: readSections(repo, chapterPath, noteNames) };
  });
  chapters.sort(compareNumbered);

  const introChapter = chapters[0]?.number === 0 ? chapters[0] : undefined;
  const bodyChapters = introChapter ? chapters.slice(1) : chapters;
  const notes = chapters.flatMap((chapter) => chapter.sections);
  if (notes.length === 0) {
    throw new UserError('content folder has no notes (expected `<n>.<chapter>/<m>.<section>.md` files)', { file: relPath });
  }
  return {
    path: contentPath,
    relPath,
    introChapter,
    intro: introChapter?.sections[0],
    chapters: bodyChapters,
    notes,
  };
}

/** Every image file under the content folder (repository-relative paths, sorted). */
export function listContentImages(repo: RepoRoot, content: ContentModel): string[] {
  const pattern = `${globPrefix(content.relPath)}**/*.{${IMAGE_EXTENSIONS.join(',')}}`;
  return globbySync(pattern, { ...contentGlobOptions(repo, content.relPath), onlyFiles: true, caseSensitiveMatch: false }).sort();
}
