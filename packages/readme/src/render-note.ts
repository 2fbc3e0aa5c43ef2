import { type TextEdit, applyEdits } from '@llm-notes/core';
import type { Root } from 'mdast';
import { headingShiftEdits, shiftedDepths } from './heading-shift.js';
import { type RewriteContext, linkRewriteEdits } from './link-rewrite.js';
import type { PreparedNote } from './prepared-note.js';

/** Removes blank lines at the start and whitespace at the end. */
export function trimBlankEdges(text: string): string {
  return text.replace(/^(?:[ \t]*\n)+/u, '').trimEnd();
}

/**
 * The fence that closes a fenced code block left open at the end of a note;
 * without it the block would swallow every later section of the README.
 */
function missingFence(text: string, tree: Root): string | undefined {
  const last = tree.children.at(-1);
  if (last?.type !== 'code' || last.position?.start.offset === undefined || last.position.end.offset === undefined) return undefined;
  const source = text.slice(last.position.start.offset, last.position.end.offset);
  const opening = /^[ ]{0,3}(`{3,}|~{3,})/u.exec(source)?.[1];
  if (opening === undefined) return undefined;
  const lines = source.split('\n');
  const closing = new RegExp(`^[ ]{0,3}${opening[0] === '`' ? '`' : '~'}{${opening.length},}[ \\t]*$`, 'u');
  return lines.length > 1 && closing.test(lines.at(-1) ?? '') ? undefined : opening;
}

/**
 * A note as it appears in the README: front matter dropped, headings nested
 * under `top`, relative URLs resolved from the README; all other bytes kept.
 */
export function renderNote(note: PreparedNote, top: number, context: RewriteContext): string {
  const edits: TextEdit[] = [];
  const front = note.tree.children[0];
  // Front matter (`yaml`, or `toml` from remark-frontmatter) mid-README would render as a rule and a heading.
  if (front && (front.type === 'yaml' || (front.type as string) === 'toml') && front.position) {
    edits.push({ start: 0, end: front.position.end.offset ?? 0, text: '' });
  }
  edits.push(...headingShiftEdits(note.text, note.headings, shiftedDepths(note.headings, top)));
  edits.push(...linkRewriteEdits(note.text, note.tree, context));
  const body = trimBlankEdges(applyEdits(note.text, edits));
  const fence = missingFence(note.text, note.tree);
  return fence === undefined || body === '' ? body : `${body}\n${fence}`;
}
