import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

/** The bundled executable users run; `pnpm test` builds and bundles it first. */
export const BIN = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../bundle/notes.js');

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `notes <args>` in `cwd` as a user would, with CI set (no progress bars). */
export function runCli(args: readonly string[], cwd: string, env: Record<string, string> = {}): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', GITHUB_STEP_SUMMARY: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temp repository with the given files; remove it with `cleanup`. */
export function makeRepo(files: Record<string, string | Buffer>): { root: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'notes-repo-'));
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** A temp repository with the given files, removed when the running test finishes. */
export function tempRepo(files: Record<string, string | Buffer>): string {
  const made = makeRepo(files);
  onTestFinished(made.cleanup);
  return made.root;
}
