import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

const PENDING = Symbol.for('llm-notes.tests.temp-folders');

// Every temporary folder a test makes comes from here, so none outlives the
// run: `.ci/run` fails when the system temp folder holds one afterwards.

// One set per process, even when a worker evaluates this module once per test file.
const shared = globalThis as typeof globalThis & { [PENDING]?: Set<string> };
const firstInProcess = shared[PENDING] === undefined;
const pending = (shared[PENDING] ??= new Set<string>());

function remove(folder: string): void {
  rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
  pending.delete(folder);
}

/**
 * Removes every folder still pending: those made outside a test (a file's or
 * a block's set-up, a `beforeAll`). The setup file `temp-folder-setup.ts`
 * calls it after each test file; a hook registered here would serve only the
 * first file of a worker, since test files share their worker's modules.
 */
export function removeAllTempFolders(): void {
  for (const folder of [...pending]) remove(folder);
}

// The last resort, for a worker that ends before its file's hooks run.
if (firstInProcess) process.once('exit', removeAllTempFolders);

/**
 * A new folder in the system temp folder, named `<prefix>XXXXXX`. Made inside
 * a test, it is removed when that test finishes; made anywhere else, when the
 * test file has run.
 */
export function tempFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), prefix));
  pending.add(folder);
  try {
    onTestFinished(() => remove(folder));
  } catch {
    // Not inside a test: removed once the test file has run (`removeAllTempFolders`).
  }
  return folder;
}
