// Shared set-up of the benchmark scripts: where things are, and the checks
// every benchmark makes before it measures anything.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const corpus = path.resolve(repoRoot, '../shared/corpora/awesome-llm-learning');
/** The bundled CLI, what `pnpm lint` and the other scripts run. */
export const bin = path.join(repoRoot, 'packages/cli/bundle/notes.js');

/** Exits with a message when the shared corpus is not beside the repository. */
export function requireCorpus() {
  if (!existsSync(corpus)) {
    console.error(`corpus not found (${path.relative(repoRoot, corpus)}); nothing to measure`);
    process.exit(1);
  }
}

/** Builds and bundles the CLI when it has not been built yet. */
export function ensureBuilt() {
  if (existsSync(bin)) return;
  console.log('building the CLI (pnpm build)…');
  spawnSync('pnpm', ['build'], { cwd: repoRoot, stdio: 'inherit' });
}

/**
 * Runs a command under /usr/bin/time: wall seconds and peak resident memory (MiB).
 * `statsFolder` must lie outside any measured repository (a new file there would change its state).
 */
export function measure(label, command, args, { cwd, statsFolder }) {
  const stats = path.join(statsFolder, `stats-${process.pid}`);
  const result = spawnSync('/usr/bin/time', ['-o', stats, '-f', '%e %M %U %S', command, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const [seconds, kib, user, system] = readFileSync(stats, 'utf8').trim().split(/\s+/u).slice(-4).map(Number);
  rmSync(stats, { force: true });
  // A tool that could not run at all is not a measurement.
  if (/Cannot process file|Cannot find module|Error: .*failed/u.test(String(result.stderr)) || result.status === 2) {
    throw new Error(`${label} failed (exit ${result.status}):\n${String(result.stderr).slice(0, 2000)}`);
  }
  // CPU seconds (user + system, all threads) beside the wall: on shared cores the wall moves with others' load.
  return { label, seconds, mib: kib / 1024, cpu: user + system, status: result.status };
}

/** Installs GNU time when it is missing (it reports peak memory). */
export function ensureTime() {
  if (!existsSync('/usr/bin/time')) spawnSync('apt-get', ['install', '-y', 'time'], { stdio: 'inherit' });
}

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The machine's load, printed with every benchmark: other work on the cores skews absolute figures, less so ratios. */
export function loadLine() {
  return `load average ${os.loadavg().map((value) => value.toFixed(1)).join(' ')} on ${os.availableParallelism()} cores`;
}

/** Prints rows `{ aim, ours, peer, ratio, target, met }` as a Markdown table. */
export function printAims(rows) {
  console.log('| aim | ours | peer | ours/peer | target | met |');
  console.log('|---|---:|---:|---:|---:|:-:|');
  for (const row of rows) console.log(`| ${row.aim} | ${row.ours} | ${row.peer} | ${row.ratio} | ${row.target} | ${row.met ? 'yes' : 'NO'} |`);
}
