import { loadTexCheck, mathJaxIdentity } from './mathjax-validator.js';
import { texPreCheck } from './tex-fast-check.js';
import { type TexVerdict, TexVerdictStore } from './tex-verdict-store.js';

/** Key of the `TexVerdictStore` the lint engine opens for the math-tex rule (which declares it) in the run's shared data. */
export const TEX_VERDICT_STORE = 'math-tex:verdict-store';

/** Key of a formula in verdict maps and stores: its mode and its TeX. */
export function verdictKey(tex: string, display: boolean): string {
  return `${display ? 'D' : 'I'}${tex}`;
}

/** A store of MathJax verdicts in `file`, for this MathJax build. */
export function openTexVerdictStore(file: string): TexVerdictStore {
  return new TexVerdictStore(file, mathJaxIdentity);
}

/**
 * MathJax's verdict on a formula, the fast way: formulas the exact pre-check
 * decides (proven valid, or using a control sequence MathJax does not define)
 * never reach MathJax; the others are looked up in `store`
 * (verdicts of earlier runs), else compiled by MathJax's TeX parser and
 * remembered there.
 */
export async function texVerdict(tex: string, display: boolean, store?: TexVerdictStore): Promise<TexVerdict> {
  const decided = texPreCheck(tex);
  if (decided !== undefined) return decided;
  const key = verdictKey(tex, display);
  const known = await store?.get(key);
  if (known !== undefined) return known;
  const check = await loadTexCheck();
  const verdict = check(tex, display) ?? null;
  await store?.set(key, verdict);
  return verdict;
}
