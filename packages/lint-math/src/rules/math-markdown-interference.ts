import { type TextEdit, defineRule, report } from '@llm-notes/core';
import type { Formula } from '@llm-notes/core';
import { mathScanOf } from './math-scan-of.js';

interface Hazard {
  readonly pattern: RegExp;
  readonly what: string;
}

/** Content GitHub's Markdown pass can alter before MathJax sees it. */
const HAZARDS: readonly Hazard[] = [
  { pattern: /\}_\{/u, what: '`}_{` can be read as emphasis' },
  { pattern: /\\[{}]/u, what: 'Markdown removes the backslash of `\\{` and `\\}`' },
  { pattern: /\\\\/u, what: 'Markdown turns `\\\\` into `\\`' },
  { pattern: /<[A-Za-z!/?]/u, what: '`<` before a letter reads as an HTML tag' },
  { pattern: /\[[^\]]*\]\([^)]*\)/u, what: '`[…](…)` reads as a link' },
  { pattern: /\*/u, what: '`*` can start emphasis' },
];

/** Unescaped `|` of a formula in a table: it ends the table cell. */
function tablePipes(formula: Formula, text: string): number[] {
  if (!formula.inTable) return [];
  const pipes: number[] = [];
  for (let offset = formula.contentStart; offset < formula.contentEnd; offset++) {
    if (text[offset] === '|' && text[offset - 1] !== '\\') pipes.push(offset);
  }
  return pipes;
}

/**
 * `$…$` content that Markdown may change on GitHub: the `` $`…`$ `` form
 * protects it, and `fix` rewrites inline formulas to it. In a table, `|`
 * becomes `\vert{}`, since a table cell ends at any `|`.
 */
export const mathMarkdownInterference = defineRule(
  {
    id: 'math-markdown-interference',
    description: 'A formula holds characters GitHub’s Markdown pass can alter (`_`, `*`, `\\{`, `\\\\`, `<`, links, `|` in tables).',
    fixable: true,
    defaultSeverity: 'warn',
    docs: {
      fail: 'Set: $\\{x_1, x_2\\}$ and $a^*$\n',
      messages: [
        '1:6: formula content Markdown may alter: Markdown removes the backslash of `\\{` and `\\}`; use the $`…`$ form',
        '1:25: formula content Markdown may alter: `*` can start emphasis; use the $`…`$ form',
      ],
      pass: 'Set: $`\\{x_1, x_2\\}`$ and $`a^*`$\n',
    },
  },
  (tree, file) => {
    const scan = mathScanOf(tree, file);
    const text = scan.text;
    for (const formula of scan.formulas) {
      if (formula.kind === 'backtick' || formula.kind === 'fence') continue;
      const content = text.slice(formula.contentStart, formula.contentEnd);
      const found = HAZARDS.filter((hazard) => hazard.pattern.test(content)).map((hazard) => hazard.what);
      const pipes = tablePipes(formula, text);
      if (pipes.length > 0) found.push('`|` ends the table cell');
      if (found.length === 0) continue;
      const where = scan.positions.position(formula.start, formula.end);
      if (formula.kind === 'display') {
        report(file, `formula content Markdown may alter: ${found.join('; ')}`, where, {
          note: 'Write the block as a ```` ```math ```` fence, which Markdown leaves alone.',
        });
        continue;
      }
      const fix: TextEdit[] = pipes.map((offset) => ({ start: offset, end: offset + 1, text: '\\vert{}' }));
      const hazardsBesidePipes = found.length > (pipes.length > 0 ? 1 : 0);
      const canQuote = formula.rendered && !content.includes('`') && hazardsBesidePipes;
      if (canQuote) {
        fix.push({ start: formula.contentStart, end: formula.contentStart, text: '`' }, { start: formula.contentEnd, end: formula.contentEnd, text: '`' });
      }
      report(file, `formula content Markdown may alter: ${found.join('; ')}; use the $\`…\`$ form`, where, {
        fix: fix.length > 0 ? fix : undefined,
        expected: canQuote ? [`$\`${content}\`$`] : undefined,
      });
    }
  },
);
