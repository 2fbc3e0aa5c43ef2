#!/usr/bin/env node
// Size benchmark (issue 20 §8): many tiny notes and one very large README,
// `notes lint --no-cache` side by side with markdownlint-cli2 in the same run.
// Prints wall time and peak memory of both, the ratios, and the aims:
// - N tiny notes (default 20,000): peak memory ≤ 300 MiB;
// - the README gen-readme writes for them (megabytes): cost per byte within
//   15 % of the README of a quarter of the notes (linear in file size).
// Usage: node scripts/bench-size.mjs [notes = 20000]   (after `pnpm build`)
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { bin, ensureBuilt, ensureTime, loadLine, measure, printAims, repoRoot } from './benchmark-support.mjs';
import { buildSizeRepository } from './size-repository.mjs';

const notes = Number(process.argv.slice(2).find((arg) => /^\d+$/u.test(arg)) ?? 20000);
const MEMORY_GOAL_MIB = 300;
const peer = path.join(repoRoot, 'node_modules', '.bin', 'markdownlint-cli2');

ensureBuilt();
ensureTime();
const statsFolder = mkdtempSync(path.join(os.tmpdir(), 'bench-size-time-'));
const rows = [];
const report = (row, extra = '') => {
  rows.push(row);
  console.log(`${row.label.padEnd(46)} ${row.seconds.toFixed(2).padStart(8)} s ${row.mib.toFixed(0).padStart(6)} MiB exit ${row.status} ${extra}`);
};

function generateReadme(root) {
  const result = spawnSync(process.execPath, [bin, 'gen-readme'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`gen-readme failed: ${result.stderr}`);
  spawnSync('git', ['add', '-A'], { cwd: root });
  return statSync(path.join(root, 'README.md')).size;
}

console.log(`Size benchmark; ${loadLine()}\n`);
const many = buildSizeRepository(notes);
const quarter = buildSizeRepository(Math.round(notes / 4));
try {
  const run = (label, root, command, args) => measure(label, command, args, { cwd: root, statsFolder });
  const oursNotes = run(`notes lint, ${notes} notes (cold)`, many.root, process.execPath, [bin, 'lint', '--no-cache', '--format', 'json']);
  report(oursNotes);
  const peerNotes = run(`markdownlint-cli2, ${notes} notes`, many.root, peer, ['content/**/*.md']);
  report(peerNotes);

  const bigBytes = generateReadme(many.root);
  const smallBytes = generateReadme(quarter.root);
  const oursBig = run(`notes lint README.md (${(bigBytes / 1e6).toFixed(1)} MB)`, many.root, process.execPath, [bin, 'lint', '--no-cache', '--format', 'json', 'README.md']);
  report(oursBig, `${((1e6 * oursBig.seconds) / bigBytes).toFixed(1)} s/MB`);
  const peerBig = run(`markdownlint-cli2 README.md (${(bigBytes / 1e6).toFixed(1)} MB)`, many.root, peer, ['README.md']);
  report(peerBig, `${((1e6 * peerBig.seconds) / bigBytes).toFixed(1)} s/MB`);
  const oursSmall = run(`notes lint README.md (${(smallBytes / 1e6).toFixed(1)} MB)`, quarter.root, process.execPath, [bin, 'lint', '--no-cache', '--format', 'json', 'README.md']);
  report(oursSmall, `${((1e6 * oursSmall.seconds) / smallBytes).toFixed(1)} s/MB`);
  const peerSmall = run(`markdownlint-cli2 README.md (${(smallBytes / 1e6).toFixed(1)} MB)`, quarter.root, peer, ['README.md']);
  report(peerSmall, `${((1e6 * peerSmall.seconds) / smallBytes).toFixed(1)} s/MB`);

  const perByte = (row, bytes) => row.seconds / bytes;
  const growth = perByte(oursBig, bigBytes) / perByte(oursSmall, smallBytes);
  const peerGrowth = perByte(peerBig, bigBytes) / perByte(peerSmall, smallBytes);
  console.log(`\nAims (${loadLine()}):\n`);
  printAims([
    {
      aim: `${notes} tiny notes: peak memory`,
      ours: `${oursNotes.mib.toFixed(0)} MiB`,
      peer: `${peerNotes.mib.toFixed(0)} MiB`,
      ratio: (oursNotes.mib / peerNotes.mib).toFixed(2),
      target: `≤ ${MEMORY_GOAL_MIB} MiB`,
      met: oursNotes.mib <= MEMORY_GOAL_MIB,
    },
    {
      aim: `${notes} tiny notes: wall`,
      ours: `${oursNotes.seconds.toFixed(2)} s`,
      peer: `${peerNotes.seconds.toFixed(2)} s`,
      ratio: (oursNotes.seconds / peerNotes.seconds).toFixed(2),
      target: '(reported)',
      met: true,
    },
    {
      aim: `README ${(bigBytes / 1e6).toFixed(1)} MB: wall / peak`,
      ours: `${oursBig.seconds.toFixed(2)} s / ${oursBig.mib.toFixed(0)} MiB`,
      peer: `${peerBig.seconds.toFixed(2)} s / ${peerBig.mib.toFixed(0)} MiB`,
      ratio: `${(oursBig.seconds / peerBig.seconds).toFixed(2)} / ${(oursBig.mib / peerBig.mib).toFixed(2)}`,
      target: '(reported)',
      met: true,
    },
    {
      aim: `README cost per byte, ${(bigBytes / 1e6).toFixed(1)} MB vs ${(smallBytes / 1e6).toFixed(1)} MB`,
      ours: growth.toFixed(2),
      peer: peerGrowth.toFixed(2),
      ratio: (growth / peerGrowth).toFixed(2),
      target: '≤ 1.15',
      met: growth <= 1.15,
    },
  ]);
} finally {
  for (const root of [many.root, quarter.root, statsFolder]) rmSync(root, { recursive: true, force: true });
}
