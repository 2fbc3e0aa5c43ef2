import type { Code, Node, Parent, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * Where GitHub looks for `$` math: the inline text of paragraphs, headings and
 * table rows, read from the one parsed tree. The parser has no math syntax:
 * like GitHub it reads code, HTML, links and images before any `$`, so the
 * tree already says what Markdown wins. Code blocks, HTML, front matter, link
 * destinations and images are masked: a `$` there is never math. (Code spans are found by the scan
 * itself: GitHub's `$`…`$` form changes where they are.)
 */
export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly inTable: boolean;
  /** A link's text: its `[` and `]` still count as the characters around a `$` there. */
  readonly linkText?: boolean;
}

export interface MarkdownRegions {
  /** 1 where the character is not prose (code, HTML, URL…). */
  readonly masked: Uint8Array;
  readonly segments: Segment[];
  /**
   * The text of each link, a scope of its own: GitHub reads the link before
   * the math, so a `$` there pairs only with a `$` of the same link text.
   */
  readonly linkTexts: Segment[];
  /** ```` ```math ```` fences. */
  readonly mathFences: Code[];
}

const MASKED_NODES = new Set(['code', 'html', 'yaml', 'toml', 'definition', 'image', 'imageReference']);
const FLOW_NODES = new Set(['paragraph']);

interface Block {
  start: number;
  end: number;
  startLine: number;
  endLine: number;
  kind: string;
  parent: Parent | undefined;
}

function startOf(node: Node): number | undefined {
  return node.position?.start.offset;
}

function endOf(node: Node): number | undefined {
  return node.position?.end.offset;
}

function mask(masked: Uint8Array, start: number | undefined, end: number | undefined): void {
  if (start === undefined || end === undefined) return;
  masked.fill(1, start, end);
}

/** Masks one node's non-prose part; returns true when its children need no visit. Link texts go to `links` (start offset → end). */
function maskNode(node: Node, masked: Uint8Array, links: Map<number, number>): boolean {
  if (MASKED_NODES.has(node.type)) {
    mask(masked, startOf(node), endOf(node));
    return true;
  }
  if (node.type === 'link') {
    // Only the link text is prose; `[`, `](url "title")` are not.
    const children = (node as Parent).children;
    const first = children[0];
    const last = children.at(-1);
    if (!first || !last) mask(masked, startOf(node), endOf(node));
    else {
      mask(masked, startOf(node), startOf(first));
      mask(masked, endOf(last), endOf(node));
      const textStart = startOf(first);
      const textEnd = endOf(last);
      if (textStart !== undefined && textEnd !== undefined) links.set(textStart, textEnd);
    }
  }
  return false;
}

/** A `<span>$</span>` is GitHub's documented way to write a literal dollar next to math. */
function maskSpanDollars(text: string, masked: Uint8Array): void {
  for (const match of text.matchAll(/<span>\$<\/span>/giu)) mask(masked, match.index, match.index + match[0].length);
}

export function markdownRegions(tree: Root, text: string): MarkdownRegions {
  const masked = new Uint8Array(text.length + 1);
  const blocks: Block[] = [];
  const mathFences: Code[] = [];
  const links = new Map<number, number>();
  visit(tree, (node, _index, parent) => {
    if (node.type === 'code' && node.lang === 'math') mathFences.push(node);
    if (maskNode(node, masked, links)) return 'skip';
    const isBlock = FLOW_NODES.has(node.type) || node.type === 'heading' || node.type === 'tableRow';
    const start = startOf(node);
    const end = endOf(node);
    if (isBlock && node.position && start !== undefined && end !== undefined) {
      blocks.push({
        start,
        end,
        startLine: node.position.start.line,
        endLine: node.position.end.line,
        kind: node.type,
        parent: parent ?? undefined,
      });
    }
    return undefined;
  });
  maskSpanDollars(text, masked);
  const segments = mergeParagraphs(blocks, text);
  return { masked, segments, linkTexts: linkTextsIn(segments, links), mathFences };
}

/** The link texts that lie in a segment, in order, each marked as in a table when its segment is. */
function linkTextsIn(segments: readonly Segment[], links: ReadonlyMap<number, number>): Segment[] {
  const sorted = [...links].sort((a, b) => a[0] - b[0]);
  const result: Segment[] = [];
  let index = 0;
  for (const [start, end] of sorted) {
    while (index < segments.length && (segments[index]?.end ?? 0) < end) index++;
    const segment = segments[index];
    if (segment && segment.start <= start && end > start) result.push({ start, end, inTable: segment.inTable, linkText: true });
  }
  return result;
}

/** True when a block holds an odd number of `$$` runs: one of them opens a formula it does not close. */
function leavesDisplayOpen(text: string, block: Block): boolean {
  return ((text.slice(block.start, block.end).match(/(?<!\\)\$\$/gu) ?? []).length & 1) === 1;
}

/**
 * Joins paragraphs on consecutive lines: GitHub reads them as one paragraph.
 * Two paragraphs apart only by blank lines are joined too when the first
 * leaves a `$$` open and the second closes it, so the scan can name the one
 * real defect (a blank line inside the formula) instead of two lone `$$`;
 * it never reaches further than the next paragraph.
 */
function mergeParagraphs(blocks: Block[], text: string): Segment[] {
  blocks.sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let current: Block | undefined;
  for (const block of blocks) {
    if (
      current &&
      FLOW_NODES.has(current.kind) &&
      FLOW_NODES.has(block.kind) &&
      current.parent === block.parent &&
      (block.startLine === current.endLine + 1 ||
        (/^[ \t>\r\n]*$/u.test(text.slice(current.end, block.start)) && leavesDisplayOpen(text, current) && leavesDisplayOpen(text, block)))
    ) {
      current = { ...current, end: block.end, endLine: block.endLine };
      continue;
    }
    if (current) segments.push({ start: current.start, end: current.end, inTable: current.kind === 'tableRow' });
    current = { ...block };
  }
  if (current) segments.push({ start: current.start, end: current.end, inTable: current.kind === 'tableRow' });
  return segments;
}
