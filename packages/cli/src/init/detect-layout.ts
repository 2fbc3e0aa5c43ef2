import { type Dirent, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseNumberedName } from '@llm-notes/core';

/** Folders that never hold notes, wherever they are. */
const NEVER_CONTENT = new Set(['node_modules', 'public', 'tools', 'scripts', 'assets', 'static', 'dist', 'build', 'vendor']);

/** Where a repository keeps its notes, as far as the folder names tell. */
export type Layout =
  /** `<n>.<chapter>/<m>.<section>.md` folders in `content` (`.` for the root). */
  | { readonly kind: 'numbered'; readonly content: string; readonly chapters: number; readonly notes: number; readonly introTitle: string | undefined }
  /** Markdown notes in some other arrangement: lint and images work, gen-readme does not apply. */
  | { readonly kind: 'other'; readonly markdownFiles: number };

function listFolder(folder: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}

function isCandidateFolder(entry: Dirent): boolean {
  return entry.isDirectory() && !entry.name.startsWith('.') && !NEVER_CONTENT.has(entry.name);
}

interface NumberedFolders {
  readonly chapters: number;
  readonly notes: number;
  readonly introTitle: string | undefined;
}

/** Numbered chapter folders directly in `folder`, each holding at least one numbered `.md` note. */
function numberedChapters(folder: string): NumberedFolders {
  let chapters = 0;
  let notes = 0;
  let introTitle: string | undefined;
  for (const entry of listFolder(folder)) {
    if (!isCandidateFolder(entry)) continue;
    const chapter = parseNumberedName(entry.name);
    if (!chapter) continue;
    const inside = listFolder(path.join(folder, entry.name)).filter(
      (note) => note.isFile() && note.name.toLowerCase().endsWith('.md') && parseNumberedName(note.name) !== undefined,
    ).length;
    if (inside === 0) continue;
    chapters++;
    notes += inside;
    if (chapter.number === 0) introTitle = chapter.title;
  }
  return { chapters, notes, introTitle };
}

/** Markdown files under `folder` (hidden folders and NEVER_CONTENT skipped), up to `limit`. */
function countMarkdown(folder: string, limit: number): number {
  let count = 0;
  const walk = (current: string, depth: number) => {
    if (count >= limit || depth > 6) return;
    for (const entry of listFolder(current)) {
      if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) count++;
      else if (isCandidateFolder(entry)) walk(path.join(current, entry.name), depth + 1);
      if (count >= limit) return;
    }
  };
  walk(folder, 0);
  return count;
}

/**
 * Looks at the repository's folders (never following links, never leaving
 * the root): numbered chapters at the root, else in the direct subfolder
 * with the most numbered notes, else some other layout.
 */
export function detectLayout(root: string): Layout {
  const atRoot = numberedChapters(root);
  if (atRoot.chapters > 0) return { kind: 'numbered', content: '.', ...atRoot };
  let best: (NumberedFolders & { content: string }) | undefined;
  for (const entry of listFolder(root)) {
    if (!isCandidateFolder(entry)) continue;
    const found = numberedChapters(path.join(root, entry.name));
    if (found.chapters > 0 && (best === undefined || found.notes > best.notes)) best = { content: entry.name, ...found };
  }
  if (best) return { kind: 'numbered', ...best };
  return { kind: 'other', markdownFiles: countMarkdown(root, 100_000) };
}
