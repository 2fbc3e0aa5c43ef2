#!/usr/bin/env node
// Math benchmark, two parts, each with its peer in the same run:
//  1. TeX validation throughput on the 20,000-formula corpus the TeX tests use
//     (one thread, in-process): plain MathJax (full conversion, what the rule
//     did before), our math-tex check cold (exact pre-check + MathJax's TeX
//     parser) and warm (verdicts remembered from an earlier run), and KaTeX.
//  2. `notes lint` on a generated math-heavy repository (23 notes, thousands of
//     formulas), cold (no cache) and warm, next to markdownlint-cli2 on the same
//     files: wall time and peak memory, median of the runs.
// Usage: node scripts/bench-math.mjs [runs=3]   (after `pnpm build`)
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { bin, ensureBuilt, ensureTime, loadLine, measure, median, printAims, repoRoot } from './benchmark-support.mjs';
import { buildMathHeavyRepository } from './math-heavy-repository.mjs';

const runs = Number(process.argv[2] ?? 3);
ensureBuilt();
ensureTime();
const require = createRequire(path.join(repoRoot, 'package.json'));
const load = (relative) => import(pathToFileURL(path.join(repoRoot, relative)).href);

// --- 1. validation throughput -------------------------------------------------
const { formulaCorpus, formulasOfNotes } = await load('packages/lint-math/dist/testing/formula-corpus.js');
const { openTexVerdictStore, texVerdict } = await load('packages/lint-math/dist/index.js');
const { provablyValidTex, texPreCheck } = await load('packages/lint-math/dist/tex/tex-fast-check.js');
const noteFolders = [path.join(repoRoot, 'content'), ...['awesome-llm-learning', 'llm-action'].map((name) => path.resolve(repoRoot, '../shared/corpora', name))];
const real = formulasOfNotes(noteFolders);
const corpus = formulaCorpus(real, 20_000);

function plainMathJax() {
  const lintMath = createRequire(path.join(repoRoot, 'packages/lint-math/package.json'));
  const { mathjax } = lintMath('mathjax-full/js/mathjax.js');
  const { TeX } = lintMath('mathjax-full/js/input/tex.js');
  const { liteAdaptor } = lintMath('mathjax-full/js/adaptors/liteAdaptor.js');
  const { RegisterHTMLHandler } = lintMath('mathjax-full/js/handlers/html.js');
  const { AllPackages } = lintMath('mathjax-full/js/input/tex/AllPackages.js');
  const excluded = new Set(['noerrors', 'noundefined', 'autoload', 'require', 'bussproofs']);
  RegisterHTMLHandler(liteAdaptor());
  const input = new TeX({ packages: AllPackages.filter((name) => !excluded.has(name)), formatError: (_jax, error) => { throw error; } });
  const document = mathjax.document('', { InputJax: input });
  return (tex, display) => {
    input.reset();
    try {
      document.convert(tex, { display });
      return null;
    } catch (error) {
      return error.message;
    }
  };
}

/** Formulas per second over `formulas` (a warm-up pass on other formulas first, for the JIT). */
async function throughput(validate, formulas = corpus) {
  for (const formula of warmUp) await validate(formula);
  const started = performance.now();
  for (const formula of formulas) await validate(formula);
  return Math.round(formulas.length / ((performance.now() - started) / 1000));
}

// Warm-up formulas: another seed, so the measured ones are still unseen.
const warmUp = formulaCorpus(real, 1500, 7);
// Notes as written are mostly valid: the corpus's valid formulas with one broken in fifty.
const plainCheck = plainMathJax();
const plainVerdicts = corpus.map((formula) => plainCheck(formula.tex, formula.display));
const notesLike = corpus.filter((_, index) => plainVerdicts[index] === null || index % 50 === 0);

