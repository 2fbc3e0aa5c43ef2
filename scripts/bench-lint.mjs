#!/usr/bin/env node
// Times `notes lint` side by side with markdownlint-cli2 on scaled corpora: the
// shared corpus copied N times into distinct chapter folders (links kept valid),
// for each N given. Per size: ours cold (default thread choice, cache written),
// warm (from that cache), cold with the default thread choice, on one thread
// and on two threads (this one and a worker, forced; no cache), and the peer;
// wall time, CPU time (user + system) and peak memory. Then the aims
// with ratios: cold and memory against the peer at the largest size, warm
// time, per-file cost across sizes (linearity), and the default and the forced
// two threads against one thread at every size.
// Warm runs (a replay of the last run: nothing changed) are the median of
// five, also on a copy of the llm-action corpus when it is present.
// With --math-heavy: the same cold rows (default threads, one thread, two
// threads, the peer; median of `runs`) on the generated math-heavy repository
// of bench-math (23 notes, ~6,000 formulas), without bench-math's TeX part.
// Usage: node scripts/bench-lint.mjs [copies… = 10 50] [--remark] [--build-only]   (after `pnpm build`)
//        node scripts/bench-lint.mjs --math-heavy [runs = 3]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bin, corpus, ensureBuilt, ensureTime, loadLine, measure, median, printAims, repoRoot, requireCorpus } from './benchmark-support.mjs';
import { buildMathHeavyRepository } from './math-heavy-repository.mjs';

const sizes = process.argv.slice(2).filter((arg) => /^\d+$/u.test(arg)).map(Number);
if (sizes.length === 0) sizes.push(10, 50);
const withRemark = process.argv.includes('--remark');
const tool = (name) => path.join(repoRoot, 'node_modules', '.bin', name);
if (process.argv.includes('--math-heavy')) {
  await benchMathHeavy(Number(process.argv.slice(2).find((arg) => /^\d+$/u.test(arg)) ?? 3));
  process.exit(0);
}


requireCorpus();
ensureBuilt();
ensureTime();

/** Chapters as `[folder name, number, title]`. */
const chapters = readdirSync(corpus)
  .filter((name) => /^\d+\./u.test(name) && statSync(path.join(corpus, name)).isDirectory())
  .map((name) => [name, Number(name.split('.')[0]), name.slice(name.indexOf('.') + 1)]);
const spread = Math.max(...chapters.map(([, number]) => number)) + 1;

function buildCorpus(copies) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'bench-lint-'));
  let files = 0;
  let bytes = 0;
  const write = (target, data) => {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, data);
  };
  for (let copy = 0; copy < copies; copy++) {
    const renamed = new Map();
    for (const [name, number, title] of chapters) {
      const folder = `${copy * spread + number}.${title}`;
      renamed.set(name, folder);
      for (const entry of readdirSync(path.join(corpus, name), { recursive: true })) {
        const source = path.join(corpus, name, entry);
        if (statSync(source).isDirectory()) continue;
        const target = path.join(root, 'content', folder, entry);
        if (entry.endsWith('.md')) {
          const text = readFileSync(source);
          write(target, text);
          files++;
          bytes += text.length;
        } else {
          // Link checkers only need the image to exist: a tiny stand-in keeps the corpus small.
          write(target, 'img');
        }
      }
    }
    for (const extra of ['README.committed.md', 'SOURCE.md']) {
      let text = readFileSync(path.join(corpus, extra), 'utf8');
      // The README sits beside the chapters in the original; here it lives in `readmes/`.
      text = text.replace(/\]\((?:\.\/)?(\d+\.[^/)]+)/gu, (whole, chapter) => (renamed.has(chapter) ? `](../content/${renamed.get(chapter)}` : whole));
      write(path.join(root, 'readmes', `${copy}-${extra}`), text);
      files++;
      bytes += Buffer.byteLength(text);
    }
  }
  writeFileSync(path.join(root, 'notes.config.json'), '{}\n');
  execFileSync('git', ['init', '-q'], { cwd: root });
  execFileSync('git', ['add', '-A'], { cwd: root });
  // remark-validate-links wants to know the hosted repository (it never goes online for local links).
  execFileSync('git', ['remote', 'add', 'origin', 'https://github.com/example/notes'], { cwd: root });
  return { root, files, bytes };
}

