#!/usr/bin/env node
// Build time of the reading site (`site build`) next to the setup the seed
// repository used for its own site: plain VitePress with markdown-it-mathjax3,
// on the same notes (this repository's content/, copied to a temp folder for
// the peer). Both build with local search. Prints wall and CPU seconds; the
// issue's aim is a build under 30 s on 2 cores.
// Usage: node scripts/bench-site.mjs [runs]   (after `pnpm build`)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadLine, median, printAims, repoRoot } from './benchmark-support.mjs';

const runs = Number(process.argv[2] ?? 3);
const siteBin = path.join(repoRoot, 'packages/site/dist/bin.js');
if (!existsSync(siteBin)) {
  console.log('building the toolchain (pnpm build)…');
  spawnSync('pnpm', ['build'], { cwd: repoRoot, stdio: 'inherit' });
}

const work = mkdtempSync(path.join(os.tmpdir(), 'bench-site-'));
const peer = path.join(work, 'peer');
cpSync(path.join(repoRoot, 'content'), peer, { recursive: true });
writeFileSync(
  path.join(peer, 'package.json'),
  JSON.stringify({ name: 'bench-site-peer', private: true, type: 'module', dependencies: { 'markdown-it-mathjax3': '^4.3.2', vitepress: '1.6.4' } }),
);
mkdirSync(path.join(peer, '.vitepress'));
writeFileSync(
  path.join(peer, '.vitepress', 'config.mjs'),
  "export default { title: 'peer', markdown: { math: true }, themeConfig: { search: { provider: 'local' } }, ignoreDeadLinks: true };\n",
);
console.log('installing the peer (vitepress + markdown-it-mathjax3) in a temp folder…');
const installed = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: peer, stdio: 'inherit' });
if (installed.status !== 0) {
  console.error('could not install the peer; nothing to compare with');
  process.exit(1);
}

/** Wall and CPU (user + system) seconds of one build, from GNU time. */
function timed(label, command, args, cwd) {
  const stats = path.join(work, 'time.txt');
  const result = spawnSync('/usr/bin/time', ['-o', stats, '-f', '%e %U %S', command, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status}):\n${String(result.stderr).slice(-2000)}`);
  const [wall, user, system] = readFileSync(stats, 'utf8').trim().split(/\s+/u).slice(-3).map(Number);
  return { wall, cpu: user + system };
}

try {
  console.log(loadLine());
  const ours = [];
  const theirs = [];
  for (let run = 0; run < runs; run++) {
    ours.push(timed('site build', process.execPath, [siteBin, 'build', '--out-dir', path.join(work, 'ours-out')], repoRoot));
    theirs.push(timed('peer build', path.join(peer, 'node_modules/.bin/vitepress'), ['build', '.', '--outDir', path.join(work, 'peer-out')], peer));
    console.log(`run ${run + 1}: ours ${ours.at(-1).wall.toFixed(1)} s wall / ${ours.at(-1).cpu.toFixed(1)} s CPU, peer ${theirs.at(-1).wall.toFixed(1)} s wall / ${theirs.at(-1).cpu.toFixed(1)} s CPU`);
  }
  const wall = [median(ours.map((each) => each.wall)), median(theirs.map((each) => each.wall))];
  const cpu = [median(ours.map((each) => each.cpu)), median(theirs.map((each) => each.cpu))];
  console.log(loadLine());
  printAims([
    { aim: 'site build, wall (median)', ours: `${wall[0].toFixed(1)} s`, peer: `${wall[1].toFixed(1)} s`, ratio: (wall[0] / wall[1]).toFixed(2), target: '< 30 s', met: wall[0] < 30 },
    { aim: 'site build, CPU user+sys (median)', ours: `${cpu[0].toFixed(1)} s`, peer: `${cpu[1].toFixed(1)} s`, ratio: (cpu[0] / cpu[1]).toFixed(2), target: '-', met: true },
  ]);
} finally {
  rmSync(work, { recursive: true, force: true });
}
