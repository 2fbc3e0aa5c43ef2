#!/usr/bin/env node
// Bytes and seconds of `notes images` (lossless, then --lossy) on the corpus
// PNGs next to optipng -o2 (lossless) and pngquant --quality=65-90 (lossy), each
// on its own temp copy; then the time of a second `notes images` run, which must
// write nothing. Wall time and CPU time (user + system of the child) are both
// printed: on a busy machine the CPU time is the steadier figure.
// Usage: node scripts/bench-images.mjs   (after `pnpm build`; installs optipng and pngquant with apt if missing)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bin, corpus, ensureBuilt, repoRoot, requireCorpus } from './benchmark-support.mjs';


requireCorpus();
ensureBuilt();
const missing = ['optipng', 'pngquant'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
if (missing.length > 0) {
  console.log(`installing ${missing.join(', ')}…`);
  spawnSync('apt-get', ['update'], { stdio: 'inherit' });
  const install = spawnSync('apt-get', ['install', '-y', ...missing], { stdio: 'inherit' });
  if (install.status !== 0) process.exit(1);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'bench-images-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

/** A temp repository whose content folder is a copy of the corpus chapters (notes and images). */
function copyCorpus(name) {
  const root = path.join(work, name);
  for (const entry of readdirSync(corpus).filter((entry) => /^\d+\./u.test(entry))) {
    cpSync(path.join(corpus, entry), path.join(root, 'content', entry), { recursive: true });
  }
  return root;
}

function pngsUnder(folder) {
  return readdirSync(folder, { recursive: true })
    .map(String)
    .filter((file) => file.toLowerCase().endsWith('.png'))
    .map((file) => path.join(folder, file));
}

const bytesOf = (files) => files.reduce((sum, file) => sum + statSync(file).size, 0);

/** Runs a command; answers its wall seconds and CPU seconds. */
function measure(command, args, options = {}) {
  const before = childCpu();
  const start = process.hrtime.bigint();
  const run = spawnSync(command, args, { encoding: 'utf8', ...options });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0 && !options.allowStatus?.includes(run.status)) {
    throw new Error(`${path.basename(command)} ${args.slice(0, 3).join(' ')}… exited ${run.status}:\n${run.stderr}`);
  }
  return { wall, cpu: childCpu() - before, stdout: run.stdout };
}

/** Cumulative user + system CPU seconds of finished children (fields 16-17 of /proc/self/stat). */
function childCpu() {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  // Clock ticks; 100 per second on Linux.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

const before = bytesOf(pngsUnder(corpus));
const rows = [];
function record(tool, mode, folder, time) {
  const after = bytesOf(pngsUnder(folder));
  rows.push({ tool, mode, after, saved: (1 - after / before) * 100, ...time });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const RUNS = 5;
const startup = median(Array.from({ length: RUNS }, () => measure(process.execPath, [bin, '--version']).wall));

const losslessRoot = copyCorpus('ours-lossless');
record('notes images', 'lossless', losslessRoot, measure(process.execPath, [bin, 'images', '--root', losslessRoot]));
const seconds = Array.from({ length: RUNS }, () => measure(process.execPath, [bin, 'images', '--root', losslessRoot]));
const second = { wall: median(seconds.map((run) => run.wall)), rewritten: seconds.flatMap((run) => run.stdout.split('\n')).filter((line) => line.startsWith('optimized')).length };
// The same repeated run in process: no Node start-up, so machine load matters less.
const core = await import(pathToFileURL(path.join(repoRoot, 'packages/core/dist/index.js')).href);
const images = await import(pathToFileURL(path.join(repoRoot, 'packages/images/dist/index.js')).href);
const inProcess = [];
for (let run = 0; run < RUNS; run++) {
  const repo = new core.RepoRoot(losslessRoot);
  const options = core.loadConfig(repo.path).images;
  const start = process.hrtime.bigint();
  const { files } = images.listImages(repo, 'content');
  const result = await images.optimizeFiles({ repo, files, options, settings: images.settingsFromOptions(options), complete: true });
  inProcess.push(Number(process.hrtime.bigint() - start) / 1e9);
  if (result.written > 0) throw new Error('a repeated run rewrote files');
}
const lossyRoot = copyCorpus('ours-lossy');
record('notes images --lossy', 'lossy', lossyRoot, measure(process.execPath, [bin, 'images', '--lossy', '--root', lossyRoot]));

const optipngRoot = copyCorpus('optipng');
record('optipng -o2', 'lossless', optipngRoot, measure('optipng', ['-quiet', '-o2', ...pngsUnder(optipngRoot)]));
const pngquantRoot = copyCorpus('pngquant');
// Exit 99: some file could not reach the minimum quality and was left as it was.
record(
  'pngquant --quality=65-90',
  'lossy',
  pngquantRoot,
  measure('pngquant', ['--quality=65-90', '--force', '--ext', '.png', ...pngsUnder(pngquantRoot)], { allowStatus: [99] }),
);

console.log(`${pngsUnder(corpus).length} PNGs, ${before} bytes before; ${os.availableParallelism()} cores; load ${os.loadavg()[0].toFixed(1)}`);
console.log('tool                         mode      bytes after   saved   wall s   cpu s');
for (const row of rows) {
  console.log(
    `${row.tool.padEnd(28)} ${row.mode.padEnd(9)} ${String(row.after).padStart(11)} ${row.saved.toFixed(1).padStart(6)} % ${row.wall.toFixed(2).padStart(7)} ${row.cpu.toFixed(2).padStart(7)}`,
  );
}
console.log(`start-up of the CLI (--version, median of ${RUNS}): ${startup.toFixed(2)} s wall`);
console.log(
  `repeated \`notes images\` on the optimized set (median of ${RUNS}): ${second.wall.toFixed(2)} s wall, ${(second.wall - startup).toFixed(2)} s over start-up; ${second.rewritten} files rewritten`,
);
console.log(`the same repeated run in process (listing, hashing, manifest; median of ${RUNS}): ${(median(inProcess) * 1000).toFixed(0)} ms`);
