import type { TextEdit } from '../../edits.js';
import { backslashesBefore, isAsciiAlphanumeric, isWhitespace } from './characters.js';
import type { DelimiterIssue } from './formula.js';
import type { SegmentView } from './segment-view.js';

/** Content that is TeX, not an escaped bracket such as `\[1\]`. */
function looksLikeTex(content: string): boolean {
  return /\\[A-Za-z]|[\^_=]/u.test(content);
}

const PAIRS = [
  { open: '\\(', close: '\\)', display: false },
  { open: '\\[', close: '\\]', display: true },
] as const;

/**
 * Where `needle` starts at or after `from` and before `end`, else -1. Never
 * searches past the segment: a file has thousands of segments, and a search
 * to the end of the file from each one is quadratic.
 */
function indexBefore(text: string, needle: string, from: number, end: number): number {
  if (from >= end) return -1;
  const found = text.slice(from, end + needle.length - 1).indexOf(needle);
  return found < 0 ? -1 : from + found;
}

/**
 * `\(…\)` and `\[…\]`: LaTeX delimiters that MathJax knows but GitHub does
 * not (Markdown reads `\(` as an escaped parenthesis). `inside` tells whether
 * an offset lies in a formula, where they are TeX's business.
 */
export function latexDelimiters(view: SegmentView, inside: (offset: number) => boolean): DelimiterIssue[] {
  const issues: DelimiterIssue[] = [];
  const text = view.text;
  for (const { open, close, display } of PAIRS) {
    let from = view.start;
    for (;;) {
      const start = indexBefore(text, open, from, view.end);
      if (start < 0) break;
      from = start + 2;
      if (view.isMasked(start) || inside(start) || backslashesBefore(text, start, view.start) % 2 === 1) continue;
      let end = indexBefore(text, close, start + 2, view.end);
      while (end >= 0 && backslashesBefore(text, end, view.start) % 2 === 1) end = indexBefore(text, close, end + 1, view.end);
      // No closer after this opener means none after the later ones either.
      if (end < 0) break;
      const content = text.slice(start + 2, end);
      // `\(A\)`: a lone letter copied with its LaTeX delimiters; GitHub shows `(A)`, which may be what was meant.
      const loneLetter = !display && /^[A-Za-z]$/u.test(content);
      if (!looksLikeTex(content) && !loneLetter) continue;
      from = end + 2;
      issues.push({
        kind: loneLetter ? 'latex-lone-letter' : 'latex-delimiters',
        start,
        end: end + 2,
        content,
        latex: { open, close, display },
        fix: display ? displayFix(view, start, end) : inlineFix(view, start, end, content),
      });
    }
  }
  return issues;
}

function inlineFix(view: SegmentView, start: number, end: number, content: string): TextEdit[] | undefined {
  const before = view.charAt(start - 1);
  const after = view.charAt(end + 2);
  const opens = before === undefined || isWhitespace(before) || view.atLineStart(start);
  if (!opens || isAsciiAlphanumeric(after) || content.trim() !== content || content.includes('$')) return undefined;
  return [
    { start, end: start + 2, text: '$' },
    { start: end, end: end + 2, text: '$' },
  ];
}

function displayFix(view: SegmentView, start: number, end: number): TextEdit[] | undefined {
  if (!view.atLineStart(start) || !view.atLineEnd(end + 2)) return undefined;
  return [
    { start, end: start + 2, text: '$$' },
    { start: end, end: end + 2, text: '$$' },
  ];
}
