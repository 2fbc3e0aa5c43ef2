import type { RuleDefinition } from '@llm-notes/core';
import { mathDelimiterSpacing } from './rules/math-delimiter-spacing.js';
import { mathDelimiters } from './rules/math-delimiters.js';
import { mathDisplayBlocks } from './rules/math-display-blocks.js';
import { mathMarkdownInterference } from './rules/math-markdown-interference.js';
import { mathTex } from './rules/math-tex.js';
import { mathUnicode } from './rules/math-unicode.js';

export { type MathScan, scanMath } from '@llm-notes/core';
export { TEX_VERDICT_STORE, openTexVerdictStore, texVerdict } from './tex/tex-validity.js';
export type { TexVerdict, TexVerdictStore } from './tex/tex-verdict-store.js';
export { githubTexPackages } from './tex/github-packages.js';
export type { DelimiterIssue, Formula, FormulaKind } from '@llm-notes/core';

/** This package's rules: GitHub's reading of math delimiters, then TeX, Markdown and Unicode inside formulas. */
export const rules: RuleDefinition[] = [
  mathDelimiters,
  mathDisplayBlocks,
  mathDelimiterSpacing,
  mathTex,
  mathMarkdownInterference,
  mathUnicode,
] as RuleDefinition[];
