import { headingText, slugsFor } from '@llm-notes/core';
import type { Heading, Root } from 'mdast';
import { visit } from 'unist-util-visit';

export interface NoteHeading {
  readonly node: Heading;
  readonly depth: number;
  /** Text content, as GitHub uses it for the anchor. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Every heading of a parsed note (nested in lists and quotes too), in document order. */
export function collectHeadings(tree: Root): NoteHeading[] {
  const headings: NoteHeading[] = [];
  visit(tree, 'heading', (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    headings.push({ node, depth: node.depth, text: headingText(node), start, end });
  });
  return headings;
}

/** The anchors GitHub gives these headings when the note is rendered on its own. */
export function ownAnchors(headings: readonly NoteHeading[]): string[] {
  return slugsFor(headings.map((heading) => heading.text));
}
