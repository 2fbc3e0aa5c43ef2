import { cached, defineRule, getLintContext, report } from '@llm-notes/core';
import type { Formula } from '../scan/formula.js';
import { loadTexCheck } from '../tex/mathjax-validator.js';
import { mathScanOf } from './math-scan-of.js';

/** Results by formula when the rule runs without a lint context (plain remark-lint). */
const resultsWithoutContext = new Map<string, string | undefined>();

function keyOf(formula: Formula): string {
  const display = formula.kind === 'display' || formula.kind === 'fence';
  return `${display ? 'D' : 'I'}${formula.tex}`;
}

/** The TeX MathJax receives: in a table, GitHub has already turned `\|` into `|`. */
function texOf(formula: Formula): string {
  return formula.inTable ? formula.tex.replace(/\\\|/gu, '|') : formula.tex;
}

/**
 * Every formula must compile with MathJax 3 (TeX input, the extensions GitHub
 * can load, errors not hidden). A distinct formula is compiled once per run:
 * the README repeats every formula of the notes.
 */
export const mathTex = defineRule(
  {
    id: 'math-tex',
    description: 'A formula is not valid TeX for MathJax (GitHub shows the error instead of the formula).',
    fixable: false,
    defaultSeverity: 'error',
    docs: {
      fail: 'Scaled attention: $\\frac{QK^T}{\\sqrt{d_k}$\n',
      pass: 'Scaled attention: $\\frac{QK^T}{\\sqrt{d_k}}$\n',
    },
  },
  async (tree, file) => {
    const scan = mathScanOf(tree, file);
    const formulas = scan.formulas.filter((formula) => formula.tex.trim() !== '');
    if (formulas.length === 0) return;
    const context = getLintContext(file);
    const results = context ? cached(context, 'math-tex:results', () => new Map<string, string | undefined>()) : resultsWithoutContext;
    let check: Awaited<ReturnType<typeof loadTexCheck>> | undefined;
    for (const formula of formulas) {
      const key = keyOf(formula);
      if (!results.has(key)) {
        check ??= await loadTexCheck();
        results.set(key, check(texOf(formula), key.startsWith('D')));
      }
      const error = results.get(key);
      if (error === undefined) continue;
      // Point at the first character of the TeX, not at the line break after `$$`.
      const leading = /^\s*/u.exec(scan.text.slice(formula.contentStart, formula.contentEnd))?.[0].length ?? 0;
      report(file, `TeX error: ${error}`, scan.positions.position(formula.contentStart + leading, formula.contentEnd), {
        note: 'MathJax shows this message in red instead of the formula.',
      });
    }
  },
);
