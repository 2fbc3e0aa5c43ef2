import { type TextEdit, generatedMarkdown } from '@llm-notes/core';
import type { Html, Root } from 'mdast';
import { type LinkEntry, linkList } from './link-list.js';
import { type NoteHeading, collectHeadings, ownAnchors } from './note-headings.js';

/** A `<!-- toc -->` … `<!-- tocstop -->` pair at the top level of a note. */
export interface TocBlock {
  readonly open: Html;
  /** Range of the generated list: from the end of the opening marker to the start of the closing one. */
  readonly start: number;
  readonly end: number;
}

const OPEN = /^<!--\s*toc\s*-->$/iu;
const CLOSE = /^<!--\s*tocstop\s*-->$/iu;

export function findTocBlocks(tree: Root): TocBlock[] {
  const blocks: TocBlock[] = [];
  let open: Html | undefined;
  for (const node of tree.children) {
    if (node.type !== 'html') continue;
    const value = node.value.trim();
    if (OPEN.test(value)) {
      open = node;
    } else if (CLOSE.test(value) && open) {
      const start = open.position?.end.offset;
      const end = node.position?.start.offset;
      if (start !== undefined && end !== undefined) blocks.push({ open, start, end });
      open = undefined;
    }
  }
  return blocks;
}

/**
 * The list a TOC block holds: every heading of the note outside the blocks,
 * linked to its own anchor, nested under the nearest shallower heading.
 */
export function renderTocList(headings: readonly NoteHeading[], anchors: readonly string[], blocks: readonly TocBlock[]): string {
  const entries: LinkEntry[] = [];
  headings.forEach((heading, index) => {
    if (blocks.some((block) => heading.start >= block.start && heading.end <= block.end)) return;
    const anchor = anchors[index];
    if (anchor) entries.push({ depth: heading.depth, text: heading.text.trim(), url: `#${anchor}` });
  });
  return entries.length === 0 ? '' : generatedMarkdown([linkList(entries)]);
}

export interface OutdatedToc {
  readonly block: TocBlock;
  readonly edit: TextEdit;
}

/** The TOC blocks of a note whose content differs from what they should hold, with the edit fixing each. */
export function outdatedTocs(text: string, tree: Root): OutdatedToc[] {
  const blocks = findTocBlocks(tree);
  if (blocks.length === 0) return [];
  const headings = collectHeadings(tree);
  const list = renderTocList(headings, ownAnchors(headings), blocks);
  const expected = list === '' ? '\n\n' : `\n\n${list}\n\n`;
  return blocks
    .filter((block) => text.slice(block.start, block.end).replace(/\r\n?/gu, '\n') !== expected)
    .map((block) => ({ block, edit: { start: block.start, end: block.end, text: expected } }));
}
