import { describe, expect, it } from 'vitest';
import { random } from '../testing/formula-corpus.js';
import { loadTexCheck } from './mathjax-validator.js';
import { provablyValidTex, texPreCheck } from './tex-fast-check.js';

/**
 * The pre-check against MathJax on formulas built from the pieces its model
 * is about (scripts, primes, groups, line breaks, comments, arguments,
 * environments…), glued at random: whatever it proves valid, MathJax must
 * accept, in both modes. The corpus test covers realistic formulas; this one
 * covers odd neighbours (`x'^b_a`, `\\` in a group, `\hat=`, a trailing `\`).
 */
const PIECES = [
  'x', 'ab', '2', '23', '^', '_', "'", '’', '{', '}', '\\\\', '\\\\*', '[', ']', '&', '%', '\n', ' ', '\u00a0',
  '\\frac', '\\hat', '\\text', '\\sum', '\\limits', '\\left(', '\\right)', '\\left.', '\\middle|',
  '\\begin{matrix}', '\\end{matrix}', '\\begin{cases}', '\\end{cases}', '\\displaystyle', '\\small', '\\rm',
  '\\mathrm', '\\mathbf', '\\mathop', '\\sqrt', '\\binom', '\\overbrace', '\\operatorname{x}', '\\big(',
  '\\times', '\\log', '\\max', '\\int', '\\dots', '\\top', '\\alpha', '\\quad', '\\,', '\\;', '\\ ', '\\{',
  '\\', '\\hline', '(', ')', '~', '`', '=', '|', ':', '@', '$', '#', '项',
  // Control sequences MathJax does not define (letters, symbols, a non-ASCII one), and defined ones the model leaves alone.
  '\\\\[2mm]', '\\\\[1.5pt]', '\\\\[x]', '\\R', '\\nint', '\\@', '\\"', '\\项', '\\color{red}', '\\text{\\R}', '\\sqrt[\\R]', '\\newcommand{\\R}{x}', '\\def\\foo{y}',
];

function gluedFormulas(count: number, seed: number): string[] {
  const next = random(seed);
  const formulas = new Set<string>();
  while (formulas.size < count) {
    const length = 1 + Math.floor(next() * 10);
    let tex = '';
    for (let piece = 0; piece < length; piece++) tex += PIECES[Math.floor(next() * PIECES.length)];
    formulas.add(tex);
  }
  return [...formulas];
}

