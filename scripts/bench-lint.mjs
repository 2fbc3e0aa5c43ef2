#!/usr/bin/env node
// Times `notes lint` (cold, then warm from its cache) side by side with
// markdownlint-cli2 and remark-cli + remark-validate-links on one scaled corpus:
// the shared corpus copied N times into distinct chapter folders, links kept valid.
// Usage: node scripts/bench-lint.mjs [N=500] [--build-only]   (run `pnpm build` first)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(repoRoot, '../shared/corpora/awesome-llm-learning');
const copies = Number(process.argv[2] ?? 500);
const bin = (name) => path.join(repoRoot, 'node_modules', '.bin', name);
// The bundled CLI when the build made one (what `pnpm lint` runs), else the compiled files.
const bundled = path.join(repoRoot, 'packages/cli/bundle/notes.js');
const notesBin = existsSync(bundled) ? bundled : path.join(repoRoot, 'packages/cli/dist/bin.js');

if (!existsSync(corpus)) {
  console.error(`corpus not found (${path.relative(repoRoot, corpus)}); nothing to measure`);
  process.exit(0);
}
if (!existsSync(notesBin)) {
  console.error('build first: pnpm build');
  process.exit(2);
}
for (const tool of ['markdownlint-cli2', 'remark']) {
  if (!existsSync(bin(tool))) execFileSync('pnpm', ['add', '-D', '-w', 'markdownlint-cli2', 'remark-cli', 'remark-validate-links'], { cwd: repoRoot, stdio: 'inherit' });
}
if (!existsSync('/usr/bin/time')) execFileSync('apt-get', ['install', '-y', 'time'], { stdio: 'inherit' });

/** Chapters as `[folder name, number, title]`. */
const chapters = readdirSync(corpus)
  .filter((name) => /^\d+\./u.test(name) && statSync(path.join(corpus, name)).isDirectory())
  .map((name) => [name, Number(name.split('.')[0]), name.slice(name.indexOf('.') + 1)]);
const spread = Math.max(...chapters.map(([, number]) => number)) + 1;

function buildCorpus() {
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

let statsFolder = '';

function measure(label, command, args, cwd) {
  // Outside the corpus: a new file there would change the repository state the lint cache checks.
  const stats = path.join(statsFolder, 'stats');
  const result = spawnSync('/usr/bin/time', ['-o', stats, '-f', '%e %M', command, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const [seconds, kib] = readFileSync(stats, 'utf8').trim().split(/\s+/u).slice(-2).map(Number);
  rmSync(stats, { force: true });
  // A tool that could not run at all is not a measurement.
  if (/Cannot process file|Cannot find module/u.test(String(result.stderr))) throw new Error(`${label} failed:\n${String(result.stderr).slice(0, 2000)}`);
  return { label, seconds, mib: kib / 1024, status: result.status };
}

const { root, files, bytes } = buildCorpus();
console.log(`corpus: ${copies} copies, ${files} Markdown files, ${(bytes / 1e6).toFixed(1)} MB (in a temp folder)`);
if (process.argv.includes('--build-only')) {
  // For profiling: leave the corpus in place and say where it is.
  console.log(root);
  process.exit(0);
}
statsFolder = mkdtempSync(path.join(os.tmpdir(), 'bench-lint-time-'));
const readmes = readdirSync(path.join(root, 'readmes')).map((name) => `readmes/${name}`);
const rows = [];
rmSync(path.join(root, '.cache'), { recursive: true, force: true });
rows.push(measure('notes lint (cold, no cache)', process.execPath, [notesBin, 'lint', '--format', 'json', 'content', ...readmes], root));
// Twice: a rebuild of the toolchain during the cold run (other work in the same checkout)
// rightly invalidates the cache, and the first warm run then re-lints everything.
rows.push(measure('notes lint (warm, cache)', process.execPath, [notesBin, 'lint', '--format', 'json', 'content', ...readmes], root));
rows.push(measure('notes lint (warm again)', process.execPath, [notesBin, 'lint', '--format', 'json', 'content', ...readmes], root));
rows.push(measure('notes lint (one thread, cold)', process.execPath, [notesBin, 'lint', '--no-cache', '--workers', '0', '--format', 'json', 'content', ...readmes], root));
rows.push(measure('markdownlint-cli2', bin('markdownlint-cli2'), ['content/**/*.md', 'readmes/*.md'], root));
rows.push(measure('remark-cli + remark-validate-links', bin('remark'), ['content', 'readmes', '--use', path.join(repoRoot, 'node_modules/remark-validate-links/index.js'), '--quiet', '--no-stdout', '--no-config', '--no-ignore'], root));

console.log(`load average at the end: ${os.loadavg().map((value) => value.toFixed(1)).join(' ')} (${os.availableParallelism()} cores)`);
console.log(`${'tool'.padEnd(38)} ${'wall s'.padStart(8)} ${'peak MiB'.padStart(9)} exit`);
for (const row of rows) console.log(`${row.label.padEnd(38)} ${row.seconds.toFixed(1).padStart(8)} ${row.mib.toFixed(0).padStart(9)} ${row.status}`);
rmSync(root, { recursive: true, force: true });
rmSync(statsFolder, { recursive: true, force: true });