if (process.argv.includes('--build-only')) {
  // For profiling: leave the corpus in place and say where it is.
  const built = buildCorpus(sizes[0]);
  console.log(`corpus: ${sizes[0]} copies, ${built.files} Markdown files, ${(built.bytes / 1e6).toFixed(1)} MB`);
  console.log(built.root);
  process.exit(0);
}

const statsFolder = mkdtempSync(path.join(os.tmpdir(), 'bench-lint-time-'));
const WARM_RUNS = 5;

/** The median run of `times` runs (by wall time), its CPU time the median of theirs. */
function medianRun(times, once) {
  const runs = Array.from({ length: times }, once);
  const middle = runs.find((run) => run.seconds === median(runs.map((r) => r.seconds)));
  return { ...middle, cpu: median(runs.map((run) => run.cpu)), label: `${middle.label}, median of ${times}` };
}
const results = [];
for (const copies of sizes) {
  const { root, files, bytes } = buildCorpus(copies);
  const readmes = readdirSync(path.join(root, 'readmes')).map((name) => `readmes/${name}`);
  const lint = (...options) => [bin, 'lint', ...options, '--format', 'json', 'content', ...readmes];
  const run = (label, command, args) => measure(label, command, args, { cwd: root, statsFolder });
  rmSync(path.join(root, '.cache'), { recursive: true, force: true });
  const rows = {
    cold: run('notes lint, cold (cache written)', process.execPath, lint()),
    warm: medianRun(WARM_RUNS, () => run('notes lint, warm (nothing changed)', process.execPath, lint())),
    // The report users see by default: stylish, with its column widths measured.
    warmStylish: medianRun(WARM_RUNS, () => run('notes lint, warm, stylish report', process.execPath, [bin, 'lint', 'content', ...readmes])),
    defaultChoice: run('notes lint, cold, default threads', process.execPath, lint('--no-cache')),
    oneThread: run('notes lint, cold, one thread', process.execPath, lint('--no-cache', '--workers', '0')),
    twoWorkers: run('notes lint, cold, two threads (forced)', process.execPath, lint('--no-cache', '--workers', '2')),
    peer: run('markdownlint-cli2', tool('markdownlint-cli2'), ['content/**/*.md', 'readmes/*.md']),
  };
  if (withRemark) {
    rows.remark = run('remark-cli + remark-validate-links', tool('remark'), [
      'content', 'readmes', '--use', path.join(repoRoot, 'node_modules/remark-validate-links/index.js'), '--quiet', '--no-stdout', '--no-config', '--no-ignore',
    ]);
  }
  console.log(`\n${copies} copies: ${files} Markdown files, ${(bytes / 1e6).toFixed(1)} MB; ${loadLine()}`);
  printRows(Object.values(rows), files);
  results.push({ copies, files, rows });
  rmSync(root, { recursive: true, force: true });
}

// The llm-action corpus (its own layout, no git): warm against markdownlint-cli2 on a copy.
const llmActionCorpus = path.resolve(repoRoot, '../shared/corpora/llm-action');
let llmAction;
if (existsSync(llmActionCorpus)) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'bench-lint-llm-action-'));
  cpSync(llmActionCorpus, root, { recursive: true });
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md')).length;
  const run = (label, command, args) => measure(label, command, args, { cwd: root, statsFolder });
  const lint = [bin, 'lint', '--root', root, '--format', 'json'];
  const rows = { cold: run('notes lint, cold (cache written)', process.execPath, lint) };
  rows.warm = medianRun(WARM_RUNS, () => run('notes lint, warm (nothing changed)', process.execPath, lint));
  rows.warmStylish = medianRun(WARM_RUNS, () => run('notes lint, warm, stylish report', process.execPath, lint.slice(0, -2)));
  rows.peer = run('markdownlint-cli2', tool('markdownlint-cli2'), ['**/*.md']);
  console.log(`\nllm-action corpus (copy): ${files} Markdown files; ${loadLine()}`);
  printRows(Object.values(rows), files);
  llmAction = rows;
  rmSync(root, { recursive: true, force: true });
} else {
  console.log(`\nllm-action corpus not found (${path.relative(repoRoot, llmActionCorpus)}): its warm run is NOT measured`);
}
rmSync(statsFolder, { recursive: true, force: true });

