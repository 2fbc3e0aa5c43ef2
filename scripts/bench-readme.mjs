#!/usr/bin/env node
// Wall time of `notes gen-readme` on the real corpus (copied to a temp folder
// as its content folder) next to doctoc's on the same README. doctoc only
// builds a table of contents; gen-readme builds the whole README. Also checks
// that no heavy module (sharp, MathJax) is loaded on the gen-readme path.
// Usage: node scripts/bench-readme.mjs [runs]   (after `pnpm build`)
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bin, corpus, ensureBuilt, repoRoot, requireCorpus } from './benchmark-support.mjs';

const doctoc = path.join(repoRoot, 'node_modules/.bin/doctoc');
const runs = Number(process.argv[2] ?? 7);

requireCorpus();
ensureBuilt();
if (!existsSync(doctoc)) {
  console.log('installing doctoc…');
  spawnSync('pnpm', ['add', '-D', '-w', 'doctoc'], { cwd: repoRoot, stdio: 'inherit' });
}

const work = mkdtempSync(path.join(os.tmpdir(), 'bench-readme-'));
for (const name of readdirSync(corpus).filter((entry) => /^\d+\./u.test(entry))) {
  cpSync(path.join(corpus, name), path.join(work, 'content', name), { recursive: true });
}

function wallTime(command, args) {
  const start = process.hrtime.bigint();
  const run = spawnSync(command, args, { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} failed:\n${run.stderr}`);
  return seconds;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const readme = path.join(work, 'README.md');

// gen-readme from scratch (README absent), then doctoc on a copy of that README with its TOC markers removed.
const ours = [];
const theirs = [];
for (let run = 0; run < runs; run++) {
  rmSync(readme, { force: true });
  ours.push(wallTime(process.execPath, [bin, 'gen-readme', '--root', work]));
  const copy = path.join(work, `doctoc-${run}.md`);
  copyFileSync(readme, copy);
  theirs.push(wallTime(doctoc, ['--github', copy]));
  rmSync(copy);
}
const checks = [];
for (let run = 0; run < runs; run++) checks.push(wallTime(process.execPath, [bin, 'gen-readme', '--check', '--root', work]));

// In-process time of the generation alone (no Node start-up, no module loading).
const core = await import(pathToFileURL(path.join(repoRoot, 'packages/core/dist/index.js')).href);
const generator = await import(pathToFileURL(path.join(repoRoot, 'packages/readme/dist/index.js')).href);
const repo = new core.RepoRoot(work);
const config = core.loadConfig(repo.path);
const inProcess = [];
for (let run = 0; run < runs; run++) {
  const start = process.hrtime.bigint();
  generator.generateReadme(repo, config, core.discoverContent(repo, config.content));
  inProcess.push(Number(process.hrtime.bigint() - start) / 1e9);
}

// Which modules does the gen-readme path load? A resolve hook lists them.
const hook = path.join(work, 'list-modules.mjs');
writeFileSync(
  hook,
  `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (result.url.includes('node_modules') && /sharp|mathjax|@img/i.test(result.url)) process.stderr.write('HEAVY ' + result.url + '\\\\n');
  return result;
}\`));
`,
);
const traced = spawnSync(process.execPath, ['--import', pathToFileURL(hook).href, bin, 'gen-readme', '--check', '--root', work], { encoding: 'utf8' });
const heavy = traced.stderr.split('\n').filter((line) => line.startsWith('HEAVY '));

const bytes = (await import('node:fs')).statSync(readme).size;
const fmt = (seconds) => `${seconds.toFixed(3)} s`;
console.log(`load average ${os.loadavg().map((value) => value.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs (wall times grow with it)`);
console.log(`corpus: ${readdirSync(path.join(work, 'content')).length} chapter folders, README ${bytes} bytes; median of ${runs} runs`);
console.log(`  notes gen-readme (whole README, CLI wall) ${fmt(median(ours))}`);
console.log(`  notes gen-readme --check (CLI wall)       ${fmt(median(checks))}`);
console.log(`  generateReadme in-process (no start-up)  ${fmt(median(inProcess))}`);
console.log(`  doctoc --github (TOC only, CLI wall)      ${fmt(median(theirs))}`);
console.log(`  notes --help (CLI start-up, all modules) ${fmt(median(Array.from({ length: runs }, () => wallTime(process.execPath, [bin, '--help']))))}`);
console.log(`  node start-up alone                       ${fmt(median(Array.from({ length: runs }, () => wallTime(process.execPath, ['-e', '0']))))}`);
console.log(heavy.length === 0 ? '  heavy modules on the gen-readme path: none (no sharp, no MathJax)' : `  heavy modules loaded:\n    ${heavy.join('\n    ')}`);
rmSync(work, { recursive: true, force: true });
