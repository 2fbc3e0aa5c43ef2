import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';

let parser: Processor<Root> | undefined;

/**
 * Parses Markdown without the math extension: the way GitHub's Markdown pass
 * sees HTML and links before it looks for `$` math. remark-math can swallow
 * those into a formula (`$</b> [a](u/$`), so the shared tree alone would not
 * mask them. Plain CommonMark is enough here: what GFM adds (tables, literal
 * autolinks, strikethrough) masks nothing.
 */
export function parseWithoutMath(text: string): Root {
  parser ??= unified().use(remarkParse).freeze() as unknown as Processor<Root>;
  return parser.parse(text);
}
