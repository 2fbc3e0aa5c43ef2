import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formulaCorpus, formulasOfNotes } from '../testing/formula-corpus.js';
import { loadTexCheck, mathJaxIdentity } from './mathjax-validator.js';
import { provablyValidTex, texPreCheck } from './tex-fast-check.js';
import { openTexVerdictStore, texVerdict, verdictKey } from './tex-validity.js';
import { corpusFor } from '../../../../tests/support/corpus.js';
import { tempFolder } from '../../../../tests/support/temp-folder.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
// An absent corpus only leaves its formulas out: the templates and the repository's notes remain.
const corpora = (['awesome-llm-learning', 'llm-action'] as const).flatMap((name) => corpusFor(name, `the ${name} formulas in the TeX corpus`) ?? []);
const real = formulasOfNotes([path.join(repoRoot, 'content'), ...corpora]);
const corpus = formulaCorpus(real, 20_000);
const temp = tempFolder('tex-verdicts-');

/** MathJax as a page uses it: a full document conversion with the same packages, errors thrown. */
async function plainMathJax(): Promise<(tex: string, display: boolean) => string | null> {
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  const { mathjax } = require('mathjax-full/js/mathjax.js');
  const { TeX } = require('mathjax-full/js/input/tex.js');
  const { liteAdaptor } = require('mathjax-full/js/adaptors/liteAdaptor.js');
  const { RegisterHTMLHandler } = require('mathjax-full/js/handlers/html.js');
  const { AllPackages } = require('mathjax-full/js/input/tex/AllPackages.js');
  const excluded = new Set(['noerrors', 'noundefined', 'autoload', 'require', 'bussproofs']);
  RegisterHTMLHandler(liteAdaptor());
  const input = new TeX({ packages: AllPackages.filter((name: string) => !excluded.has(name)), formatError: (_jax: unknown, error: unknown) => { throw error; } });
  const document = mathjax.document('', { InputJax: input });
  return (tex, display) => {
    input.reset();
    try {
      document.convert(tex, { display });
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  };
}

describe('TeX validity', () => {
  it('has a corpus of 20,000 distinct real-looking formulas, valid and broken', async () => {
    expect(real.length).toBeGreaterThan(0);
    expect(new Set(corpus.map((formula) => verdictKey(formula.tex, formula.display))).size).toBe(20_000);
    // Deterministic: the same corpus every run.
    expect(formulaCorpus(real, 20_000)).toEqual(corpus);
    const proven = corpus.filter((formula) => provablyValidTex(formula.tex)).length;
    // Most valid formulas skip MathJax; the broken ones all reach it.
    expect(proven).toBeGreaterThan(corpus.length * 0.45);
    expect(proven).toBeLessThan(corpus.length * 0.7);
  });

  // MathJax compiles about 10,000 formulas here: several seconds, more on a busy machine.
  it('decides only as MathJax does (the whole corpus): valid, or MathJax\'s exact error message', { timeout: 600_000 }, async () => {
    const check = await loadTexCheck();
    const decided = corpus.flatMap((formula) => {
      const verdict = texPreCheck(formula.tex);
      return verdict === undefined ? [] : [{ ...formula, verdict }];
    });
    const wrong = decided.filter((formula) => (check(formula.tex, formula.display) ?? null) !== formula.verdict);
    expect(wrong.map((formula) => [formula.tex, formula.verdict, check(formula.tex, formula.display)])).toEqual([]);
    // The pre-check decides most of the corpus's errors (undefined names and structural ones).
    expect(decided.filter((formula) => formula.verdict !== null).length).toBeGreaterThan(7000);
  });

  it('decides every formula of our notes (and of the shared corpora present) without MathJax', () => {
    // So a cold lint of these notes never loads MathJax (about half a second); a formula the
    // pre-check cannot decide would bring it back.
    const undecided = [...new Set(real)].filter((tex) => texPreCheck(tex) === undefined);
    expect(undecided).toEqual([]);
  });

  it('gives the verdicts of plain MathJax (full conversion) on the notes and a sample of the corpus', { timeout: 600_000 }, async () => {
    const plain = await plainMathJax();
    const sample = [...real.map((tex) => ({ tex, display: false })), ...corpus.filter((_, index) => index % 8 === 0)];
    const differing: unknown[] = [];
    // Each formula converted once: its plain verdict serves both checks below.
    let rejectedByPlain = 0;
    for (const formula of sample) {
      const ours = await texVerdict(formula.tex, formula.display);
      const theirs = plain(formula.tex, formula.display);
      if (theirs !== null) rejectedByPlain++;
      if (ours !== theirs) differing.push([formula.tex, ours, theirs]);
    }
    expect(differing).toEqual([]);
    expect(rejectedByPlain).toBeGreaterThan(sample.length * 0.2);
  });

  it('remembers MathJax verdicts across runs, per MathJax build', async () => {
    const file = path.join(temp, 'one', 'tex-verdicts.json');
    // A formula the pre-check leaves to MathJax (`\overset` is not in its model).
    const broken = '\\overset{a}{b';
    const store = openTexVerdictStore(file);
    expect(await texVerdict(broken, false, store)).toBe('Missing close brace');
    // Proven formulas are not stored: only what needed MathJax.
    expect(await texVerdict('x^2', false, store)).toBeNull();
    store.save();
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.engine).toBe(await mathJaxIdentity());
    expect(saved.verdicts).toEqual({ [verdictKey(broken, false)]: 'Missing close brace' });

    // A later run takes the verdict from the file, without asking MathJax.
    writeFileSync(file, JSON.stringify({ ...saved, verdicts: { [verdictKey(broken, false)]: 'remembered' } }));
    expect(await texVerdict(broken, false, openTexVerdictStore(file))).toBe('remembered');
    // Another MathJax build (or package set) starts afresh.
    writeFileSync(file, JSON.stringify({ ...saved, engine: 'MathJax 0.0', verdicts: { [verdictKey(broken, false)]: 'remembered' } }));
    expect(await texVerdict(broken, false, openTexVerdictStore(file))).toBe('Missing close brace');
    // A damaged file is an empty store.
    writeFileSync(file, '{not json');
    const repaired = openTexVerdictStore(file);
    expect(await texVerdict(broken, true, repaired)).toBe('Missing close brace');
    repaired.save();
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).verdicts)).toEqual([verdictKey(broken, true)]);
  });

  it('hands verdicts learned in one thread to another store', async () => {
    const worker = openTexVerdictStore(path.join(temp, 'worker.json'));
    await texVerdict('\\overset{a}{b', false, worker);
    const learned = worker.takeAdded();
    expect(learned).toEqual([[verdictKey('\\overset{a}{b', false), 'Missing close brace']]);
    expect(worker.takeAdded()).toEqual([]);
    const main = openTexVerdictStore(path.join(temp, 'main', 'tex-verdicts.json'));
    await main.merge(learned);
    main.save();
    expect(await openTexVerdictStore(path.join(temp, 'main', 'tex-verdicts.json')).get(verdictKey('\\overset{a}{b', false))).toBe('Missing close brace');
  });
});
