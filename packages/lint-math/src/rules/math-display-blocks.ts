import { defineRule } from '@llm-notes/core';
import { type DelimiterWording, reportIssues } from './math-scan-of.js';

/** The findings this rule reports: `$$` blocks GitHub does not render. */
const wording: DelimiterWording = {
  'display-unclosed': () => ({
    message: '`$$` is never closed: GitHub shows the `$$` and the formula as text',
    note: 'Close the block with a `$$` line.',
  }),
  'display-blank-line': () => ({
    message: 'blank line inside a `$$` block: GitHub ends the paragraph there and shows the formula as text',
    note: 'Remove the empty line, or put a `%` on it.',
  }),
  'display-after-display': () => ({
    message: '`$$` block right after another `$$` block: GitHub renders neither; leave a blank line between them',
  }),
};

/** `$$` blocks GitHub does not render: unclosed, with a blank line inside, or stuck to another block. */
export const mathDisplayBlocks = defineRule(
  {
    id: 'math-display-blocks',
    description: 'A `$$` block is unclosed, holds a blank line, or directly follows another `$$` block.',
    fixable: true,
    defaultSeverity: 'error',
    docs: {
      fail: 'Softmax:\n\n$$\np_i = \\frac{e^{x_i}}{Z}\n\nZ = \\sum_j e^{x_j}\n$$\n',
      messages: [
        '3:1: blank line inside a `$$` block: GitHub ends the paragraph there and shows the formula as text',
      ],
      pass: 'Softmax:\n\n$$\np_i = \\frac{e^{x_i}}{Z}, \\quad Z = \\sum_j e^{x_j}\n$$\n',
    },
  },
  (tree, file) => {
    reportIssues(tree, file, wording);
  },
);
