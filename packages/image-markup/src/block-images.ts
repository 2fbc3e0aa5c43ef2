import type { Image, ImageReference, Paragraph, Parent, PhrasingContent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { lineEndOf, lineStartOf, nextLineStartOf } from '@llm-notes/core';

/** An image that has a line to itself inside a paragraph (the markup a "figure" uses). */
export interface BlockImage {
  readonly node: Image | ImageReference;
  readonly paragraph: Paragraph;
  /** Index of the image among the paragraph's children. */
  readonly index: number;
  /** The paragraph's parent and its index there. */
  readonly parent: Parent;
  readonly paragraphIndex: number;
  readonly start: number;
  readonly end: number;
  /** Start of the image's line (before any `>` or indentation). */
  readonly lineStart: number;
  /** The paragraph has text before the image (on earlier lines). */
  readonly textBefore: boolean;
  /** The paragraph has content after the image (on later lines). */
  readonly contentAfter: boolean;
  /** The next content of the paragraph is itself a block image. */
  readonly imageAfter: boolean;
}

const ONLY_PREFIX = /^[ \t>]*$/u;
const ONLY_BLANKS = /^[ \t]*$/u;

function isImage(node: PhrasingContent): node is Image | ImageReference {
  return node.type === 'image' || node.type === 'imageReference';
}

/** Whitespace-only text and line breaks carry no content of their own. */
function isFiller(node: PhrasingContent): boolean {
  return node.type === 'break' || (node.type === 'text' && node.value.trim() === '');
}

function aloneOnItsLines(text: string, paragraph: Paragraph, start: number, end: number): boolean {
  const paragraphStart = paragraph.position?.start.offset;
  const before = text.slice(lineStartOf(text, start), start);
  if (start !== paragraphStart && !ONLY_PREFIX.test(before)) return false;
  return ONLY_BLANKS.test(text.slice(end, lineEndOf(text, end)));
}

/**
 * Every block image of the tree: a direct child of a paragraph that starts
 * its line (after container prefixes) and ends it. An image inside a
 * sentence, a link or emphasis is not one. Code is never a paragraph, so
 * image syntax in fenced or inline code never shows up here.
 */
export function findBlockImages(tree: Root, text: string): BlockImage[] {
  const found: BlockImage[] = [];
  visit(tree, 'paragraph', (paragraph, paragraphIndex, parent) => {
    if (!parent || paragraphIndex === undefined) return;
    const children = paragraph.children;
    const candidates: { index: number; node: Image | ImageReference; start: number; end: number }[] = [];
    children.forEach((node, index) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (!isImage(node) || start === undefined || end === undefined) return;
      if (aloneOnItsLines(text, paragraph, start, end)) candidates.push({ index, node, start, end });
    });
    for (const { index, node, start, end } of candidates) {
      const before = children.slice(0, index).some((child) => !isFiller(child));
      const nextContent = children.slice(index + 1).find((child) => !isFiller(child));
      found.push({
        node,
        paragraph,
        index,
        parent,
        paragraphIndex,
        start,
        end,
        lineStart: lineStartOf(text, start),
        textBefore: before,
        contentAfter: nextContent !== undefined,
        imageAfter: nextContent !== undefined && candidates.some((candidate) => candidate.node === nextContent),
      });
    }
  });
  return found;
}

/** Start of the line after the image's, and where its content starts (after `>` and indentation). */
export function lineAfter(text: string, end: number): { lineStart: number; contentStart: number } | undefined {
  const lineStart = nextLineStartOf(text, end);
  if (lineStart === undefined) return undefined;
  let contentStart = lineStart;
  while (contentStart < text.length && ' \t>'.includes(text[contentStart] as string)) contentStart++;
  return { lineStart, contentStart };
}
