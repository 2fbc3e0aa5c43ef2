import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';
import { autolinkLiteralsWhereTheyCanBe } from './github-markdown/autolink-literals.js';

/**
 * The one Markdown dialect every tool parses: CommonMark + GFM + front matter.
 * There is deliberately no math syntax: GitHub reads links, code spans, HTML,
 * headings and images first and finds `$` math afterwards in the text, so a
 * `$` never hides a link (`$a [b](c) d$`, `[cost $5](x.md) and $y$`). Math is
 * taken from core's scanner over this same tree (`scanMath`, `findMathRanges`).
 */
export function createParser(): Processor<Root> {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(remarkGfm)
    .use(autolinkLiteralsWhereTheyCanBe) as unknown as Processor<Root>;
}

let shared: Processor<Root> | undefined;

/** Parses Markdown into mdast with positions (offsets into `text`). */
export function parseMarkdown(text: string): Root {
  shared ??= createParser().freeze() as Processor<Root>;
  return shared.parse(text);
}
