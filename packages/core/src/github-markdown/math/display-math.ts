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
        category: 'display',
        start: open.start,
        end: open.start + 2,
        message: '`$$` is never closed: GitHub shows the `$$` and the formula as text',
        note: 'Close the block with a `$$` line.',
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
        category: 'display',
        start: open.start,
        end: close.start + 2,
        message: 'blank line inside a `$$` block: GitHub ends the paragraph there and shows the formula as text',
        note: 'Remove the empty line, or put a `%` on it.',
      });
    }
    const openAtLineStart = view.atLineStart(open.start);
    const openLine = view.line(open.start);
    if (openAtLineStart && previousCloseLine !== undefined && openLine === previousCloseLine + 1) {
      const lineStart = view.lineStart(open.start);
      issues.push({
        category: 'display',
        start: open.start,
        end: open.start + 2,
        message: '`$$` block right after another `$$` block: GitHub renders neither; leave a blank line between them',
        fix: [{ start: lineStart, end: lineStart, text: '\n' }],
      });
    } else if (!openAtLineStart) {
      issues.push({
        category: 'spacing',
        start: open.start,
        end: open.start + 2,
        message: '`$$` shares its line with text: GitHub only documents `$$` blocks that start a line',
        note: 'Put the `$$` block on its own lines, after a blank line.',
      });
    } else if (openLine > firstLine) {
      issues.push({
        category: 'spacing',
        start: open.start,
        end: open.start + 2,
        message: 'no blank line before the `$$` block',
        note: 'GitHub reads the block as part of the paragraph above; a blank line keeps it a block everywhere.',
      });
    }
    const after = close.start + 2;
    if (!view.atLineEnd(after) && !isWhitespace(view.text[after]) && view.text[after] !== undefined) {
      issues.push({
        category: 'spacing',
        start: close.start,
        end: after,
        message: 'text right after the closing `$$` on the same line',
        note: 'End the line after `$$`.',
      });
    } else if (!view.atLineEnd(after)) {
      issues.push({
        category: 'spacing',
        start: close.start,
        end: after,
        message: 'the closing `$$` shares its line with text',
        note: 'End the line after `$$`.',
      });
    }
    previousCloseLine = view.line(close.start);
  }
  return { formulas, issues, consumed };
}
