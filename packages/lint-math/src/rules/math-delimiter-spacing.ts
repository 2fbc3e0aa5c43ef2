import { defineRule } from '@llm-notes/core';
import { reportIssues } from './math-scan-of.js';

/**
 * Delimiter layouts that GitHub may or may not render, and other renderers
 * often do not: spaces just inside `$ x $`, a closing `$` before a CJK
 * letter, a formula split over lines, `$$` sharing a line with text or
 * without a blank line before. Warnings: the notes still render today.
 */
export const mathDelimiterSpacing = defineRule(
  {
    id: 'math-delimiter-spacing',
    description: 'A formula’s delimiters are laid out in a way that renders unreliably.',
    fixable: true,
    defaultSeverity: 'warn',
    docs: {
      fail: '其中 $ d $ 是维度， $x$的长度。\n',
      messages: [
        '1:4: space just inside the `$` delimiters',
        '1:17: closing `$` directly followed by `的`',
      ],
      pass: '其中 $d$ 是维度， $x$ 的长度。\n',
    },
  },
  (tree, file) => {
    reportIssues(tree, file, 'spacing');
  },
);
