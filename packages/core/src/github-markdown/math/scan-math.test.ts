import { parseMarkdown } from '../../processor.js';
import { headingAnchors } from '../heading-text.js';
import { findMathRanges } from './math-ranges.js';
import type { Root } from 'mdast';
import remarkMathPlugin from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { scanMath } from './scan-math.js';

function scan(text: string) {
  return scanMath(parseMarkdown(text), text);
}

function formulas(text: string): Array<[string, string]> {
  return scan(text).formulas.map((formula) => [formula.kind, formula.tex]);
}

/** What remark-math makes of the same text, to show where GitHub differs. */
function remarkMath(text: string): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  visit(unified().use(remarkParse).use(remarkMathPlugin).parse(text) as Root, (node) => {
    if (node.type === 'inlineMath' || node.type === 'math') found.push([node.type, node.value]);
  });
  return found;
}

describe('scanMath reads math as GitHub does, not as remark-math', () => {
  it('keeps `\\$` inside a formula', () => {
    const text = 'A dollar: $\\sqrt{\\$4}$ here.\n';
    expect(formulas(text)).toEqual([['inline', '\\sqrt{\\$4}']]);
    expect(remarkMath(text)).not.toEqual([['inlineMath', '\\sqrt{\\$4}']]);
  });

  it('reads a one-line `$$x$$` as a display formula', () => {
    const text = '$$x^2$$\n';
    expect(formulas(text)).toEqual([['display', 'x^2']]);
    expect(remarkMath(text)).toEqual([['inlineMath', 'x^2']]);
  });

  it('keeps the text after an opening `$$`', () => {
    const text = '$$a +\nb\n$$\n';
    expect(formulas(text)).toEqual([['display', 'a +\nb\n']]);
    // remark-math opens a `$$` math block, which GitHub does not have, and takes `a +` for its meta.
    expect(remarkMath(text)).toEqual([['math', 'b']]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('a `$$…$$` paragraph does not swallow the headings and images after it (%s)', (_name, eol) => {
    const text = ['$$\\begin{aligned}', 'a &= b \\\\', 'c &= d\\end{aligned}$$', '', '## 后面的标题', '', '![图](a.png)', ''].join(eol);
    const tree = parseMarkdown(text);
    expect(headingAnchors(tree)).toEqual(['后面的标题']);
    expect(findMathRanges(text, tree).map((range) => range.kind)).toEqual(['display']);
    let images = 0;
    visit(tree, 'image', () => {
      images++;
    });
    expect(images).toBe(1);
  });

  it('reads `$`…`$` and ```math fences', () => {
    expect(formulas('The form $`a_{1}`$ and\n\n```math\nx\n```\n')).toEqual([
      ['backtick', 'a_{1}'],
      ['fence', 'x'],
    ]);
  });

  it('ignores `$` in code spans, code blocks, HTML, link URLs and `<span>$</span>`', () => {
    const text = 'Code `$x$`, <b>$</b>, [a](https://e.com/$a$), <span>$</span>5.\n\n```sh\necho $HOME $x$\n```\n';
    expect(scan(text).formulas).toEqual([]);
    expect(scan(text).issues).toEqual([]);
  });

  it('does not take an inline `$$x$$.` for two touching formulas', () => {
    const result = scan('Inline display $$x$$. Next.\n');
    expect(result.issues.map((issue) => issue.kind)).toEqual(['display-opener-shares-line', 'display-text-after-closer']);
    expect(result.formulas.map((formula) => formula.kind)).toEqual(['display']);
  });

  it('finds a blank line inside a `$$` block with CRLF line ends', () => {
    const result = scan('Text.\r\n\r\n$$\r\na\r\n\r\nb\r\n$$\r\n');
    expect(result.issues.map((issue) => issue.kind)).toEqual(['display-blank-line']);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('takes a balanced `$number$` for a formula, not money (%s)', (_name, eol) => {
    const text = ['定理 $12.8$ 的条件', '', '| a | b |', '|---|---|', '| $0$ | $1$ |', ''].join(eol);
    expect(scan(text).issues).toEqual([]);
    expect(findMathRanges(text).map((range) => range.tex)).toEqual(['12.8', '0', '1']);
  });

  it('marks formulas GitHub shows as text as not rendered', () => {
    const result = scan('长度，$L$ 和 $d$。\n');
    expect(result.formulas.map((formula) => [formula.tex, formula.rendered])).toEqual([
      ['L', false],
      ['d', true],
    ]);
  });
});

describe('links win over `$`, as on GitHub: one parse for the link rules and the math scanner', () => {
  const linksOf = (text: string): string[] => {
    const urls: string[] = [];
    visit(parseMarkdown(text), (node) => {
      if (node.type === 'link' || node.type === 'image') urls.push(node.url);
    });
    return urls;
  };

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('finds every link next to math and the formulas around them (%s)', (_name, eol) => {
    const text = ['$a [b](in-math.md) d$ then [next](next.md).', '', '[cost $5](cost.md) and $y$.', '', '$a [b$ c](split.md) d.', '', '$x ![p](p.png) y$', ''].join(eol);
    expect(linksOf(text)).toEqual(['in-math.md', 'next.md', 'cost.md', 'split.md', 'p.png']);
    expect(findMathRanges(text).map((range) => range.tex)).toEqual(['a [b](in-math.md) d', 'y', 'x ![p](p.png) y']);
  });

  it('marks the Markdown inside a formula (link text and destination, HTML, code spans) as not TeX', () => {
    const text = '$a [b](c.md) <i>d</i> `e` f$\n';
    const [formula] = scan(text).formulas;
    expect(formula?.markdown?.map(([start, end]) => text.slice(start, end))).toEqual(['[b](c.md)', '<i>', '</i>', '`e`']);
    expect(scan('$a + b$\n').formulas[0]?.markdown).toBeUndefined();
  });
});
