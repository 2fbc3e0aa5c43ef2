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

/** Constructs the model proves valid besides (a dimension outside an environment, `@`, delimiters, an optional position). */
const VALID_PIECES = [
  ...PIECES, '@x', 'A@V', '\\mathrm{Recall@}', '\\big{(}', '\\left\\{', '\\right\\}', '\\left\\lmoustache', '\\right\\\\', '\\begin{aligned}[t]', '\\end{aligned}', '\\bigr\\rangle',
];

/** Pieces that reach every error the model decides. */
const ERROR_PIECES = [
  ...PIECES,
  // Structural errors: environments known, unknown, misnamed or cut short; delimiters; arguments missing or never closed;
  // scripts doubled or without argument; `@` as a plain character or an amscd arrow.
  '\\begin{aligned}', '\\end{aligned}', '\\begin{pmatrix}', '\\end{pmatrix}', '\\begin{align}', '\\end{align}', '\\begin{foo}', '\\end{foo}',
  '\\begin{al\\R}', '\\end{matri', '\\begin', '\\end', '\\begin{', '\\end{spreadlines}', '\\begin{aligned}[t]', '\\begin{gathered}[{]}',
  '\\left', '\\right', '\\middle', '\\left\\{', '\\right\\}', '\\left\\lmoustache', '\\right\\\\', '\\left x', '\\right{', '\\bigl', '\\Big\\langle', '\\big x', '\\bigr{', '\\big{(}', '\\left\\R',
  '\\frac{', '\\frac{a}', '\\hat{', '\\text{', '\\text{a', '\\operatorname{', '\\operatorname*', '\\sqrt[', '\\sqrt[2', '\\sqrt[}', '\\sqrt[x]', '\\sqrt{', '\\mathrm{',
  '^^', '_^', "^'", "^2'", '^&', '^\\\\', '^\\sin', '_\\displaystyle', '^\\dots', '^}', '_{', 'x^2', 'x_1', "x'", '\\sum_', '\\lim^', '\\underbrace{x}', '\\overline{y}', '\\boldsymbol{\\sum}',
  '\\mathrm{Recall@}', '@>', '@.', '@x', 'A@V', '\\tiny', '\\Large', '\\textstyle', '\\sin', '\\cdots', '\\implies', '\\mathbb', '\\vec', '\\tfrac', '\\mbox', '\\textbf',
  // Text mode's errors, control sequences as arguments, names not followed, an array's specification.
  '\\text{x^2}', '\\text{a&b}', '\\mbox{#}', '\\text{a_\\R}', '\\text{\\frac}', '\\text{\\emph}', '\\textbf{\\R}', '\\text{\\$\\alpha}', '\\text{$x^}', '\\text_', '\\text^',
  '\\operatorname{\\R}', '\\operatorname*argmin', '\\operatorname{a-^2}', '\\bar\\et', '\\hat\\frac', '\\mathrm\\alpha', '\\sqrt\\frac', '\\begin{array}', '\\begin{array}{cc}', '\\begin{array}[t]{c}', '\\end{array}', '\\let', '\\letf',
  // Operators whose scripts go above and below, `\limits` with no node before it, `\hline` outside an array, a comment before a script.
  '\\sum_a', '\\max^', '\\nolimits', '\\Pr', '\\bigcup', '\\int', '\\hline', '%c\n', '^%', "\\lim'", '&\\limits',
];

/** Every kind of error the pre-check decides (names and environments replaced by `…`). */
const DECIDED_KINDS = [
  'Undefined control sequence …', 'Missing argument for …', 'Missing close brace', 'Extra close brace or missing open brace',
  'Extra open brace or missing close brace', 'Extra \\left or missing \\right', 'Missing \\left or extra \\right', 'Extra \\middle',
  'Missing \\end{…}', 'Missing \\begin{…} or extra \\end{…}', '\\begin{…} ended with \\end{…}', "Unknown environment '…'", "Invalid environment name '…'",
  'Missing superscript or subscript argument', 'Missing open brace for superscript', 'Missing open brace for subscript',
  'Double exponent: use braces to clarify', 'Double subscripts: use braces to clarify', 'Prime causes double exponent: use braces to clarify',
  'Misplaced &', "You can't use 'macro parameter character #' in math mode", 'Missing or unrecognized delimiter for …',
  "Could not find closing ']' for argument to …", "Extra close brace while looking for ']'",
  "'…' allowed only in math mode", "'…' can not be used here", '… is only supported in math mode',
  '… is allowed only on operators', 'Misplaced \\hline',
];

