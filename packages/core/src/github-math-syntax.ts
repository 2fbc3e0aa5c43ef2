import { mathFromMarkdown, mathToMarkdown } from 'mdast-util-math';
import { math } from 'micromark-extension-math';
import type { Processor } from 'unified';

/**
 * Math syntax as GitHub reads it: `$…$` and `$$…$$` inside a paragraph only.
 * remark-math also opens a math *block* at a line starting with `$$`, which
 * GitHub does not: a paragraph `$$\begin{aligned}…\end{aligned}$$` would open
 * a block that never closes and swallow every heading, link and image after
 * it. Only the text construct of micromark-extension-math is used, so a `$$`
 * formula stays in its paragraph and a blank line always ends it.
 */
export function githubMathSyntax(this: Processor): void {
  const data = this.data() as {
    micromarkExtensions?: unknown[];
    fromMarkdownExtensions?: unknown[];
    toMarkdownExtensions?: unknown[];
  };
  const { text } = math();
  (data.micromarkExtensions ??= []).push({ text });
  (data.fromMarkdownExtensions ??= []).push(mathFromMarkdown());
  (data.toMarkdownExtensions ??= []).push(mathToMarkdown());
}
