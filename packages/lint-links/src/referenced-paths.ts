import path from 'node:path';
import { MAX_NOTE_BYTES, type RepoRoot, parseMarkdown, readRegularFile } from '@llm-notes/core';
import type { Root } from 'mdast';
import { isExternal, parseDestination } from './destination.js';
import { noteFacts } from './facts.js';

/**
 * Root-relative paths (NFC, lower-cased) that `text`, a note at `notePath`,
 * links to: every destination GitHub reads (links, images, definitions,
 * `<img src>`, `<a href>`), from the same facts the link rules use. Pass the
 * note's tree when it is already parsed.
 */
export function referencedPaths(root: string, notePath: string, text: string, tree: Root = parseMarkdown(text)): string[] {
  const found: string[] = [];
  const folder = path.dirname(notePath);
  for (const { url } of noteFacts(tree, text).links) {
    if (!url || isExternal(url)) continue;
    const { path: wanted } = parseDestination(url);
    if (wanted === '') continue;
    const absolute = wanted.startsWith('/') ? path.join(root, wanted) : path.resolve(folder, wanted);
    found.push(path.relative(root, absolute).split(path.sep).join('/').toLowerCase());
  }
  return found;
}

/** Every path referenced by the given notes (absolute paths); a note leading outside the root is skipped unread. */
export function referencedByNotes(repo: RepoRoot, notes: readonly string[]): Set<string> {
  const root = repo.path;
  const all = new Set<string>();
  for (const note of notes) {
    let text: string;
    try {
      text = readRegularFile(repo.resolve(note), note, { maxBytes: MAX_NOTE_BYTES }).toString('utf8');
    } catch {
      continue;
    }
    let references: string[];
    try {
      references = referencedPaths(root, note, text);
    } catch {
      // A note the parser cannot take (10,000 nested quotes overflow the stack): its own lint names it.
      continue;
    }
    for (const reference of references) all.add(reference);
  }
  return all;
}
