import type { LineEnding } from './text-file.js';

/** Replace `text.slice(start, end)` (UTF-16 offsets into the decoded text) with `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export class OverlappingEditsError extends Error {
  constructor(readonly first: TextEdit, readonly second: TextEdit) {
    super(`overlapping edits at offsets ${first.start}-${first.end} and ${second.start}-${second.end}`);
    this.name = 'OverlappingEditsError';
  }
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.start === b.start && a.end === b.end && a.text === b.text;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at one point would make the order matter: treat as a conflict.
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

function sortEdits(edits: readonly TextEdit[]): TextEdit[] {
  return [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Edits sorted, exact duplicates removed; throws on any overlap. */
export function normalizeEdits(edits: readonly TextEdit[], length: number): TextEdit[] {
  const sorted = sortEdits(edits);
  const result: TextEdit[] = [];
  for (const edit of sorted) {
    if (edit.start < 0 || edit.end < edit.start || edit.end > length) {
      throw new RangeError(`edit ${edit.start}-${edit.end} is outside the text (length ${length})`);
    }
    const previous = result.at(-1);
    if (previous && sameEdit(previous, edit)) continue;
    if (previous && overlaps(previous, edit)) throw new OverlappingEditsError(previous, edit);
    result.push(edit);
  }
  return result;
}

/** A finding's proposed fix: all of its edits are applied, or none. */
export interface Fixable {
  readonly fix?: readonly TextEdit[] | undefined;
}

/**
 * The fix loop's choice for one pass: whole findings, in order of their
 * first edit, whose edits overlap none taken before (an identical edit is no
 * conflict). The others wait for the next pass, against the new text.
 */
export function selectFixes<T extends Fixable>(findings: readonly T[]): { edits: TextEdit[]; chosen: T[] } {
  const sorted = [...findings].sort((a, b) => (a.fix?.[0]?.start ?? 0) - (b.fix?.[0]?.start ?? 0));
  const edits: TextEdit[] = [];
  const chosen: T[] = [];
  for (const finding of sorted) {
    const own = finding.fix ?? [];
    if (own.some((edit) => edits.some((taken) => overlaps(edit, taken) && !sameEdit(edit, taken)))) continue;
    edits.push(...own);
    chosen.push(finding);
  }
  return { edits, chosen };
}

/**
 * Applies edits to `text`. Bytes outside the edited ranges are untouched;
 * line breaks inside inserted text take the file's own line ending.
 */
export function applyEdits(text: string, edits: readonly TextEdit[], eol: LineEnding = '\n'): string {
  const ordered = normalizeEdits(edits, text.length);
  let output = '';
  let cursor = 0;
  for (const edit of ordered) {
    output += text.slice(cursor, edit.start);
    output += eol === '\n' ? edit.text : edit.text.replace(/\r?\n/gu, eol);
    cursor = edit.end;
  }
  return output + text.slice(cursor);
}
