import { type TextEdit, defineRule, report } from '@llm-notes/core';
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

/** The pieces of `[start, end)` that lie outside the Markdown parts of a formula. */
function outsideMarkdown(start: number, end: number, markdown: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let from = start;
  for (const [partStart, partEnd] of markdown) {
    if (partEnd <= from || partStart >= end) continue;
    if (partStart > from) pieces.push([from, partStart]);
    from = Math.max(from, partEnd);
  }
  if (from < end) pieces.push([from, end]);
  return pieces;
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
    for (const formula of scan.formulas) {
      const tex = text.slice(formula.contentStart, formula.contentEnd);
      const zones = textZones(tex);
      const inText = (index: number): boolean => zones.some(([start, end]) => index >= start && index < end);
      // A link, HTML or code span inside `$…$` is Markdown, not TeX (GitHub reads it first): never reported nor edited.
      const markdown = formula.markdown ?? [];
      const inMarkdown = (start: number, end: number): boolean => markdown.some(([from, to]) => start < to && end > from);
      for (const match of tex.matchAll(CJK_RUN)) {
        if (inText(match.index)) continue;
        for (const [start, end] of outsideMarkdown(formula.contentStart + match.index, formula.contentStart + match.index + match[0].length, markdown)) {
          const run = text.slice(start, end);
          findings.push({
            start,
            end,
            message: `CJK text \`${run}\` in a formula outside \`\\text{}\``,
            expected: [`\\text{${run}}`],
            fix: [{ start, end, text: `\\text{${run}}` }],
          });
        }
      }
      for (let index = 0; index < tex.length; index++) {
        const char = tex[index] as string;
        if (char.charCodeAt(0) < 0x80 || inText(index) || !isFlaggedSymbol(char)) continue;
        if (inMarkdown(formula.contentStart + index, formula.contentStart + index + 1)) continue;
        const start = formula.contentStart + index;
        const replacement = texReplacement(char);
        const shown = replacement?.trim() === '' ? 'a space' : `\`${replacement}\``;
        findings.push({
          start,
          end: start + 1,
          message: replacement === undefined ? `full-width \`${char}\` in a formula: write it in ASCII TeX` : `Unicode \`${char}\` in a formula: write ${shown}`,
          expected: replacement === undefined ? undefined : [replacement],
          fix: replacement === undefined ? undefined : [{ start, end: start + 1, text: joined(replacement, tex[index + 1]) }],
        });
      }
    }
    findings.sort((a, b) => a.start - b.start);
    for (const finding of findings) {
      report(file, finding.message, scan.positions.position(finding.start, finding.end), { expected: finding.expected, fix: finding.fix });
    }
  },
);
