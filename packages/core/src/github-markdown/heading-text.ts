import type { Heading, Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { slugsFor } from '../slugger.js';

/**
 * The text GitHub reads from a heading to make its anchor: the text content
 * of the rendered HTML. Code spans keep their source text; math is plain
 * text here, as in GitHub's Markdown pass (its `$` are dropped by the slug);
 * image alt text and raw HTML tags count for nothing; a hard line break is the
 * `\n` the HTML holds after `<br>` (which the slug then drops, like a soft break).
 */
export function headingText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'html':
    case 'image':
    case 'imageReference':
      return '';
    case 'break':
      return '\n';
    default:
      return 'children' in node ? (node.children as Nodes[]).map(headingText).join('') : '';
  }
}

/** Every heading of a parsed note (nested in lists and quotes too), in document order. */
export function headingsOf(tree: Root): Heading[] {
  const headings: Heading[] = [];
  visit(tree, 'heading', (node) => {
    headings.push(node);
  });
  return headings;
}

/** The anchors GitHub gives the headings of a note rendered on its own, in order (duplicates numbered). */
export function headingAnchors(tree: Root): string[] {
  return slugsFor(headingsOf(tree).map(headingText));
}
