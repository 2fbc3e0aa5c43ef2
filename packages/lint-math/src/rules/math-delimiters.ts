import { defineRule } from '@llm-notes/core';
import { reportIssues } from './math-scan-of.js';

/**
 * Formulas GitHub shows as raw text, or text it renders as a formula:
 * `$` right after a non-space (CJK punctuation included), a closing `$`
 * before a letter or digit, touching formulas, unmatched `$`, dollar amounts
 * paired into a formula, and `\(…\)` / `\[…\]`.
 */
export const mathDelimiters = defineRule(
  {
    id: 'math-delimiters',
    description: 'A formula’s `$` delimiters are not read as math by GitHub (or prose `$` is).',
    fixable: true,
    defaultSeverity: 'error',
    docs: {
      fail: '向量维度为，$d$ 的矩阵。\n\nPrice: $5 and the loss is $x$.\n\nInline \\(x^2\\) is not math on GitHub.\n',
      messages: [
        '1:7: GitHub shows `$d$` as text: `$` math cannot start right after `，`; put a space before the `$`',
        '3:8: GitHub renders `$5 and the loss is $x$` as one formula: escape the dollar amount as `\\$`',
        '5:8: `\\(…\\)` is not math on GitHub (it shows `(x^2)`); use `$…$`',
      ],
      pass: '向量维度为， $d$ 的矩阵。\n\nPrice: \\$5 and the loss is $x$.\n\nInline $x^2$ is math.\n',
    },
  },
  (tree, file) => {
    reportIssues(tree, file, 'delimiters');
  },
);
