import { type DelimiterIssue, defineRule, preview, showChar } from '@llm-notes/core';
import { type DelimiterWording, type Wording, reportIssues } from './math-scan-of.js';

const CLOSE_OR_ESCAPE = 'Close the formula with `$`, or write a literal dollar as `\\$`.';

/** `\(…\)` and `\[…\]`: what GitHub shows instead, and the delimiters to use. */
export function latexWording(issue: DelimiterIssue): Wording {
  const { open, close, display } = issue.latex ?? { open: '\\(', close: '\\)', display: false };
  const shown = `${open.slice(1)}${preview(issue.content ?? '')}${close.slice(1)}`;
  return { message: `\`${open}…${close}\` is not math on GitHub (it shows \`${shown}\`); use ${display ? '`$$…$$`' : '`$…$`'}` };
}

const formula = (issue: DelimiterIssue): string => `$${preview(issue.content ?? '')}$`;

/** The findings this rule reports: formulas GitHub shows as text, or prose `$` it renders as a formula. */
const wording: DelimiterWording = {
  'inline-cannot-open': (issue) => ({
    message: `GitHub shows \`${formula(issue)}\` as text: \`$\` math cannot start right after ${showChar(issue.neighbour)}; put a space before the \`$\``,
  }),
  'inline-cannot-close': (issue) => ({
    message: `GitHub shows \`${formula(issue)}\` as text: the closing \`$\` is followed by ${showChar(issue.neighbour)}; put a space after it`,
  }),
  'inline-not-rendered': (issue) => ({ message: `GitHub shows \`${formula(issue)}\` as text` }),
  'inline-unmatched-paired-later': (issue) => ({
    message: `unmatched \`$\`: GitHub pairs it with a later \`$\` and renders \`${formula(issue)}\` as one formula`,
    note: CLOSE_OR_ESCAPE,
  }),
  'inline-dollar-amount': (issue) => ({ message: `GitHub renders \`${formula(issue)}\` as one formula: escape the dollar amount as \`\\$\`` }),
  'inline-paired-differently': (issue) => ({
    message: `GitHub renders \`${formula(issue)}\` as one formula, pairing these \`$\` differently than intended`,
  }),
  'inline-unmatched': () => ({ message: 'unmatched `$`: GitHub shows the formula as text', note: CLOSE_OR_ESCAPE }),
  'backtick-cannot-open': (issue) => ({
    message: `GitHub shows this \`$\`…\`$\` formula as text: it cannot start right after ${showChar(issue.neighbour)}; put a space before the \`$\``,
  }),
  'formulas-touch': () => ({
    message: 'two formulas touch (`$…$$…$`): GitHub reads the `$$` as one delimiter and renders neither; put a space between them',
  }),
  'latex-delimiters': latexWording,
};

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
    reportIssues(tree, file, wording);
  },
);
