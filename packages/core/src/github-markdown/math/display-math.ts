import { isWhitespace } from './characters.js';
import type { DollarRun } from './dollar-tokens.js';
import type { DelimiterIssue, Formula } from './formula.js';
import type { SegmentView } from './segment-view.js';

export interface DisplayResult {
  readonly formulas: Formula[];
  readonly issues: DelimiterIssue[];
  /** `$$` runs used as delimiters (or left unclosed): not inline tokens. */
  readonly consumed: Set<number>;
}

/** True when the text between two offsets holds an empty line. */
function hasBlankLine(text: string): boolean {
  return /\n[ \t>\r]*\n/u.test(text);
}

/**
 * `$$ … $$` pairs of a segment, in order. GitHub reads `$$` inside the
 * paragraph flow, so the checks are about the lines around the delimiters.
 */
export function displayMath(view: SegmentView, runs: readonly DollarRun[]): DisplayResult {
  const formulas: Formula[] = [];
  const issues: DelimiterIssue[] = [];
  const consumed = new Set<number>();
  const doubles = runs.filter((run) => run.length === 2);
  let previousCloseLine: number | undefined;
  const firstLine = view.line(view.start);
  for (let index = 0; index < doubles.length; index += 2) {
    const open = doubles[index];
    const close = doubles[index + 1];
    if (!open) break;
    consumed.add(open.start);
    if (!close) {
      issues.push({
        kind: 'display-unclosed',
        start: open.start,
        end: open.start + 2,
      });
      break;
    }
    consumed.add(close.start);
    const contentStart = open.start + 2;
    const contentEnd = close.start;
    const tex = view.text.slice(contentStart, contentEnd);
    formulas.push({
      kind: 'display',
      start: open.start,
      end: close.start + 2,
      contentStart,
      contentEnd,
      tex,
      inTable: view.segment.inTable,
      rendered: !hasBlankLine(tex),
    });
    if (hasBlankLine(tex)) {
      issues.push({
        kind: 'display-blank-line',
        start: open.start,
        end: close.start + 2,
      });
    }
    const openAtLineStart = view.atLineStart(open.start);
    const openLine = view.line(open.start);
    if (openAtLineStart && previousCloseLine !== undefined && openLine === previousCloseLine + 1) {
      const lineStart = view.lineStart(open.start);
      issues.push({
        kind: 'display-after-display',
        start: open.start,
        end: open.start + 2,
        fix: [{ start: lineStart, end: lineStart, text: '\n' }],
      });
    } else if (!openAtLineStart) {
      issues.push({
        kind: 'display-opener-shares-line',
        start: open.start,
        end: open.start + 2,
      });
    } else if (openLine > firstLine) {
      issues.push({
        kind: 'display-no-blank-before',
        start: open.start,
        end: open.start + 2,
      });
    }
    const after = close.start + 2;
    if (!view.atLineEnd(after) && !isWhitespace(view.text[after]) && view.text[after] !== undefined) {
      issues.push({
        kind: 'display-text-after-closer',
        start: close.start,
        end: after,
      });
    } else if (!view.atLineEnd(after)) {
      issues.push({
        kind: 'display-closer-shares-line',
        start: close.start,
        end: after,
      });
    }
    previousCloseLine = view.line(close.start);
  }
  return { formulas, issues, consumed };
}
