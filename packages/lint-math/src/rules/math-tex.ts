import { cached, defineRule, getLintContext, report } from '@llm-notes/core';
import type { Formula } from '@llm-notes/core';
import { TEX_VERDICT_STORE, openTexVerdictStore, texVerdict, verdictKey } from '../tex/tex-validity.js';
import type { TexVerdictStore } from '../tex/tex-verdict-store.js';
import { mathScanOf } from './math-scan-of.js';

/** Results by formula when the rule runs without a lint context (plain remark-lint). */
const resultsWithoutContext = new Map<string, string | undefined>();

function isDisplay(formula: Formula): boolean {
  return formula.kind === 'display' || formula.kind === 'fence';
}

/** The TeX MathJax receives: in a table, GitHub has already turned `\|` into `|`. */
function texOf(formula: Formula): string {
  return formula.inTable ? formula.tex.replace(/\\\|/gu, '|') : formula.tex;
}

/**
 * Every formula must compile with MathJax 3 (TeX input, the extensions GitHub
 * can load, errors not hidden). A distinct formula is judged once per run (the
 * README repeats every formula of the notes), most without MathJax by an exact
 * pre-check, the rest from the verdicts of earlier runs when the runner put a
 * store in the lint context, else by MathJax's TeX parser.
 */
export const mathTex = defineRule(
  {
    id: 'math-tex',
    description: 'A formula is not valid TeX for MathJax (GitHub shows the error instead of the formula).',
    fixable: false,
    defaultSeverity: 'error',
    docs: {
      fail: 'Scaled attention: $\\frac{QK^T}{\\sqrt{d_k}$\n',
      messages: [
        '1:20: TeX error: Missing close brace',
      ],
      pass: 'Scaled attention: $\\frac{QK^T}{\\sqrt{d_k}}$\n',
    },
    // MathJax's verdicts are remembered across runs in `.cache/tex-verdicts.json`.
    reads: { remembered: [{ key: TEX_VERDICT_STORE, file: 'tex-verdicts.json', open: openTexVerdictStore }] },
  },
  async (tree, file) => {
    const scan = mathScanOf(tree, file);
    const formulas = scan.formulas.filter((formula) => formula.tex.trim() !== '');
    if (formulas.length === 0) return;
    const context = getLintContext(file);
    const results = context ? cached(context, 'math-tex:results', () => new Map<string, string | undefined>()) : resultsWithoutContext;
    const store = context?.cache.get(TEX_VERDICT_STORE) as TexVerdictStore | undefined;
    for (const formula of formulas) {
      const tex = texOf(formula);
      const key = verdictKey(tex, isDisplay(formula));
      if (!results.has(key)) results.set(key, (await texVerdict(tex, isDisplay(formula), store)) ?? undefined);
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