/** A message with its names (`\name`, `{name}`, `'name'`) replaced by `…`, as in DECIDED_KINDS. */
const kindOf = (message: string) =>
  message
    .replace(/(?<=^Undefined control sequence |for |to )\\\S+$/u, '…')
    .replace(/^\\\S+(?= is only supported in math mode$| is allowed only on operators$)/u, '…')
    .replace(/^'.'(?= allowed only in math mode$| can not be used here$)/u, "'…'")
    .replace(/\{[^}]*\}/gu, '{…}')
    .replace(/(?<=environment(?: name)? )'[^]*'$/u, "'…'");

function gluedFormulas(count: number, seed: number, pieces: readonly string[]): string[] {
  const next = random(seed);
  const formulas = new Set<string>();
  while (formulas.size < count) {
    const length = 1 + Math.floor(next() * 10);
    let tex = '';
    for (let piece = 0; piece < length; piece++) tex += pieces[Math.floor(next() * pieces.length)];
    formulas.add(tex);
  }
  return [...formulas];
}

describe('the TeX pre-check', () => {
  it('proves valid only what MathJax accepts, on 12,000 glued formulas', { timeout: 300_000 }, async () => {
    const check = await loadTexCheck();
    const proven = gluedFormulas(12_000, 14, VALID_PIECES).filter((tex) => provablyValidTex(tex));
    // Enough of them are proven for the comparison to mean something.
    expect(proven.length).toBeGreaterThan(1000);
    const wrong = proven.flatMap((tex) => [false, true].map((display) => [tex, display, check(tex, display)])).filter(([, , error]) => error !== undefined);
    expect(wrong).toEqual([]);
  });

  it('proves an error only where MathJax gives exactly that message, for every kind of error it decides', { timeout: 300_000 }, async () => {
    const check = await loadTexCheck();
    const decided = gluedFormulas(12_000, 41, ERROR_PIECES)
      .map((tex) => [tex, texPreCheck(tex)] as const)
      .filter((pair): pair is readonly [string, string] => typeof pair[1] === 'string');
    expect(decided.length).toBeGreaterThan(5000);
    // The pieces reach every kind of error the model decides, so each is compared with MathJax here.
    expect(new Set(decided.map(([, message]) => kindOf(message)))).toEqual(new Set(DECIDED_KINDS));
    const wrong = decided.flatMap(([tex, message]) => [false, true].map((display) => [tex, display, message, check(tex, display)])).filter(([, , ours, theirs]) => ours !== theirs);
    expect(wrong).toEqual([]);
  });

  it('decides the first error as MathJax does, and leaves to MathJax what it cannot decide exactly', async () => {
    const check = await loadTexCheck();
    const undefinedName: Record<string, string> = {
      '\\R': '\\R', 'x^\\R': '\\R', 'x_ \\nint': '\\nint', '\\frac{\\R}{\\S}': '\\R', '\\sqrt[2]{\\R}': '\\R', '\\Rx^2': '\\Rx',
      '{\\R': '\\R', '\\left(\\R': '\\R', '\\begin{matrix}a\\\\\\R': '\\R', '\\@': '\\@', '\\"o': '\\"', '\\项': '\\项',
      // A `\` before a line break reads as `\ `, so the next name is the undefined one.
      'x\\\n\\R': '\\R', '\\mathbf{a\\R}': '\\R', '\\hat\\alpha\\R': '\\R', 'a\\\\[2mm]\\R': '\\R',
      // MathJax parses a root's radicand before its index.
      '\\sqrt[\\R]{\\nint}': '\\nint', '\\sqrt[\\R]{x}': '\\R',
      // A control sequence as an argument is parsed on its own; text mode falls back to math's names.
      '\\frac\\R2': '\\R', '\\bar\\et': '\\et', '\\text{\\R}': '\\R', '\\operatorname{a\\R}': '\\R', '\\letf': '\\letf',
    };
    const decidedCases: Record<string, string> = {
      ...Object.fromEntries(Object.entries(undefinedName).map(([tex, name]) => [tex, `Undefined control sequence ${name}`])),
      // The first error wins: an earlier one is not hidden by a later undefined name.
      'x^2^3\\R': 'Double exponent: use braces to clarify', 'x^{a}^{b}\\R': 'Double exponent: use braces to clarify', '}\\R': 'Extra close brace or missing open brace',
      '\\right)\\R': 'Missing \\left or extra \\right', '& \\R': 'Misplaced &', 'x_a_b': 'Double subscripts: use braces to clarify', "x^a'": 'Prime causes double exponent: use braces to clarify',
      // What the formula's end meets: an open group, `\left`, environment or script.
      'x^{2': 'Extra open brace or missing close brace', '\\left(x': 'Extra \\left or missing \\right', '\\begin{cases}a': 'Missing \\end{cases}', 'x^': 'Missing superscript or subscript argument',
      // A script meeting a second script, a cell or a named function before its argument.
      '153.9380^^': 'Missing open brace for superscript', 'x_^2': 'Missing open brace for subscript', 'x^a_^': 'Double exponent: use braces to clarify', 'x_\\sin': 'Missing open brace for subscript',
      // Arguments, environments and delimiters read before they are parsed.
      '\\frac{1}{2': 'Missing close brace', '\\frac{a}': 'Missing argument for \\frac', '\\hat}': 'Extra close brace or missing open brace', '\\mathrm{\\R': 'Missing close brace',
      '\\begin{matrix}a\\end{cases}': '\\begin{matrix} ended with \\end{cases}', '{\\end{matrix}}': 'Missing \\begin{matrix} or extra \\end{matrix}',
      '\\begin{foo}': "Unknown environment 'foo'", '\\begin{ali\\R gned}': "Invalid environment name 'ali\\R gned'", '\\begin{aligned}[{]}a\\end{aligned}': "Could not find closing ']' for argument to \\begin",
      '\\left\\R': 'Missing or unrecognized delimiter for \\left', '\\big{': 'Missing close brace', '\\middle|': 'Extra \\middle', 'x#': "You can't use 'macro parameter character #' in math mode",
      '\\begin{array}': 'Missing argument for \\begin', '\\begin{array}{c}a\\end{matrix}': '\\begin{array} ended with \\end{matrix}',
      // Text mode: its own errors, and math names it refuses.
      '\\sum_a_b': 'Double subscripts: use braces to clarify', '\\max_^2': 'Missing open brace for subscript', '{\\alpha}^%{\\top}\n': 'Missing superscript or subscript argument',
      'x\\hline': 'Misplaced \\hline', '{\\limits': '\\limits is allowed only on operators',
      '\\text{a_b}': "'_' allowed only in math mode", '\\text{\\{x^2}': "'^' allowed only in math mode", '\\mbox{a&b}': "'&' can not be used here", '\\text{\\frac{a}{b}}': '\\frac is only supported in math mode',
    };
    for (const [tex, message] of Object.entries(decidedCases)) {
      expect(check(tex, false), tex).toBe(message);
      expect(texPreCheck(tex), tex).toBe(message);
    }
    // Not decided: math or a text macro inside text, a definition, a command the model does not follow,
    // an operator's limits, `\sqrt\frac`, an amscd arrow (and a valid formula is no error).
    for (const tex of ['\\text{$x^}', '\\text{\\emph{x^}}', '\\newcommand{\\R}{x}\\R', '\\def\\R{x}\\R', '\\R\\def', '\\color{red}\\R', "\\sum\\nolimits^a_'", '\\sin\\limits', '\\overbrace{x}^a^b', '\\sqrt\\frac{1}{2', 'x@>y', '\\alpha']) {
      expect(typeof texPreCheck(tex), tex).not.toBe('string');
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
