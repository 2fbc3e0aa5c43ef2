#!/usr/bin/env node
// Math rules benchmark, on the shared corpus:
//  1. TeX validation throughput: every formula of the notes and README compiled
//     by our MathJax 3 check, side by side with KaTeX (renderToString with
//     throwOnError) on the same formulas;
//  2. the wall time the math rules add to `notes lint --no-cache`: the built CLI on a
//     copy of the corpus, with the default config and with every math rule off.
// Usage: node scripts/bench-math.mjs [copies=1] [runs=5]   (run `pnpm build` first)
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(repoRoot, '../shared/corpora/awesome-llm-learning');
const copies = Number(process.argv[2] ?? 1);
const runs = Number(process.argv[3] ?? 5);
const notesBin = path.join(repoRoot, 'packages/cli/bundle/notes.js');
const mathDist = path.join(repoRoot, 'packages/lint-math/dist');

if (!existsSync(corpus)) {
  console.error(`corpus not found (${path.relative(repoRoot, corpus)}); nothing to measure`);
  process.exit(0);
}
if (!existsSync(notesBin) || !existsSync(mathDist)) {
  console.error('build first: pnpm build');
  process.exit(2);
}
const require = createRequire(path.join(repoRoot, 'package.json'));
try {
  require.resolve('katex');
} catch {
  execFileSync('pnpm', ['add', '-D', '-w', 'katex@0.16.47'], { cwd: repoRoot, stdio: 'inherit' });
}

const load = (relative) => import(pathToFileURL(path.join(repoRoot, relative)).href);
const { parseMarkdown } = await load('packages/core/dist/index.js');
const { scanMath, rules } = await load('packages/lint-math/dist/index.js');
const { loadTexCheck } = await load('packages/lint-math/dist/tex/mathjax-validator.js');
const katex = (await import(pathToFileURL(require.resolve('katex')).href)).default;

function markdownFiles(folder) {
  return readdirSync(folder, { recursive: true })
    .map((entry) => path.join(folder, entry))
    .filter((file) => file.endsWith('.md') && !path.basename(file).startsWith('README.original'));
}

// --- 1. validation throughput -------------------------------------------------
const formulas = [];
for (const file of markdownFiles(corpus)) {
  const text = readFileSync(file, 'utf8');
  for (const formula of scanMath(parseMarkdown(text), text).formulas) {
    formulas.push({ tex: formula.tex, display: formula.kind === 'display' || formula.kind === 'fence' });
  }
}
const distinct = [...new Map(formulas.map((formula) => [`${formula.display}${formula.tex}`, formula])).values()];

let started = performance.now();
const check = await loadTexCheck();
const mathjaxLoadMs = performance.now() - started;

function throughput(validate) {
  // Enough rounds for about a second of work; the first round warms the JIT up.
  let errors = 0;
  for (const formula of distinct) if (validate(formula) !== undefined) errors++;
  const rounds = 20;
  started = performance.now();
  for (let round = 0; round < rounds; round++) for (const formula of distinct) validate(formula);
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: Math.round((rounds * distinct.length) / seconds), errors };
}

const mathjax = throughput((formula) => check(formula.tex, formula.display));
const katexResult = throughput((formula) => {
  try {
    katex.renderToString(formula.tex, { displayMode: formula.display, throwOnError: true });
    return undefined;
  } catch (error) {
    return error.message;
  }
});

console.log(`Formulas in the corpus: ${formulas.length} (${distinct.length} distinct)`);
console.log('');
console.log('| validator | formulas/s | formulas it rejects | load time |');
console.log('|---|---:|---:|---:|');
console.log(`| MathJax 3 (our math-tex check) | ${mathjax.perSecond} | ${mathjax.errors} | ${mathjaxLoadMs.toFixed(0)} ms |`);
console.log(`| KaTeX ${katex.version} (peer) | ${katexResult.perSecond} | ${katexResult.errors} | — |`);

// --- 2. wall time added to `notes lint` ----------------------------------------
const root = mkdtempSync(path.join(os.tmpdir(), 'bench-math-'));
for (let copy = 0; copy < copies; copy++) {
  for (const name of readdirSync(corpus)) {
    const source = path.join(corpus, name);
    if (!/^\d+\./u.test(name) || !statSync(source).isDirectory()) continue;
    const number = Number(name.split('.')[0]) + copy * 10;
    cpSync(source, path.join(root, 'content', `${number}.${name.slice(name.indexOf('.') + 1)}`), { recursive: true });
  }
}
writeFileSync(path.join(root, 'README.md'), readFileSync(path.join(corpus, 'README.committed.md')));
mkdirSync(path.join(root, '.git'));

function lintOnceMs(config) {
  writeFileSync(path.join(root, 'notes.config.json'), JSON.stringify(config));
  const begin = performance.now();
  const result = spawnSync(process.execPath, [notesBin, 'lint', '--no-cache', '--root', root, '--format', 'json'], { encoding: 'utf8' });
  if (result.status === 2) throw new Error(`notes lint failed: ${result.stderr}`);
  return performance.now() - begin;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mathOff = { rules: Object.fromEntries(rules.map((rule) => [rule.id, 'off'])) };
// Alternate the two configurations so that load from other processes hits both alike.
const on = [];
const off = [];
for (let run = 0; run < runs; run++) {
  on.push(lintOnceMs({}));
  off.push(lintOnceMs(mathOff));
}
const withMath = median(on);
const withoutMath = median(off);
const files = markdownFiles(path.join(root, 'content')).length + 1;
console.log('');
console.log(`notes lint on ${files} files (${copies} cop${copies === 1 ? 'y' : 'ies'} of the corpus + README), median of ${runs} runs:`);
console.log('');
console.log('| configuration | wall time |');
console.log('|---|---:|');
console.log(`| all rules | ${withMath.toFixed(0)} ms |`);
console.log(`| math rules off | ${withoutMath.toFixed(0)} ms |`);
console.log(`| added by the math rules | ${(withMath - withoutMath).toFixed(0)} ms |`);
rmSync(root, { recursive: true, force: true });
