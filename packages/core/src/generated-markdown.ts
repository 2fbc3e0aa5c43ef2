import type { Root, RootContent } from 'mdast';
import remarkStringify, { type Options } from 'remark-stringify';
import type { Processor } from 'unified';
import { createParser } from './processor.js';

/**
 * How Markdown we generate (tables of contents, the README's headings and
 * lists) is written. The serializer carries the parser's own syntax
 * extensions (GFM, front matter), so it escapes exactly what the parser
 * would otherwise read as markup: a `~` that would strike through, a `*`
 * that would emphasize; an `_` inside a word, CJK punctuation or emoji stay
 * as they are. GitHub finds `$` math after Markdown (the parser has no math
 * syntax, the math scanner reads it), so every `$` of generated text is
 * escaped too: a title `$x$` shows as written, not as a formula.
 */
const SETTINGS: Options = {
  unsafe: [{ character: '$', inConstruct: 'phrasing' }],
  bullet: '-',
  listItemIndent: 'one',
  emphasis: '*',
  strong: '*',
  rule: '-',
  fence: '`',
  fences: true,
  resourceLink: true,
};

let shared: Processor<Root> | undefined;

function serializer(): Processor<Root> {
  shared ??= createParser().use(remarkStringify, SETTINGS).freeze() as unknown as Processor<Root>;
  return shared;
}

/**
 * Serializes generated mdast to Markdown (LF line endings, no trailing
 * newline): one fragment, for the caller to join with hand-written text.
 */
export function generatedMarkdown(content: Root | readonly RootContent[]): string {
  const tree: Root = 'type' in content ? content : { type: 'root', children: [...content] };
  return String(serializer().stringify(tree)).replace(/\n+$/u, '');
}