function printRows(rows, files) {
  console.log(`${'tool'.padEnd(48)} ${'wall s'.padStart(8)} ${'CPU s'.padStart(7)} ${'peak MiB'.padStart(9)} ${'ms/file'.padStart(8)} exit`);
  for (const row of rows) {
    console.log(
      `${row.label.padEnd(48)} ${row.seconds.toFixed(2).padStart(8)} ${row.cpu.toFixed(2).padStart(7)} ${row.mib.toFixed(0).padStart(9)} ${((1000 * row.seconds) / files).toFixed(1).padStart(8)} ${row.status}`,
    );
  }
}

const largest = results[results.length - 1];
const smallest = results[0];
const perFile = (result, row) => result.rows[row].seconds / result.files;
const aims = [
  {
    aim: `${largest.copies} copies: cold wall`,
    ours: `${largest.rows.cold.seconds.toFixed(2)} s (CPU ${largest.rows.cold.cpu.toFixed(2)} s)`,
    peer: `${largest.rows.peer.seconds.toFixed(2)} s (CPU ${largest.rows.peer.cpu.toFixed(2)} s)`,
    ratio: (largest.rows.cold.seconds / largest.rows.peer.seconds).toFixed(2),
    target: '≤ 0.5',
    met: largest.rows.cold.seconds <= 0.5 * largest.rows.peer.seconds,
  },
  {
    aim: `${largest.copies} copies: cold peak memory`,
    ours: `${largest.rows.cold.mib.toFixed(0)} MiB`,
    peer: `${largest.rows.peer.mib.toFixed(0)} MiB`,
    ratio: (largest.rows.cold.mib / largest.rows.peer.mib).toFixed(2),
    target: '≤ 0.5',
    met: largest.rows.cold.mib <= 0.5 * largest.rows.peer.mib,
  },
  {
    aim: `${largest.copies} copies: warm wall (median of ${WARM_RUNS})`,
    ours: `${largest.rows.warm.seconds.toFixed(2)} s (CPU ${largest.rows.warm.cpu.toFixed(2)} s)`,
    peer: `${largest.rows.peer.seconds.toFixed(2)} s (CPU ${largest.rows.peer.cpu.toFixed(2)} s)`,
    ratio: (largest.rows.warm.seconds / largest.rows.peer.seconds).toFixed(2),
    target: '≤ 0.5 s',
    met: largest.rows.warm.seconds <= 0.5,
  },
];
if (llmAction) {
  aims.push({
    aim: `llm-action: warm wall (median of ${WARM_RUNS})`,
    ours: `${llmAction.warm.seconds.toFixed(2)} s (CPU ${llmAction.warm.cpu.toFixed(2)} s)`,
    peer: `${llmAction.peer.seconds.toFixed(2)} s (CPU ${llmAction.peer.cpu.toFixed(2)} s)`,
    ratio: (llmAction.warm.seconds / llmAction.peer.seconds).toFixed(2),
    target: '≤ 0.5 s',
    met: llmAction.warm.seconds <= 0.5,
  });
}
if (results.length > 1) {
  const growth = perFile(largest, 'oneThread') / perFile(smallest, 'oneThread');
  aims.push({
    aim: `per-file cost, one thread, ${largest.copies} vs ${smallest.copies} copies`,
    ours: `${(1000 * perFile(largest, 'oneThread')).toFixed(1)} vs ${(1000 * perFile(smallest, 'oneThread')).toFixed(1)} ms`,
    peer: `${(1000 * perFile(largest, 'peer')).toFixed(1)} vs ${(1000 * perFile(smallest, 'peer')).toFixed(1)} ms`,
    ratio: growth.toFixed(2),
    target: '≤ 1.15',
    met: growth <= 1.15,
  });
}
for (const result of results) {
  aims.push({
    aim: `${result.copies} copies: default thread choice vs one thread (cold)`,
    ours: `${result.rows.defaultChoice.seconds.toFixed(2)} s`,
    peer: `${result.rows.oneThread.seconds.toFixed(2)} s (one thread)`,
    ratio: (result.rows.defaultChoice.seconds / result.rows.oneThread.seconds).toFixed(2),
    target: '≤ 1.0',
    met: result.rows.defaultChoice.seconds <= result.rows.oneThread.seconds * 1.02,
  });
  aims.push({
    aim: `${result.copies} copies: two threads (forced) vs one thread (cold)`,
    ours: `${result.rows.twoWorkers.seconds.toFixed(2)} s`,
    peer: `${result.rows.oneThread.seconds.toFixed(2)} s (one thread)`,
    ratio: (result.rows.twoWorkers.seconds / result.rows.oneThread.seconds).toFixed(2),
    target: '≤ 1.0',
    met: result.rows.twoWorkers.seconds <= result.rows.oneThread.seconds * 1.02,
  });
}
console.log(`\nAims (${loadLine()}):\n`);
printAims(aims);

