import type { Nodes } from 'mdast';

/**
 * The text GitHub sees in a heading when it makes the anchor: the rendered
 * text content, so image alt text and raw HTML tags count for nothing.
 */
export function headingText(node: Nodes): string {
  // `inlineMath` (remark-math) renders its source text too.
  if ((node.type as string) === 'inlineMath') return (node as unknown as { value: string }).value;
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'html':
    case 'image':
    case 'imageReference':
      return '';
    case 'break':
      return ' ';
    default:
      return 'children' in node ? node.children.map((child) => headingText(child as Nodes)).join('') : '';
  }
}

/** Escapes text so it renders literally as a link's text or a heading's content. */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>&~$]/gu, (character) => `\\${character}`);
}
