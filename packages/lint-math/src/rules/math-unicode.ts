import { type TextEdit, defineRule, report } from '@llm-notes/core';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { mathScanOf } from './math-scan-of.js';
import { textZones } from './text-zones.js';
import { CJK_RUN, isFlaggedSymbol, texReplacement } from './unicode-replacements.js';

interface Finding {
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly expected: string[] | undefined;
  readonly fix: TextEdit[] | undefined;
}

/** A replacement ending in a command name must not run into a following letter (`\cdotW`). */
function joined(replacement: string, next: string | undefined): string {
  return /\\[A-Za-z]+$/u.test(replacement) && next !== undefined && /[A-Za-z]/u.test(next) ? `${replacement} ` : replacement;
}

/**
 * Where the parsed note has a link or image starting: a formula spanning one
 * overlaps Markdown syntax, and editing its text could land inside the
 * destination (`\\text{…}` in a path), so its findings get no automatic fix.
 */
function linkStarts(tree: Root): number[] {
  const starts: number[] = [];
  visit(tree, (node) => {
    if ((node.type === 'link' || node.type === 'image' || node.type === 'linkReference' || node.type === 'imageReference') && node.position?.start.offset !== undefined) {
      starts.push(node.position.start.offset);
    }
  });
  return starts.sort((a, b) => a - b);
}

/** True when a sorted offset lies in `[start, end)` (a binary search: a note may hold thousands of links and formulas). */
function anyWithin(sorted: readonly number[], start: number, end: number): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] as number) < start) low = middle + 1;
    else high = middle;
  }
  return low < sorted.length && (sorted[low] as number) < end;
}

/**
 * Unicode symbols, full-width punctuation and CJK text in a formula outside
 * `\text{}`: they render in the wrong font or spacing, or not at all in some
 * renderers. Each comes with its TeX; the safe ones are applied by `fix`.
 */
export const mathUnicode = defineRule(
  {
    id: 'math-unicode',
    description: 'A formula holds a Unicode symbol, full-width punctuation or CJK text outside `\\text{}`.',
    fixable: true,
    defaultSeverity: 'warn',
    docs: {
      fail: '$Q=X⋅W_q$，$f(x，y)$，$损失=L$\n',
      messages: [
        '1:5: Unicode `⋅` in a formula: write `\\cdot`',
        '1:15: Unicode `，` in a formula: write `,`',
        '1:21: CJK text `损失` in a formula outside `\\text{}`',
      ],
      pass: '$Q=X\\cdot W_q$， $f(x,y)$， $\\text{损失}=L$\n',
    },
  },
  (tree, file) => {
    const scan = mathScanOf(tree, file);
    const text = scan.text;
    const findings: Finding[] = [];
    const links = linkStarts(tree);
    for (const formula of scan.formulas) {
      const spansLink = anyWithin(links, formula.contentStart, formula.contentEnd);
      const tex = text.slice(formula.contentStart, formula.contentEnd);
      const zones = textZones(tex);
      const inText = (index: number): boolean => zones.some(([start, end]) => index >= start && index < end);
      for (const match of tex.matchAll(CJK_RUN)) {
        if (inText(match.index)) continue;
        const start = formula.contentStart + match.index;
        const end = start + match[0].length;
        findings.push({
          start,
          end,
          message: `CJK text \`${match[0]}\` in a formula outside \`\\text{}\``,
          expected: [`\\text{${match[0]}}`],
          fix: spansLink ? undefined : [{ start, end, text: `\\text{${match[0]}}` }],
        });
      }
      for (let index = 0; index < tex.length; index++) {
        const char = tex[index] as string;
        if (char.charCodeAt(0) < 0x80 || inText(index) || !isFlaggedSymbol(char)) continue;
        const start = formula.contentStart + index;
        const replacement = texReplacement(char);
        const shown = replacement?.trim() === '' ? 'a space' : `\`${replacement}\``;
        findings.push({
          start,
          end: start + 1,
          message: replacement === undefined ? `full-width \`${char}\` in a formula: write it in ASCII TeX` : `Unicode \`${char}\` in a formula: write ${shown}`,
          expected: replacement === undefined ? undefined : [replacement],
          fix: replacement === undefined || spansLink ? undefined : [{ start, end: start + 1, text: joined(replacement, tex[index + 1]) }],
        });
      }
    }
    findings.sort((a, b) => a.start - b.start);
    for (const finding of findings) {
      report(file, finding.message, scan.positions.position(finding.start, finding.end), { expected: finding.expected, fix: finding.fix });
    }
  },
);
