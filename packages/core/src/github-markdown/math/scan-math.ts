import type { Code, Root } from 'mdast';
import { isLetter, isWhitespace } from './characters.js';
import { displayMath } from './display-math.js';
import { scanBackticks } from './code-spans.js';
import { type DollarRun, dollarRuns } from './dollar-tokens.js';
import type { DelimiterIssue, Formula } from './formula.js';
import { inlineMath } from './inline-math.js';
import { latexDelimiters } from './latex-delimiters.js';
import { markdownRegions } from './markdown-regions.js';
import { SegmentView } from './segment-view.js';
import { TextPositions } from './text-positions.js';

export interface MathScan {
  readonly text: string;
  readonly positions: TextPositions;
  /** Every formula the author wrote, in document order (rendered by GitHub or not). */
  readonly formulas: Formula[];
  readonly issues: DelimiterIssue[];
}

/** One scan per parsed tree, shared by all math rules of a run. */
const scans = new WeakMap<Root, MathScan>();

/**
 * Finds the math of a note as GitHub reads it, from the raw text (the mdast
 * only says where code, HTML and URLs are): remark-math's own parsing of `$`
 * differs from GitHub's and is not used.
 */
export function scanMath(tree: Root, text: string): MathScan {
  const known = scans.get(tree);
  if (known && known.text === text) return known;
  const regions = markdownRegions(tree, text);
  const positions = new TextPositions(text);
  const formulas: Formula[] = [];
  const issues: DelimiterIssue[] = [];
  // Link texts first, then hidden from their paragraph: a `$` pairs only within its own link text.
  for (const linkText of regions.linkTexts) scanSegment(new SegmentView(text, regions.masked, linkText, positions), formulas, issues);
  for (const linkText of regions.linkTexts) regions.masked.fill(1, linkText.start, linkText.end);
  for (const segment of regions.segments) {
    const view = new SegmentView(text, regions.masked, segment, positions);
    scanSegment(view, formulas, issues);
  }
  for (const fence of regions.mathFences) {
    const fenceFormula = fenceOf(fence, text);
    if (fenceFormula) formulas.push(fenceFormula);
  }
  formulas.sort((a, b) => a.start - b.start);
  issues.sort((a, b) => a.start - b.start);
  const scan: MathScan = { text, positions, formulas, issues };
  scans.set(tree, scan);
  return scan;
}

function fenceOf(node: Code, text: string): Formula | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const firstBreak = text.indexOf('\n', start);
  const contentStart = firstBreak < 0 || firstBreak >= end ? end : firstBreak + 1;
  // The raw lines between the fences (the node value has list indentation removed).
  const lastBreak = text.lastIndexOf('\n', end - 1);
  const closed = lastBreak >= contentStart - 1 && /^\s*(`{3,}|~{3,})\s*$/u.test(text.slice(lastBreak + 1, end));
  const contentEnd = closed ? Math.max(contentStart, lastBreak) : end;
  return { kind: 'fence', start, end, contentStart, contentEnd, tex: node.value, inTable: false, rendered: true };
}

function scanSegment(view: SegmentView, formulas: Formula[], issues: DelimiterIssue[]): void {
  const source = view.text.slice(view.start, view.end);
  if (!source.includes('$') && !source.includes('\\')) return;
  const before = formulas.length;
  scanDelimiters(view, formulas, issues);
  for (let index = before; index < formulas.length; index++) formulas[index] = withMarkdownParts(view, formulas[index] as Formula);
}

/** Marks the parts of a `$…$`/`$$…$$` formula that Markdown read first (masked in the view when the segment is scanned). */
function withMarkdownParts(view: SegmentView, formula: Formula): Formula {
  if (formula.kind !== 'inline' && formula.kind !== 'display') return formula;
  const parts: Array<[number, number]> = [];
  for (let offset = formula.contentStart; offset < formula.contentEnd; offset++) {
    if (!view.isMasked(offset)) continue;
    const last = parts.at(-1);
    if (last && last[1] === offset) last[1] = offset + 1;
    else parts.push([offset, offset + 1]);
  }
  return parts.length === 0 ? formula : { ...formula, markdown: parts };
}

function scanDelimiters(view: SegmentView, formulas: Formula[], issues: DelimiterIssue[]): void {
  const taken: Array<[number, number]> = [];
  const backticks = scanBackticks(view);
  let runs = dollarRuns(view);

  for (const found of backticks) {
    taken.push([found.start, found.end]);
    const before = view.charAt(found.start - 1);
    const blocked = isLetter(before);
    formulas.push({
      kind: 'backtick',
      start: found.start,
      end: found.end,
      contentStart: found.contentStart,
      contentEnd: found.contentEnd,
      tex: view.text.slice(found.contentStart, found.contentEnd).trim(),
      inTable: view.segment.inTable,
      rendered: !blocked,
    });
    if (blocked) {
      issues.push({
        kind: 'backtick-cannot-open',
        start: found.start,
        end: found.end,
        neighbour: before,
        fix: [{ start: found.start, end: found.start, text: ' ' }],
      });
    }
  }
  // Offsets inside a formula found so far (an array, not a search: lines can be very long).
  const covered = new Uint8Array(view.end - view.start + 1);
  const cover = (start: number, end: number): void => {
    covered.fill(1, start - view.start, end - view.start);
  };
  for (const [start, end] of taken) cover(start, end);
  const insideTaken = (offset: number): boolean => covered[offset - view.start] === 1;
  runs = runs.filter((run) => !insideTaken(run.start));
  runs = splitTouchingFormulas(view, runs, issues);

  const display = displayMath(view, runs);
  formulas.push(...display.formulas);
  issues.push(...display.issues);
  for (const formula of display.formulas) cover(formula.start, formula.end);

  const singles = runs.filter((run) => run.length === 1 && !display.consumed.has(run.start) && !insideTaken(run.start));
  const inline = inlineMath(view, singles.map((run) => run.start));
  formulas.push(...inline.formulas);
  issues.push(...inline.issues);
  for (const formula of inline.formulas) cover(formula.start, formula.end);

  issues.push(...latexDelimiters(view, insideTaken));
}

/**
 * `$a$$b$`: two formulas with no space between look like a `$$` to GitHub,
 * which then renders neither. Split the `$$` back into two `$`.
 */
function splitTouchingFormulas(view: SegmentView, runs: DollarRun[], issues: DelimiterIssue[]): DollarRun[] {
  const result: DollarRun[] = [];
  let singlesOnLine = 0;
  let line = 0;
  for (const run of runs) {
    const runLine = view.line(run.start);
    if (runLine !== line) singlesOnLine = 0;
    line = runLine;
    if (run.length === 1) singlesOnLine++;
    const before = view.charAt(run.start - 1);
    const after = view.charAt(run.start + 2);
    // Only after an open `$…` on the line: `text $$x$$.` is a display formula.
    const touching =
      run.length === 2 &&
      singlesOnLine % 2 === 1 &&
      before !== undefined &&
      after !== undefined &&
      !isWhitespace(before) &&
      !isWhitespace(after) &&
      !view.atLineStart(run.start) &&
      !view.atLineEnd(run.start + 2);
    if (!touching) {
      result.push(run);
      continue;
    }
    issues.push({
      kind: 'formulas-touch',
      start: run.start,
      end: run.start + 2,
      fix: [{ start: run.start + 1, end: run.start + 1, text: ' ' }],
    });
    result.push({ start: run.start, length: 1 }, { start: run.start + 1, length: 1 });
  }
  return result;
}
