import type { TextEdit } from '@llm-notes/core';
import type { NoteHeading } from './note-headings.js';

/** New depth of every heading: the shallowest becomes `top`, the rest keep their distance, at most 6. */
export function shiftedDepths(headings: readonly NoteHeading[], top: number): number[] {
  if (headings.length === 0) return [];
  const shallowest = Math.min(...headings.map((heading) => heading.depth));
  return headings.map((heading) => Math.min(6, heading.depth - shallowest + top));
}

/**
 * Edits turning a setext heading into an ATX one without touching its inline
 * content (links inside it are rewritten by other edits): an opening sequence
 * before the content, line breaks inside it joined, the underline removed.
 */
function setextEdits(text: string, heading: NoteHeading, depth: number): TextEdit[] {
  const first = heading.node.children[0]?.position?.start.offset;
  const last = heading.node.children.at(-1)?.position?.end.offset;
  if (first === undefined || last === undefined) return [];
  const edits: TextEdit[] = [{ start: first, end: first, text: `${'#'.repeat(depth)} ` }];
  for (const lineBreak of text.slice(first, last).matchAll(/[ \t]*\r?\n[ \t>]*/gu)) {
    const start = first + (lineBreak.index ?? 0);
    edits.push({ start, end: start + lineBreak[0].length, text: ' ' });
  }
  // A trailing ` #` would read as an ATX closing sequence and vanish: escape it.
  const closing = /(?:^|[ \t])(#+)[ \t]*$/u.exec(text.slice(first, last));
  if (closing?.[1] !== undefined) {
    const at = first + (closing.index ?? 0) + closing[0].indexOf('#');
    if (at === first) edits[0] = { start: first, end: first, text: `${'#'.repeat(depth)} \\` };
    else edits.push({ start: at, end: at, text: '\\' });
  }
  edits.push({ start: last, end: heading.end, text: '' });
  return edits;
}

/**
 * Edits that move each heading to its new depth: ATX headings get a new
 * opening sequence, setext headings are rewritten as ATX headings.
 */
export function headingShiftEdits(text: string, headings: readonly NoteHeading[], depths: readonly number[]): TextEdit[] {
  const edits: TextEdit[] = [];
  headings.forEach((heading, index) => {
    const depth = depths[index] ?? heading.depth;
    const opening = /^[ ]{0,3}(#{1,6})/u.exec(text.slice(heading.start, heading.end));
    if (opening?.[1] !== undefined) {
      if (opening[1].length === depth) return;
      const start = heading.start + opening[0].length - opening[1].length;
      edits.push({ start, end: start + opening[1].length, text: '#'.repeat(depth) });
      return;
    }
    edits.push(...setextEdits(text, heading, depth));
  });
  return edits;
}
