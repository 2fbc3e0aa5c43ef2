import { parseMarkdown } from '../../processor.js';
import type { Formula } from './formula.js';
import { scanMath } from './scan-math.js';

/** A formula GitHub renders, found in a Markdown text: its kind, offsets and TeX. */
export type MathRange = Pick<Formula, 'kind' | 'start' | 'end' | 'contentStart' | 'contentEnd' | 'tex'>;

/**
 * Where GitHub finds math in a Markdown text: every formula it renders, in
 * document order, paired the way GitHub pairs `$` and `$$` (never inside code,
 * HTML or link destinations). The one answer to "what is a formula" for the
 * linter, the README generator and the site; written delimiters GitHub shows
 * as plain text are left out. Pass `tree` when the text is already parsed.
 */
export function findMathRanges(text: string, tree = parseMarkdown(text)): MathRange[] {
  return scanMath(tree, text)
    .formulas.filter((formula) => formula.rendered)
    .map(({ kind, start, end, contentStart, contentEnd, tex }) => ({ kind, start, end, contentStart, contentEnd, tex }));
}
