#!/usr/bin/env node
// Times the pre-commit hook on a clone of this repository with one note
// staged and another edited but not staged, side by side with the way hook
// frameworks usually judge the index: stash the unstaged changes
// (`git stash --keep-index --include-untracked`), run the checks on the
// working tree, regenerate and stage the README, pop the stash. Also the
// CLI's bare start-up (`notes --version`) and remark-cli on the staged note.
// Usage: node scripts/bench-pre-commit.mjs [runs=5]   (run `pnpm build` first)
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bin, ensureBuilt, ensureTime, loadLine, median, printAims, repoRoot } from './benchmark-support.mjs';

/**
 * Wall and CPU seconds (user + system) of one run. On a busy machine the
 * wall time mostly measures the other work; the CPU time is what the hook
 * itself costs, and what a quiet laptop waits.
 */
function measure(label, command, args, { cwd, statsFolder }) {
  const stats = path.join(statsFolder, `stats-${process.pid}`);
  const result = spawnSync('/usr/bin/time', ['-o', stats, '-f', '%e %U %S', command, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const [seconds, user, system] = readFileSync(stats, 'utf8').trim().split('\n').at(-1).split(/\s+/u).map(Number);
  rmSync(stats, { force: true });
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status}):\n${String(result.stderr).slice(0, 2000)}`);
  return { seconds, cpu: user + system };
}

const runs = Number(process.argv[2] ?? 5);
ensureBuilt();
ensureTime();
const remark = path.join(repoRoot, 'node_modules/.bin/remark');
if (!existsSync(remark)) {
  console.error('remark-cli is missing: run `pnpm install` first');
  process.exit(2);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'bench-pre-commit-'));
const clone = path.join(work, 'repo');
const statsFolder = path.join(work, 'stats');
execFileSync('mkdir', ['-p', statsFolder]);
const git = (...args) => execFileSync('git', ['-c', 'core.quotePath=false', '-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args], { cwd: clone, encoding: 'utf8' });
try {
  execFileSync('git', ['clone', '-q', repoRoot, clone]);
  const notes = git('ls-files', 'content').split('\n').filter((file) => file.endsWith('.md') && !file.includes('/0.'));
  const [staged, unstaged] = [notes[3], notes[7]];
  appendFileSync(path.join(clone, staged), '\n补充一段：用于基准测试的暂存修改。\n');
  git('add', '--', staged);
  appendFileSync(path.join(clone, unstaged), '\n[未暂存的坏链接](./nowhere.md)\n');
  console.log(`${loadLine()}; ${notes.length} notes; staged: ${staged}; unstaged edit: ${unstaged}; ${runs} runs each, median`);

  const node = process.execPath;
  const stashPeer = [
    'set -e',
    'git stash push -q --keep-index --include-untracked',
    `trap 'git stash pop -q' EXIT`,
    `"${node}" "${bin}" lint --no-cache --workers 0 -- "${staged}"`,
    `"${node}" "${bin}" gen-readme >/dev/null`,
    'git add README.md',
  ].join('\n');
  const commands = {
    'notes pre-commit': [node, [bin, 'pre-commit']],
    'stash, check, pop': ['bash', ['-c', stashPeer]],
    'notes --version': [node, [bin, '--version']],
    'remark-cli + validate-links on the note': [remark, ['--quiet', '--frail', '--use', path.join(repoRoot, 'node_modules/remark-validate-links/index.js'), '--', staged]],
  };
  const timings = Object.fromEntries(Object.keys(commands).map((label) => [label, { wall: [], cpu: [] }]));
  for (let run = 0; run < runs; run++) {
    for (const [label, [command, args]] of Object.entries(commands)) {
      const { seconds, cpu } = measure(label, command, args, { cwd: clone, statsFolder });
      timings[label].wall.push(seconds);
      timings[label].cpu.push(cpu);
    }
  }
  if (git('status', '--porcelain', '--', unstaged).trim() === '') throw new Error('the unstaged edit was lost');
  for (const [label, { wall, cpu }] of Object.entries(timings)) console.log(`${label}: wall ${median(wall).toFixed(2)} s, cpu ${median(cpu).toFixed(2)} s`);
  const ours = timings['notes pre-commit'];
  const stash = timings['stash, check, pop'];
  const ratio = median(ours.cpu) / median(stash.cpu);
  printAims([
    { aim: 'hook judging the index vs stash-based hook (cpu)', ours: `${median(ours.cpu).toFixed(2)} s`, peer: `${median(stash.cpu).toFixed(2)} s`, ratio: ratio.toFixed(2), target: '≤ 1.00', met: ratio <= 1 },
    { aim: 'hook time, typical commit (cpu; wall on a quiet machine)', ours: `${median(ours.cpu).toFixed(2)} s`, peer: '-', ratio: '-', target: '< 1 s', met: median(ours.cpu) < 1 },
  ]);
} finally {
  rmSync(work, { recursive: true, force: true });
}