describe('the TeX pre-check', () => {
  it('proves valid only what MathJax accepts, on 12,000 glued formulas', { timeout: 300_000 }, async () => {
    const check = await loadTexCheck();
    const proven = gluedFormulas(12_000, 14).filter((tex) => provablyValidTex(tex));
    // Enough of them are proven for the comparison to mean something.
    expect(proven.length).toBeGreaterThan(1000);
    const wrong = proven.flatMap((tex) => [false, true].map((display) => [tex, display, check(tex, display)])).filter(([, , error]) => error !== undefined);
    expect(wrong).toEqual([]);
  });

  it('proves "Undefined control sequence" only where MathJax gives exactly that message', { timeout: 300_000 }, async () => {
    const check = await loadTexCheck();
    const decided = gluedFormulas(12_000, 41)
      .map((tex) => [tex, texPreCheck(tex)] as const)
      .filter((pair): pair is readonly [string, string] => typeof pair[1] === 'string');
    expect(decided.length).toBeGreaterThan(1000);
    const wrong = decided.flatMap(([tex, message]) => [false, true].map((display) => [tex, display, message, check(tex, display)])).filter(([, , ours, theirs]) => ours !== theirs);
    expect(wrong).toEqual([]);
  });

  it('leaves to MathJax what it cannot decide exactly', async () => {
    const check = await loadTexCheck();
    const decidedCases: Record<string, string> = {
      '\\R': '\\R', 'x^\\R': '\\R', 'x_ \\nint': '\\nint', '\\frac{\\R}{\\S}': '\\R', '\\sqrt[2]{\\R}': '\\R', '\\Rx^2': '\\Rx',
      '{\\R': '\\R', '\\left(\\R': '\\R', '\\begin{matrix}a\\\\\\R': '\\R', '\\@': '\\@', '\\"o': '\\"', '\\项': '\\项',
      // A `\` before a line break reads as `\ `, so the next name is the undefined one.
      'x\\\n\\R': '\\R', '\\mathbf{a\\R}': '\\R', '\\hat\\alpha\\R': '\\R',
    };
    for (const [tex, name] of Object.entries(decidedCases)) {
      const message = `Undefined control sequence ${name}`;
      expect(check(tex, false), tex).toBe(message);
      expect(texPreCheck(tex), tex).toBe(message);
    }
    // MathJax parses these differently (text mode, an index read after the radicand, a definition,
    // a command the model does not follow, an unbraced argument, a dimension): not decided here.
    for (const tex of ['\\text{\\R}', '\\sqrt[\\R]{\\S}', '\\newcommand{\\R}{x}\\R', '\\def\\R{x}\\R', '\\R\\def', '\\color{red}\\R', '\\frac\\R2', 'a\\\\[2mm]\\R', 'x^{2', '\\alpha']) {
      expect(typeof texPreCheck(tex), tex).not.toBe('string');
    }
    // The first error wins: an earlier one MathJax raises is not hidden by a later undefined name.
    for (const tex of ['x^2^3\\R', '}\\R', '\\right)\\R', '& \\R', 'x^{a}^{b}\\R']) {
      expect(check(tex, false), tex).not.toMatch(/^Undefined control sequence/u);
      expect(texPreCheck(tex), tex).toBeUndefined();
    }
  });

  it('follows MathJax on primes, line breaks, comments and one-character arguments', async () => {
    const check = await loadTexCheck();
    const cases = [
      // MathJax takes waiting primes into the next script: `x'^b_a` and `x_a'^b` are fine…
      "x'^b_a", "x_a'^b", "x''^2", "\\alpha_a'^b",
      // …but a second superscript or subscript is not.
      "x'^b'", "x_a'_b", "x'_a^b", "x^a'",
      // `\\` outside an environment is a line break; `\\[` starts a dimension.
      'a\\\\b', '{a\\\\b}^2', '\\frac{a\\\\b}{c}', 'a\\\\*b', 'a\\\\ [b]', 'a\\\\[2mm]b', 'x^\\\\',
      // Between rows a plain dimension spaces them; a bad one is an error.
      '\\begin{cases}a\\\\[2mm]b\\end{cases}', '\\begin{matrix}a\\\\*[1.5em]b\\end{matrix}', '\\begin{matrix}a\\\\[2]b\\end{matrix}', '\\begin{matrix}a\\\\[2mm\\end{matrix}',
      // A comment runs to the end of the line, braces included.
      'x % }', 'x %}\n}', '{x %}\n}',
      // One character as an argument or a script, and a `\` ending the formula.
      "\\hat=B", "\\mathbf'^2{Z}", '\\text项', '2^\\times', 'x^)', 'x^~^2', 'x\\', 'x_\\',
      // amscd reads `@` before an arrow character.
      'x@>y', 'x@y',
      // White space MathJax skips before an argument but not elsewhere; `\boldsymbol` of nothing as a script.
      '\\mathrm\u2028', 'x^\u2028\\dots', 'x^\\boldsymbol{}', 'x^\\boldsymbol{\\rm}',
    ];
    for (const tex of cases) {
      const accepted = check(tex, false) === undefined;
      // Never proven when MathJax rejects it; proven for these when MathJax accepts it (except the dimension and `@`).
      if (!accepted) expect(provablyValidTex(tex), tex).toBe(false);
      else if (!/^a\\\\\[2mm\]b$|@|\u2028|boldsymbol/u.test(tex)) expect(provablyValidTex(tex), tex).toBe(true);
    }
  });
});
