#!/usr/bin/env node
// Start-up times, median of several runs, beside bare `node` and doctoc (the
// peer for tables of contents) in the same run: `notes --version`, `notes
// --help`, and `notes gen-readme --check` on this repository, warm (inputs
// unchanged since the last up-to-date check) and cold (the check's cache gone).
// Usage: node scripts/bench-startup.mjs [runs=9]   (after `pnpm build`)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bin, ensureBuilt, loadLine, median, printAims, repoRoot } from './benchmark-support.mjs';

const runs = Number(process.argv[2] ?? 9);
ensureBuilt();
const doctoc = path.join(repoRoot, 'node_modules/.bin/doctoc');
const checkCache = path.join(repoRoot, '.cache/readme-check.json');

function seconds(command, args, cwd = repoRoot) {
  const start = process.hrtime.bigint();
  const run = spawnSync(command, args, { cwd, encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} failed (exit ${run.status}):\n${run.stderr}`);
  return elapsed;
}

const times = { node: [], version: [], help: [], warm: [], cold: [], doctoc: [] };
const work = mkdtempSync(path.join(os.tmpdir(), 'bench-startup-'));
// The cold check must not lose a cache a developer had: it is moved aside and put back.
const saved = path.join(work, 'readme-check.json');
if (existsSync(checkCache)) copyFileSync(checkCache, saved);
try {
  seconds(process.execPath, [bin, 'gen-readme', '--check']);
  // Interleaved, so that load from other processes hits every command alike.
  for (let run = 0; run < runs; run++) {
    times.node.push(seconds(process.execPath, ['-e', '0']));
    times.version.push(seconds(process.execPath, [bin, '--version']));
    times.help.push(seconds(process.execPath, [bin, '--help']));
    times.warm.push(seconds(process.execPath, [bin, 'gen-readme', '--check']));
    rmSync(checkCache, { force: true });
    times.cold.push(seconds(process.execPath, [bin, 'gen-readme', '--check']));
    const copy = path.join(work, `README-${run}.md`);
    copyFileSync(path.join(repoRoot, 'README.md'), copy);
    times.doctoc.push(seconds(doctoc, ['--github', copy]));
  }
} finally {
  if (existsSync(saved)) renameSync(saved, checkCache);
  rmSync(work, { recursive: true, force: true });
}

const m = Object.fromEntries(Object.entries(times).map(([key, values]) => [key, median(values)]));
const fmt = (value) => `${value.toFixed(3)} s`;
console.log(`median of ${runs} runs; ${loadLine()}`);
console.log('');
printAims([
  { aim: 'notes --version', ours: fmt(m.version), peer: `${fmt(m.node)} (bare node)`, ratio: (m.version / m.node).toFixed(2), target: '≤ 0.15 s', met: m.version <= 0.15 },
  { aim: 'notes --help', ours: fmt(m.help), peer: `${fmt(m.node)} (bare node)`, ratio: (m.help / m.node).toFixed(2), target: '≤ 0.15 s', met: m.help <= 0.15 },
  { aim: 'gen-readme --check, this repository (warm)', ours: fmt(m.warm), peer: `${fmt(m.doctoc)} (doctoc, TOC only)`, ratio: (m.warm / m.doctoc).toFixed(2), target: '≤ 0.3 s', met: m.warm <= 0.3 },
  { aim: 'gen-readme --check, this repository (cold)', ours: fmt(m.cold), peer: `${fmt(m.doctoc)} (doctoc, TOC only)`, ratio: (m.cold / m.doctoc).toFixed(2), target: '≤ 0.3 s', met: m.cold <= 0.3 },
]);