const plain = plainCheck;
const plainRate = await throughput((formula) => plain(formula.tex, formula.display));
// Cold: a fresh process would have no verdicts; the pre-check and MathJax's parser do the work.
const coldRate = await throughput((formula) => texVerdict(formula.tex, formula.display));
const plainNotesRate = await throughput((formula) => plain(formula.tex, formula.display), notesLike);
const coldNotesRate = await throughput((formula) => texVerdict(formula.tex, formula.display), notesLike);
const storeFolder = mkdtempSync(path.join(os.tmpdir(), 'bench-math-verdicts-'));
const store = openTexVerdictStore(path.join(storeFolder, 'tex-verdicts.json'));
for (const formula of corpus) await texVerdict(formula.tex, formula.display, store);
store.save();
const warmStore = openTexVerdictStore(path.join(storeFolder, 'tex-verdicts.json'));
const warmRate = await throughput((formula) => texVerdict(formula.tex, formula.display, warmStore));
rmSync(storeFolder, { recursive: true, force: true });
const proven = corpus.filter((formula) => provablyValidTex(formula.tex)).length;
const provenBroken = corpus.filter((formula) => typeof texPreCheck(formula.tex) === 'string').length;

/**
 * The notes' own formulas as a cold `notes lint` meets them: a fresh process, MathJax loaded
 * only if the pre-check leaves a formula undecided (its load time counted), every formula once.
 */
