import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';
import { githubMathSyntax } from './github-math-syntax.js';

/** The one Markdown dialect every tool parses: CommonMark + GFM + math as GitHub reads it + front matter. */
export function createParser(): Processor<Root> {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).use(githubMathSyntax) as unknown as Processor<Root>;
}

let shared: Processor<Root> | undefined;

/** Parses Markdown into mdast with positions (offsets into `text`). */
export function parseMarkdown(text: string): Root {
  shared ??= createParser().freeze() as Processor<Root>;
  return shared.parse(text);
}
