import type { TextEdit } from '../../edits.js';
import { isAsciiAlphanumeric, isLetter, isWhitespace } from './characters.js';
import type { DelimiterIssue, Formula } from './formula.js';
import type { SegmentView } from './segment-view.js';

/** A pair of `$` offsets: opener and closer. */
interface Pair {
  readonly open: number;
  readonly close: number;
}

/** Characters before which an inserted space would change other Markdown (emphasis, links…). */
const UNSAFE_TO_SPACE = new Set(['*', '_', '~', '[', '`', '\\']);

/**
 * True when `$…$` content reads as prose around dollar amounts
 * (`$5 and $10`), not as a formula (`$2\Phi$`, `$1 + 2$`, `$6ND$`, `$12.8$`).
 */
export function looksLikeMoney(content: string, afterCloser: string | undefined): boolean {
  if (!/^\d/u.test(content) || /[\\^_{}=]/u.test(content)) return false;
  // A bare number closed tightly (`$12.8$`, `$0$`) is a formula; `$5, $10` and `$5 $` are amounts.
  return /\d/u.test(afterCloser ?? '') || /\s\p{L}{2,}/u.test(content) || /^\d[\d.,]*(?:[,;]\s*|\s+)$/u.test(content);
}

/** GitHub starts `$` math only at the start of a line or cell, or after whitespace. */
function canOpen(view: SegmentView, offset: number): boolean {
  const before = view.charAt(offset - 1);
  if (before === undefined || view.atLineStart(offset)) return true;
  if (view.segment.inTable && before === '|') return true;
  return isWhitespace(before);
}

/** GitHub ends `$` math only at a `$` not followed by a letter or digit. */
function canClose(view: SegmentView, offset: number): boolean {
  return !isAsciiAlphanumeric(view.charAt(offset + 1));
}

/** What GitHub renders: each opener takes the first `$` that can close it. */
function githubPairs(view: SegmentView, dollars: readonly number[]): Pair[] {
  // nextCloser[i]: index of the first `$` at or after i that can close (linear, for long lines).
  const nextCloser = new Int32Array(dollars.length + 1).fill(-1);
  for (let index = dollars.length - 1; index >= 0; index--) {
    nextCloser[index] = canClose(view, dollars[index] as number) ? index : (nextCloser[index + 1] as number);
  }
  const pairs: Pair[] = [];
  for (let index = 0; index < dollars.length; index++) {
    const open = dollars[index] as number;
    if (!canOpen(view, open)) continue;
    const closeIndex = nextCloser[index + 1] as number;
    if (closeIndex < 0) break;
    pairs.push({ open, close: dollars[closeIndex] as number });
    index = closeIndex;
  }
  return pairs;
}

interface Intent {
  readonly pairs: Pair[];
  /** `$` taken for a dollar amount. */
  readonly money: Set<number>;
  readonly unmatched: number[];
}

/** What the author meant: `$` paired in order on each line, dollar amounts set aside. */
function intendedPairs(view: SegmentView, dollars: readonly number[]): Intent {
  const pairs: Pair[] = [];
  const money = new Set<number>();
  const unmatched: number[] = [];
  const byLine = new Map<number, number[]>();
  for (const offset of dollars) {
    const line = view.line(offset);
    const offsets = byLine.get(line);
    if (offsets) offsets.push(offset);
    else byLine.set(line, [offset]);
  }
  for (const offsets of byLine.values()) {
    let open: number | undefined;
    for (const offset of offsets) {
      if (open === undefined) {
        open = offset;
        continue;
      }
      // `$a and $b$`: a `$` after a space and before a formula starts one; the first is unmatched.
      if (isWhitespace(view.text[offset - 1]) && /[A-Za-z\\]/u.test(view.text[offset + 1] ?? '')) {
        unmatched.push(open);
        open = offset;
        continue;
      }
      if (looksLikeMoney(view.text.slice(open + 1, offset), view.text[offset + 1])) {
        money.add(open);
        open = offset;
        continue;
      }
      pairs.push({ open, close: offset });
      open = undefined;
    }
    if (open !== undefined) unmatched.push(open);
  }
  return { pairs, money, unmatched };
}

export interface InlineResult {
  readonly formulas: Formula[];
  readonly issues: DelimiterIssue[];
}

function formulaOf(view: SegmentView, pair: Pair, rendered: boolean): Formula {
  return {
    kind: 'inline',
    start: pair.open,
    end: pair.close + 1,
    contentStart: pair.open + 1,
    contentEnd: pair.close,
    tex: view.text.slice(pair.open + 1, pair.close),
    inTable: view.segment.inTable,
    rendered,
  };
}