/** Cold lint of the generated math-heavy repository: ours (default, one thread, two threads) against the peer, medians. */
async function benchMathHeavy(runs) {
  ensureBuilt();
  ensureTime();
  const root = mkdtempSync(path.join(os.tmpdir(), 'bench-lint-math-'));
  const statsFolder = mkdtempSync(path.join(os.tmpdir(), 'bench-lint-time-'));
  const built = await buildMathHeavyRepository(root);
  const lint = (...options) => [bin, 'lint', '--format', 'json', '--no-cache', ...options];
  const kinds = {
    defaultChoice: ['notes lint, cold, default threads', process.execPath, lint()],
    oneThread: ['notes lint, cold, one thread', process.execPath, lint('--workers', '0')],
    twoThreads: ['notes lint, cold, two threads (forced)', process.execPath, lint('--workers', '2')],
    peer: ['markdownlint-cli2', tool('markdownlint-cli2'), ['content/**/*.md']],
  };
  const rows = Object.fromEntries(Object.keys(kinds).map((key) => [key, []]));
  const loads = [];
  for (let run = 0; run < runs; run++) {
    // Alternated, so a change in the machine's load falls on every row alike.
    for (const [key, [label, command, args]] of Object.entries(kinds)) rows[key].push(measure(label, command, args, { cwd: root, statsFolder }));
    loads.push(os.loadavg()[0]);
  }
  rmSync(root, { recursive: true, force: true });
  rmSync(statsFolder, { recursive: true, force: true });
  const med = (key, field) => median(rows[key].map((row) => row[field]));
  console.log(`\nMath-heavy repository: ${built.files} notes, ${(built.bytes / 1e6).toFixed(2)} MB, ${built.formulas} formulas; median of ${runs} runs; one-minute load ${loads.map((load) => load.toFixed(1)).join(', ')}`);
  console.log(`${'tool'.padEnd(38)} ${'wall s'.padStart(8)} ${'CPU s'.padStart(7)} ${'peak MiB'.padStart(9)}`);
  for (const [key, [label]] of Object.entries(kinds)) console.log(`${label.padEnd(38)} ${med(key, 'seconds').toFixed(2).padStart(8)} ${med(key, 'cpu').toFixed(2).padStart(7)} ${med(key, 'mib').toFixed(0).padStart(9)}`);
  const ratio = (a, b) => (a / b).toFixed(2);
  console.log(`\nAims (${loadLine()}):\n`);
  printAims([
    { aim: 'math-heavy cold, default threads: wall', ours: `${med('defaultChoice', 'seconds').toFixed(2)} s`, peer: `${med('peer', 'seconds').toFixed(2)} s`, ratio: ratio(med('defaultChoice', 'seconds'), med('peer', 'seconds')), target: '≤ 1.0', met: med('defaultChoice', 'seconds') <= med('peer', 'seconds') },
    { aim: 'math-heavy cold, one thread: CPU (user + system)', ours: `${med('oneThread', 'cpu').toFixed(2)} s`, peer: `${med('peer', 'cpu').toFixed(2)} s`, ratio: ratio(med('oneThread', 'cpu'), med('peer', 'cpu')), target: '(reported)', met: true },
    { aim: 'math-heavy cold: peak memory', ours: `${med('defaultChoice', 'mib').toFixed(0)} MiB`, peer: `${med('peer', 'mib').toFixed(0)} MiB`, ratio: ratio(med('defaultChoice', 'mib'), med('peer', 'mib')), target: '(reported)', met: true },
    { aim: 'math-heavy: two threads (forced) vs one thread', ours: `${med('twoThreads', 'seconds').toFixed(2)} s`, peer: `${med('oneThread', 'seconds').toFixed(2)} s (one thread)`, ratio: ratio(med('twoThreads', 'seconds'), med('oneThread', 'seconds')), target: '≤ 1.0', met: med('twoThreads', 'seconds') <= med('oneThread', 'seconds') * 1.02 },
  ]);
}