function realNotesCold() {
  const code = `
    const { formulasOfNotes } = await import(${JSON.stringify(pathToFileURL(path.join(repoRoot, 'packages/lint-math/dist/testing/formula-corpus.js')).href)});
    const { texVerdict } = await import(${JSON.stringify(pathToFileURL(path.join(repoRoot, 'packages/lint-math/dist/index.js')).href)});
    const { texPreCheck } = await import(${JSON.stringify(pathToFileURL(path.join(repoRoot, 'packages/lint-math/dist/tex/tex-fast-check.js')).href)});
    const formulas = formulasOfNotes(${JSON.stringify(noteFolders)});
    const started = performance.now();
    for (const tex of formulas) await texVerdict(tex, false);
    const seconds = (performance.now() - started) / 1000;
    console.log(JSON.stringify({ count: formulas.length, undecided: formulas.filter((tex) => texPreCheck(tex) === undefined).length, seconds }));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`real-notes run failed:\n${result.stderr}`);
  return JSON.parse(result.stdout);
}
const realRuns = Array.from({ length: 3 }, realNotesCold);
const realCold = realRuns.sort((a, b) => a.seconds - b.seconds)[1];
const realColdRate = Math.round(realCold.count / realCold.seconds);
const realInline = real.map((tex) => ({ tex, display: false }));
const realWarmJitRate = await throughput((formula) => texVerdict(formula.tex, formula.display), realInline);
const plainRealRate = await throughput((formula) => plain(formula.tex, formula.display), realInline);
const valid = plainVerdicts.filter((verdict) => verdict === null).length;
let katexRate = '—';
try {
  const katex = (await import(pathToFileURL(require.resolve('katex')).href)).default;
  katexRate = await throughput((formula) => {
    try {
      katex.renderToString(formula.tex, { displayMode: formula.display, throwOnError: true, strict: 'ignore' });
      return null;
    } catch (error) {
      return error.message;
    }
  });
} catch {
  // KaTeX is only a reference point.
}

console.log(`TeX corpus: ${corpus.length} distinct formulas (${real.length} from notes), ${valid} valid; the pre-check proves ${proven} (${((100 * proven) / valid).toFixed(1)} % of the valid ones) valid and ${provenBroken} (${((100 * provenBroken) / (corpus.length - valid)).toFixed(1)} % of the broken ones) invalid without MathJax`);
console.log(loadLine());
console.log('');
console.log(`| validator (one thread) | whole corpus (${corpus.length - valid} broken), formulas/s | notes-like mix (${notesLike.length}, 2 % broken), formulas/s |`);
console.log('|---|---:|---:|');
console.log(`| plain MathJax 3 (full conversion) | ${plainRate} | ${plainNotesRate} |`);
console.log(`| ours, cold (pre-check + MathJax TeX parser) | ${coldRate} | ${coldNotesRate} |`);
console.log(`| ours, warm (verdicts remembered) | ${warmRate} | — |`);
console.log(`| KaTeX renderToString (reference) | ${katexRate} | — |`);

// --- 2. lint of a math-heavy repository ----------------------------------------
const root = mkdtempSync(path.join(os.tmpdir(), 'bench-math-heavy-'));
const statsFolder = mkdtempSync(path.join(os.tmpdir(), 'bench-math-time-'));
const built = await buildMathHeavyRepository(root);
const markdownlint = path.join(repoRoot, 'node_modules/.bin/markdownlint-cli2');
const cold = [];
const warm = [];
const peer = [];
for (let run = 0; run < runs; run++) {
  rmSync(path.join(root, '.cache'), { recursive: true, force: true });
  cold.push(measure('notes lint (cold)', process.execPath, [bin, 'lint', '--format', 'json'], { cwd: root, statsFolder }));
  warm.push(measure('notes lint (warm)', process.execPath, [bin, 'lint', '--format', 'json'], { cwd: root, statsFolder }));
  peer.push(measure('markdownlint-cli2', markdownlint, ['content/**/*.md'], { cwd: root, statsFolder }));
}
const wall = (rows) => median(rows.map((row) => row.seconds));
const memory = (rows) => median(rows.map((row) => row.mib));
console.log('');
console.log(`Math-heavy repository: ${built.files} notes, ${(built.bytes / 1e6).toFixed(2)} MB, ${built.formulas} formulas (${built.distinct} distinct, ${built.undecided} of them left to MathJax by the pre-check); median of ${runs} runs`);
console.log(loadLine());
console.log('');
printAims([
  {
    aim: `TeX validation, cold, fresh process, the notes' ${realCold.count} formulas (${realCold.undecided} undecided by the pre-check; MathJax load counted)`,
    ours: `${realColdRate}/s`,
    peer: `${plainRealRate}/s (plain MathJax, loaded)`,
    ratio: `${(realColdRate / plainRealRate).toFixed(1)}× faster`,
    target: '≥ 10,000/s',
    met: realColdRate >= 10_000,
  },
  {
    aim: `TeX validation, cold, one thread, the notes' formulas (MathJax loaded)`,
    ours: `${realWarmJitRate}/s`,
    peer: `${plainRealRate}/s (plain MathJax)`,
    ratio: `${(realWarmJitRate / plainRealRate).toFixed(1)}× faster`,
    target: '≥ 10,000/s',
    met: realWarmJitRate >= 10_000,
  },
  {
    aim: 'TeX validation, cold, one thread, notes-like mix',
    ours: `${coldNotesRate}/s`,
    peer: `${plainNotesRate}/s (plain MathJax)`,
    ratio: `${(coldNotesRate / plainNotesRate).toFixed(1)}× faster`,
    target: '≥ 10,000/s',
    met: coldNotesRate >= 10_000,
  },
  {
    aim: 'TeX validation, cold, one thread, whole corpus',
    ours: `${coldRate}/s`,
    peer: `${plainRate}/s (plain MathJax)`,
    ratio: `${(coldRate / plainRate).toFixed(1)}× faster`,
    target: '≥ 10,000/s',
    met: coldRate >= 10_000,
  },
  {
    aim: 'TeX validation, warm (remembered), one thread',
    ours: `${warmRate}/s`,
    peer: `${plainRate}/s (plain MathJax)`,
    ratio: `${(warmRate / plainRate).toFixed(1)}× faster`,
    target: '≥ 10,000/s',
    met: warmRate >= 10_000,
  },
  {
    aim: 'lint math-heavy, cold: wall',
    ours: `${wall(cold).toFixed(2)} s`,
    peer: `${wall(peer).toFixed(2)} s`,
    ratio: (wall(cold) / wall(peer)).toFixed(2),
    target: '≤ 1.0',
    met: wall(cold) <= wall(peer),
  },
  {
    aim: 'lint math-heavy, cold: peak memory',
    ours: `${memory(cold).toFixed(0)} MiB`,
    peer: `${memory(peer).toFixed(0)} MiB`,
    ratio: (memory(cold) / memory(peer)).toFixed(2),
    target: '(reported)',
    met: true,
  },
  {
    aim: 'lint math-heavy, warm: wall',
    ours: `${wall(warm).toFixed(2)} s`,
    peer: `${wall(peer).toFixed(2)} s`,
    ratio: (wall(warm) / wall(peer)).toFixed(2),
    target: '(reported)',
    met: true,
  },
]);
rmSync(root, { recursive: true, force: true });
rmSync(statsFolder, { recursive: true, force: true });
