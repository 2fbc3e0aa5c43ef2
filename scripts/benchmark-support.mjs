// Shared set-up of the benchmark scripts: where things are, and the checks
// every benchmark makes before it measures anything.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
