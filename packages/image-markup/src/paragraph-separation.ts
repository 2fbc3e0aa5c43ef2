import type { TextEdit } from '@llm-notes/core';
import type { Html, Parent } from 'mdast';
import { blankLineBefore, containerPrefixAt } from './container-prefix.js';
import { lineEndOf, lineStartOf, nextLineStartOf } from '@llm-notes/core';

/** Containers whose children are blocks: an `html` node there is an HTML block, not inline HTML. */
const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/** A line that starts a block able to interrupt a paragraph (so it is never read as lazy continuation). */
const BLOCK_START = /^(?:[-*+](?:[ \t]|$)|1[.)](?:[ \t]|$)|>|#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|\$\$|<|(?:[-*_][ \t]*){3,}$)/u;

/**
 * Blank lines an HTML block needs once it becomes a Markdown paragraph. An
 * HTML block may interrupt the paragraph above it and ends its container on
 * a line that a paragraph would swallow lazily; a paragraph does neither,
 * so each such neighbour gets a blank line between (with the `>` markers of
 * the line's containers).
 */
export function separationEdits(text: string, node: Html, parent: Parent | undefined, index: number | undefined, end: number): TextEdit[] {
  const start = node.position?.start.offset;
  if (!parent || index === undefined || start === undefined || !FLOW_PARENTS.has(parent.type)) return [];
  const edits: TextEdit[] = [];
  const previous = parent.children[index - 1];
  const startLine = node.position?.start.line;
  if (previous?.type === 'paragraph' && startLine !== undefined && previous.position?.end.line === startLine - 1) {
    const prefix = containerPrefixAt(text, start);
    if (prefix) edits.push(blankLineBefore(text, lineStartOf(text, start), start, prefix));
  }
  const nextLine = nextLineStartOf(text, end);
  if (nextLine !== undefined) {
    const line = text.slice(nextLine, lineEndOf(text, nextLine));
    const markers = /^[ \t>]*/u.exec(line)?.[0] ?? '';
    const content = line.slice(markers.length);
    if (content.trim() !== '' && !BLOCK_START.test(content)) edits.push({ start: nextLine, end: nextLine, text: `${markers.trimEnd()}\n` });
  }
  return edits;
}
