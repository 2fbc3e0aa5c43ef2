import { type DecodedText, type RepoRoot, type Section, UserError, applyEdits, parseMarkdown, readNote } from '@llm-notes/core';
import type { Root } from 'mdast';
import { type NoteHeading, collectHeadings, ownAnchors } from './note-headings.js';
import { outdatedTocs } from './note-toc.js';

/** A note read for the README, with its TOC blocks brought up to date. */
export interface PreparedNote {
  readonly section: Section;
  readonly decoded: DecodedText;
  /** The note's text (own line endings) after its TOC blocks are regenerated. */
  readonly updated: string;
  /** `updated` with LF line endings: what the README is made from. */
  readonly text: string;
  readonly tree: Root;
  readonly headings: readonly NoteHeading[];
  /** Anchors of `headings` when the note is rendered on its own. */
  readonly anchors: readonly string[];
}

/** Reads a note strictly: an unreadable or non-UTF-8 note is a UserError naming it. */
export function readNoteText(repo: RepoRoot, section: Section): DecodedText {
  const file = readNote(repo, section.relPath);
  const fatal = file.messages.find((message) => message.fatal);
  if (fatal || !file.data.decoded) {
    throw new UserError(fatal?.reason ?? 'cannot read note', { file: section.relPath, ...(fatal?.line ? { line: fatal.line } : {}) });
  }
  return file.data.decoded;
}

/**
 * Runs `work` on one note; any failure that is not already a UserError (a
 * parser stack overflow on absurd nesting, say) becomes one naming the note.
 */
export function forNote<T>(relPath: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof UserError) throw error;
    const reason = error instanceof RangeError ? 'note is nested too deeply to process' : 'cannot process note';
    throw new UserError(`${reason} (${(error as Error).message})`, { file: relPath, cause: error });
  }
}

export function prepareNote(repo: RepoRoot, section: Section): PreparedNote {
  return forNote(section.relPath, () => prepareNoteText(repo, section));
}

function prepareNoteText(repo: RepoRoot, section: Section): PreparedNote {
  const decoded = readNoteText(repo, section);
  let tree = parseMarkdown(decoded.text);
  const edits = outdatedTocs(decoded.text, tree).map((outdated) => outdated.edit);
  const updated = edits.length > 0 ? applyEdits(decoded.text, edits, decoded.eol) : decoded.text;
  const text = updated.replace(/\r\n?/gu, '\n');
  if (text !== decoded.text) tree = parseMarkdown(text);
  const headings = collectHeadings(tree);
  return { section, decoded, updated, text, tree, headings, anchors: ownAnchors(headings) };
}
