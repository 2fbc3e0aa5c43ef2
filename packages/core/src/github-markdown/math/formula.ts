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

/**
 * What the scanner found about a formula's delimiters (how GitHub reads
 * them). The scanner only finds; the lint-math rules choose which kinds they
 * report and word the messages.
 */
export type DelimiterIssueKind =
  /** `$ x $`: space just inside the delimiters. */
  | 'inline-space-inside'
  /** `$x$的`: the closer is followed by a (non-ASCII) letter. */
  | 'inline-closer-before-letter'
  /** `，$x$`: an intended `$` opener GitHub does not open at. */
  | 'inline-cannot-open'
  /** `$x$b`: an intended `$` closer GitHub does not close at. */
  | 'inline-cannot-close'
  /** An intended `$…$` pair GitHub shows as text, for no other reason found. */
  | 'inline-not-rendered'
  /** A `$…$` formula GitHub renders across a line break. */
  | 'inline-split-across-lines'
  /** A `$` without a partner that GitHub pairs with a later `$`. */
  | 'inline-unmatched-paired-later'
  /** A dollar amount GitHub pairs with another `$` into a formula. */
  | 'inline-dollar-amount'
  /** GitHub pairs these `$` otherwise than the author did. */
  | 'inline-paired-differently'
  /** A `$` before a formula-like character, without a partner. */
  | 'inline-unmatched'
  /** `x$`…`$`: a `$`-backtick formula GitHub does not open after a letter. */
  | 'backtick-cannot-open'
  /** `$a$$b$`: two formulas touch; GitHub reads `$$`. */
  | 'formulas-touch'
  /** A `$$` that is never closed. */
  | 'display-unclosed'
  /** A blank line inside a `$$` block. */
  | 'display-blank-line'
  /** A `$$` block on the line right after another. */
  | 'display-after-display'
  /** A `$$` opener that shares its line with text. */
  | 'display-opener-shares-line'
  /** A `$$` block with no blank line before it. */
  | 'display-no-blank-before'
  /** Text right after a closing `$$` that opened a line. */
  | 'display-text-after-closer'
  /** A closing `$$` that shares its line with text. */
  | 'display-closer-shares-line'
  /** `\(…\)` or `\[…\]` around TeX: not math on GitHub. */
  | 'latex-delimiters'
  /** `\(A\)` around one letter: GitHub shows `(A)`, which may be what was meant. */
  | 'latex-lone-letter';

export interface DelimiterIssue {
  readonly kind: DelimiterIssueKind;
  readonly start: number;
  readonly end: number;
  /** The formula's content between its delimiters, as written (kinds about one formula). */
  readonly content?: string | undefined;
  /** The character beside the delimiter that decides: before an opener, after a closer (undefined at a line end). */
  readonly neighbour?: string | undefined;
  /** The LaTeX delimiters found (`latex-*` kinds). */
  readonly latex?: { readonly open: string; readonly close: string; readonly display: boolean } | undefined;
  readonly fix?: TextEdit[] | undefined;
  /** The formula as it should be written, when the scanner knows it. */
  readonly expected?: string[] | undefined;
}
