import type { TextEdit } from '../../edits.js';

/**
 * `inline` is `$…$`, `backtick` is `` $`…`$ ``, `display` is `$$…$$` and
 * `fence` a ```` ```math ```` block.
 */
export type FormulaKind = 'inline' | 'backtick' | 'display' | 'fence';

export interface Formula {
  readonly kind: FormulaKind;
  /** Offsets of the whole formula, delimiters included. */
  readonly start: number;
  readonly end: number;
  /** Offsets of the TeX between the delimiters. */
  readonly contentStart: number;
  readonly contentEnd: number;
  /** The TeX MathJax receives. */
  readonly tex: string;
  readonly inTable: boolean;
  /** False when GitHub shows it as raw text (reported by `math-delimiters`). */
  readonly rendered: boolean;
  /**
   * Parts of the content that GitHub reads as Markdown before it looks for
   * math (a link's text and destination, HTML, a code span), as `[start, end)`
   * offsets in order: not TeX, so never edited as TeX. Only `$…$` and `$$…$$`
   * formulas have them.
   */
  readonly markdown?: ReadonlyArray<readonly [number, number]>;
}

/** Which rule reports a delimiter finding: definite breakage, `$$` layout, or a doubtful case. */
export type IssueCategory = 'delimiters' | 'display' | 'spacing';

export interface DelimiterIssue {
  readonly category: IssueCategory;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly fix?: TextEdit[] | undefined;
  readonly expected?: string[] | undefined;
  readonly note?: string | undefined;
}