function spacingIssues(view: SegmentView, pair: Pair): DelimiterIssue[] {
  const issues: DelimiterIssue[] = [];
  const content = view.text.slice(pair.open + 1, pair.close);
  const leading = /^\s+/u.exec(content)?.[0].length ?? 0;
  const trailing = /\s+$/u.exec(content)?.[0].length ?? 0;
  if ((leading > 0 || trailing > 0) && leading < content.length && !content.includes('\n')) {
    const fix: TextEdit[] = [];
    // Trimming must not make two `$` touch (`$a $`b`$ $` → `$$`): that is another formula's delimiter.
    const trimmed = content.trim();
    const safe = !trimmed.startsWith('$') && !trimmed.endsWith('$');
    if (safe && leading > 0) fix.push({ start: pair.open + 1, end: pair.open + 1 + leading, text: '' });
    if (safe && trailing > 0) fix.push({ start: pair.close - trailing, end: pair.close, text: '' });
    issues.push({
      kind: 'inline-space-inside',
      start: pair.open,
      end: pair.close + 1,
      content,
      expected: [`$${content.trim()}$`],
      fix: fix.length > 0 ? fix : undefined,
    });
  }
  const after = view.charAt(pair.close + 1);
  if (isLetter(after) && !isAsciiAlphanumeric(after)) {
    issues.push({
      kind: 'inline-closer-before-letter',
      start: pair.close,
      end: pair.close + 1,
      neighbour: after,
      fix: [{ start: pair.close + 1, end: pair.close + 1, text: ' ' }],
    });
  }
  return issues;
}

/** Why GitHub does not render an intended pair, with the fix when it is safe. */
function brokenPairIssue(view: SegmentView, pair: Pair): DelimiterIssue | undefined {
  if (!canOpen(view, pair.open)) {
    const before = view.charAt(pair.open - 1);
    const safe = before !== undefined && !UNSAFE_TO_SPACE.has(before) && before !== '\uFFFC';
    return {
      kind: 'inline-cannot-open',
      start: pair.open,
      end: pair.close + 1,
      content: view.text.slice(pair.open + 1, pair.close),
      neighbour: view.text[pair.open - 1],
      fix: safe ? [{ start: pair.open, end: pair.open, text: ' ' }] : undefined,
    };
  }
  if (!canClose(view, pair.close)) {
    return {
      kind: 'inline-cannot-close',
      start: pair.close,
      end: pair.close + 1,
      content: view.text.slice(pair.open + 1, pair.close),
      neighbour: view.charAt(pair.close + 1),
      fix: [{ start: pair.close + 1, end: pair.close + 1, text: ' ' }],
    };
  }
  return undefined;
}

/** The `$…$` formulas of a segment and the delimiter problems GitHub would show. */
export function inlineMath(view: SegmentView, dollars: readonly number[]): InlineResult {
  const formulas: Formula[] = [];
  const issues: DelimiterIssue[] = [];
  const github = githubPairs(view, dollars);
  const intent = intendedPairs(view, dollars);
  const githubByOpen = new Map(github.map((pair) => [pair.open, pair]));
  const githubOf = new Map<number, Pair>();
  for (const pair of github) {
    githubOf.set(pair.open, pair);
    githubOf.set(pair.close, pair);
  }
  const explained = new Set<Pair>();
  /** `$` of intended formulas already reported as broken: one finding per defect. */
  const reported = new Set<number>();

  for (const pair of intent.pairs) {
    const rendered = githubByOpen.get(pair.open);
    if (rendered && rendered.close === pair.close) {
      explained.add(rendered);
      formulas.push(formulaOf(view, pair, true));
      issues.push(...spacingIssues(view, pair));
      continue;
    }
    formulas.push(formulaOf(view, pair, false));
    // `$a$$b$` is reported once, where the two formulas touch.
    if (view.charAt(pair.open - 1) === '$') continue;
    const broken = brokenPairIssue(view, pair);
    if (broken) {
      issues.push(broken);
      reported.add(pair.open).add(pair.close);
      continue;
    }
    const other = githubOf.get(pair.open) ?? githubOf.get(pair.close);
    if (other) continue; // reported below, as the formula GitHub does render
    issues.push({
      kind: 'inline-not-rendered',
      start: pair.open,
      end: pair.close + 1,
      content: view.text.slice(pair.open + 1, pair.close),
    });
  }

  const unmatchedByIntent: ReadonlySet<number> = new Set(intent.unmatched);
  const unmatched = new Set(intent.unmatched);
  for (const pair of github) {
    if (explained.has(pair) || reported.has(pair.open) || reported.has(pair.close)) continue;
    const content = view.text.slice(pair.open + 1, pair.close);
    if (content.includes('\n') && unmatched.has(pair.open) && unmatched.has(pair.close)) {
      unmatched.delete(pair.open);
      unmatched.delete(pair.close);
      formulas.push(formulaOf(view, pair, true));
      issues.push({
        kind: 'inline-split-across-lines',
        start: pair.open,
        end: pair.close + 1,
        content,
      });
      continue;
    }
    unmatched.delete(pair.open);
    unmatched.delete(pair.close);
    const dollarAmount = intent.money.has(pair.open) || (/^\d/u.test(content) && /\s/u.test(content));
    if (!dollarAmount && unmatchedByIntent.has(pair.open)) {
      issues.push({
        kind: 'inline-unmatched-paired-later',
        start: pair.open,
        end: pair.open + 1,
        content,
      });
      continue;
    }
    issues.push({
      kind: dollarAmount ? 'inline-dollar-amount' : 'inline-paired-differently',
      start: pair.open,
      end: pair.close + 1,
      content,
      fix: dollarAmount ? [{ start: pair.open, end: pair.open, text: '\\' }] : undefined,
    });
  }

  for (const offset of unmatched) {
    const next = view.charAt(offset + 1);
    // A lone `$` before a number or space is a dollar sign, shown as text: fine.
    if (next === undefined || !/[A-Za-z\\{]/u.test(next)) continue;
    issues.push({
      kind: 'inline-unmatched',
      start: offset,
      end: offset + 1,
    });
  }
  return { formulas, issues };
}
