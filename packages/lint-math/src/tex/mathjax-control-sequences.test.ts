import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mathOnlyInText } from './math-only-in-text.js';
import { generatedModuleText, listMathJaxControlSequences } from './mathjax-control-sequences.js';
import { MATHJAX_CONTROL_SEQUENCES } from './mathjax-control-sequences.generated.js';
import { loadTexCheck } from './mathjax-validator.js';

describe('the list of control sequences MathJax defines', () => {
  it('is what MathJax gives today (else run scripts/generate-tex-names.mjs)', async () => {
    const list = await listMathJaxControlSequences();
    expect(MATHJAX_CONTROL_SEQUENCES).toEqual(list);
    // The file is exactly the script's output: no hand edits.
    const file = fileURLToPath(new URL('./mathjax-control-sequences.generated.ts', import.meta.url));
    expect(readFileSync(file, 'utf8')).toBe(generatedModuleText(list));
  });

  it('holds every name MathJax accepts and none it calls undefined', async () => {
    const check = await loadTexCheck();
    const names = new Set(MATHJAX_CONTROL_SEQUENCES.names);
    // Names from the base set and several packages (ams, mathtools, braket, mhchem, cancel, color, html).
    for (const name of ['alpha', 'frac', 'langle', 'lbrace', '{', ',', ' ', '\\', 'mathbb', 'coloneqq', 'bra', 'ce', 'cancel', 'color', 'href', 'newcommand']) {
      expect(names.has(name), name).toBe(true);
    }
    // Not defined: each compiles to MathJax's "undefined" error.
    for (const name of ['R', 'nint', 'dv', 'qty', 'AA', '@', '"', "'", '项']) {
      expect(names.has(name), name).toBe(false);
      expect(check(`\\${name}`, false)).toBe(`Undefined control sequence \\${name}`);
    }
    // Every listed letter name is known to MathJax: none of them is "undefined" (arguments may be missing).
    const undefinedListed = MATHJAX_CONTROL_SEQUENCES.names.filter((name) => check(`\\${name}{x}{y}{z}`, false) === `Undefined control sequence \\${name}`);
    expect(undefinedListed).toEqual([]);
  });

  it('holds the environments and delimiters MathJax knows, and none it rejects', async () => {
    const check = await loadTexCheck();
    const { environments, delimiters } = MATHJAX_CONTROL_SEQUENCES;
    expect(environments).toEqual(expect.arrayContaining(['matrix', 'pmatrix', 'cases', 'aligned', 'array', 'align*', 'CD']));
    expect(delimiters).toEqual(expect.arrayContaining(['(', ']', '|', '.', '\\langle', '\\{', '\\|']));
    // Not known: MathJax's own errors.
    for (const name of ['foo', 'matrx', 'Matrix', ' matrix']) {
      expect(environments.includes(name), name).toBe(false);
      expect(check(`\\begin{${name}}`, false)).toBe(`Unknown environment '${name}'`);
    }
    for (const delimiter of ['{', 'x', '\\R', '\\alpha', '']) {
      expect(delimiters.includes(delimiter), delimiter).toBe(false);
      expect(check(`\\left ${delimiter}`, false)).toBe('Missing or unrecognized delimiter for \\left');
    }
    // Text mode's own names, and the math names it refuses (each asked of MathJax by the generator).
    const { textNames } = MATHJAX_CONTROL_SEQUENCES;
    const refused = mathOnlyInText(MATHJAX_CONTROL_SEQUENCES);
    expect(textNames).toEqual(expect.arrayContaining(['emph', 'textbf', '$', '{', ' ']));
    expect(refused).toEqual(expect.arrayContaining(['frac', 'alpha', 'sum']));
    expect(refused.filter((name) => textNames.includes(name) || !MATHJAX_CONTROL_SEQUENCES.names.includes(name))).toEqual([]);
    expect(MATHJAX_CONTROL_SEQUENCES.acceptedInText.filter((name) => !MATHJAX_CONTROL_SEQUENCES.names.includes(name))).toEqual([]);
    expect(check('\\text{\\frac}', false)).toBe('\\frac is only supported in math mode');
    expect(check('\\text{\\R}', false)).toBe('Undefined control sequence \\R');
    // Every listed one is accepted where the pre-check looks it up.
    expect(environments.filter((name) => check(`\\begin{${name}}`, false) === `Unknown environment '${name}'`)).toEqual([]);
    expect(delimiters.filter((delimiter) => check(`\\left ${delimiter} x \\right ${delimiter}`, false) !== undefined)).toEqual([]);
  });
});
