import { parseMarkdown } from '../../processor.js';
import type { FormulaKind } from './formula.js';
import { scanMath } from './scan-math.js';

/** A formula GitHub renders, found in a Markdown text. */
export interface MathRange {
  /** `inline` `$…$`, `backtick` `` $`…`$ ``, `display` `$$…$$`, `fence` a ```` ```math ```` block. */
  readonly kind: FormulaKind;
  /** Offsets of the whole formula in the text, delimiters included. */
  readonly start: number;
  readonly end: number;
  /** Offsets of the TeX between the delimiters. */
  readonly contentStart: number;
  readonly contentEnd: number;
  /** The TeX the renderer receives. */
  readonly tex: string;
}

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
