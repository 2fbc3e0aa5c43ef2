import path from 'node:path';
import { MAX_NOTE_BYTES, type RepoRoot, readRegularFile } from '@llm-notes/core';
import { isExternal, parseDestination } from './destination.js';

// Destinations as they appear in raw Markdown and HTML. A light scan over the
// text of every note (no parse): it may count a path mentioned inside a code
// block as referenced, which only ever hides an orphan, never invents one.
const DESTINATIONS = [
  /\]\(\s*<([^>\n]+)>/gu,
  /\]\(\s*([^\s)<][^\s]*?)(?=\s+["'(]|\)(?:[^)]|$)|\s*$)/gmu,
  /^ {0,3}\[[^\]\n]+\]:\s*<?([^\s>]+)/gmu,
  /\b(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/giu,
];

/** Root-relative paths (NFC, lower-cased) that `text`, a note at `notePath`, links to. */
export function referencedPaths(root: string, notePath: string, text: string): string[] {
  const found: string[] = [];
  const folder = path.dirname(notePath);
  for (const pattern of DESTINATIONS) {
    for (const match of text.matchAll(pattern)) {
      const url = match[1] ?? match[2] ?? match[3];
      if (!url || isExternal(url)) continue;
      const { path: wanted } = parseDestination(url);
      if (wanted === '') continue;
      const absolute = wanted.startsWith('/') ? path.join(root, wanted) : path.resolve(folder, wanted);
      found.push(path.relative(root, absolute).split(path.sep).join('/').toLowerCase());
    }
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
    for (const reference of referencedPaths(root, note, text)) all.add(reference);
  }
  return all;
}
