#!/usr/bin/env node
// Start-up times, median of several runs, beside bare `node` and doctoc (the
// peer for tables of contents) in the same run: `notes --version`, `notes
// --help`, and `notes gen-readme --check` on this repository, warm (inputs
// unchanged since the last up-to-date check) and cold (the check's cache gone).
// Usage: node scripts/bench-startup.mjs [runs=9]   (after `pnpm build`)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bin, ensureBuilt, loadLine, median, printAims, repoRoot } from './benchmark-support.mjs';

const runs = Number(process.argv[2] ?? 9);
ensureBuilt();
const doctoc = path.join(repoRoot, 'node_modules/.bin/doctoc');
const checkCache = path.join(repoRoot, '.cache/readme-check.json');

/**
 * Wall seconds of one run, and its CPU seconds (user + system, from GNU time) in `cpu[key]`:
 * on a machine other work keeps busy, CPU time is what the command itself costs.
 */
function seconds(command, args, cwd = repoRoot, key) {
  const stats = path.join(work, 'time.txt');
  const start = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-o', stats, '-f', '%U %S', command, ...args], { cwd, encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} failed (exit ${run.status}):\n${run.stderr}`);
  if (key) {
    const [user, system] = readFileSync(stats, 'utf8').trim().split(/\s+/u).slice(-2).map(Number);
    (cpu[key] ??= []).push(user + system);
  }
  return elapsed;
}

const times = { node: [], version: [], help: [], warm: [], cold: [], doctoc: [] };
const cpu = {};
const work = mkdtempSync(path.join(os.tmpdir(), 'bench-startup-'));
// The cold check must not lose a cache a developer had: it is moved aside and put back.
const saved = path.join(work, 'readme-check.json');
if (existsSync(checkCache)) copyFileSync(checkCache, saved);
try {
  seconds(process.execPath, [bin, 'gen-readme', '--check']);
  // Interleaved, so that load from other processes hits every command alike.
  for (let run = 0; run < runs; run++) {
    times.node.push(seconds(process.execPath, ['-e', '0'], repoRoot, 'node'));
    times.version.push(seconds(process.execPath, [bin, '--version'], repoRoot, 'version'));
    times.help.push(seconds(process.execPath, [bin, '--help'], repoRoot, 'help'));
    times.warm.push(seconds(process.execPath, [bin, 'gen-readme', '--check'], repoRoot, 'warm'));
    rmSync(checkCache, { force: true });
    times.cold.push(seconds(process.execPath, [bin, 'gen-readme', '--check'], repoRoot, 'cold'));
    const copy = path.join(work, `README-${run}.md`);
    copyFileSync(path.join(repoRoot, 'README.md'), copy);
    times.doctoc.push(seconds(doctoc, ['--github', copy], repoRoot, 'doctoc'));
  }
} finally {
  if (existsSync(saved)) renameSync(saved, checkCache);
  rmSync(work, { recursive: true, force: true });
}

const m = Object.fromEntries(Object.entries(times).map(([key, values]) => [key, median(values)]));
const c = Object.fromEntries(Object.entries(cpu).map(([key, values]) => [key, median(values)]));
const fmt = (value) => `${value.toFixed(3)} s`;
const both = (key) => `${fmt(m[key])} (CPU ${fmt(c[key])})`;
console.log(`median of ${runs} runs, wall (CPU = user + system); ${loadLine()}`);
console.log('');
// The targets are wall times; on a machine other work keeps busy, the CPU time shows what the command
// itself costs (the wall time of a machine with a core free), and is printed beside it.
const met = (key, target) => m[key] <= target;
printAims([
  { aim: 'notes --version', ours: both('version'), peer: `${both('node')} (bare node)`, ratio: (m.version / m.node).toFixed(2), target: '≤ 0.15 s', met: met('version', 0.15) },
  { aim: 'notes --help', ours: both('help'), peer: `${both('node')} (bare node)`, ratio: (m.help / m.node).toFixed(2), target: '≤ 0.15 s', met: met('help', 0.15) },
  { aim: 'gen-readme --check, this repository (warm)', ours: both('warm'), peer: `${both('doctoc')} (doctoc, TOC only)`, ratio: (m.warm / m.doctoc).toFixed(2), target: '≤ 0.3 s', met: met('warm', 0.3) },
  { aim: 'gen-readme --check, this repository (cold)', ours: both('cold'), peer: `${both('doctoc')} (doctoc, TOC only)`, ratio: (m.cold / m.doctoc).toFixed(2), target: '≤ 0.3 s', met: met('cold', 0.3) },
]);
