import { defineRule, showChar } from '@llm-notes/core';
import { latexWording } from './math-delimiters.js';
import { type DelimiterWording, reportIssues } from './math-scan-of.js';

const END_THE_LINE = 'End the line after `$$`.';

/** The findings this rule reports: layouts that render today but unreliably. */
const wording: DelimiterWording = {
  'inline-space-inside': () => ({
    message: 'space just inside the `$` delimiters',
    note: 'Other renderers (and GitHub in some positions) do not read `$ x $` as math.',
  }),
  'inline-closer-before-letter': (issue) => ({
    message: `closing \`$\` directly followed by ${showChar(issue.neighbour)}`,
    note: 'GitHub does not end `$` math before a letter or digit; put a space after the formula to be safe.',
  }),
  'inline-split-across-lines': () => ({
    message: 'formula split across a line break',
    note: 'Keep a `$…$` formula on one line: editors and other renderers do not join it.',
  }),
  'display-opener-shares-line': () => ({
    message: '`$$` shares its line with text: GitHub only documents `$$` blocks that start a line',
    note: 'Put the `$$` block on its own lines, after a blank line.',
  }),
  'display-no-blank-before': () => ({
    message: 'no blank line before the `$$` block',
    note: 'GitHub reads the block as part of the paragraph above; a blank line keeps it a block everywhere.',
  }),
  'display-text-after-closer': () => ({ message: 'text right after the closing `$$` on the same line', note: END_THE_LINE }),
  'display-closer-shares-line': () => ({ message: 'the closing `$$` shares its line with text', note: END_THE_LINE }),
  // `\(A\)`: GitHub shows `(A)`, which may be what was meant, so only a warning.
  'latex-lone-letter': latexWording,
};

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
    reportIssues(tree, file, wording);
  },
);
