import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
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
});
