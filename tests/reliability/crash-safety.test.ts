import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, TEMP_FOLDER, writeLockHolder } from '@llm-notes/core';
import { BIN } from '../../packages/cli/src/test-support.js';
import { snapshotTree } from '../support/snapshot.js';

/**
 * Kills gen-readme, fix and images with SIGKILL at random moments while they
 * write, many times, and checks that every file is then either its old or its
 * new content, never partial; a later complete run leaves no temp file and
 * no lock behind, and the same result as an uninterrupted run.
 */

const KILLS = Number(process.env.CRASH_KILLS) || 5;
const temps: string[] = [];
afterAll(() => {
  for (const folder of temps) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(folder);
  return folder;
}

function write(root: string, relative: string, data: string | Buffer): void {
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  writeFileSync(path.join(root, relative), data);
}

async function noisyPng(seed: number): Promise<Buffer> {
  const width = 320;
  const pixels = Buffer.alloc(width * width * 3);
  for (let index = 0; index < pixels.length; index++) pixels[index] = ((index >> 4) * (seed + 3)) % 200;
  return sharp(pixels, { raw: { width, height: width, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
}

/** A repository where every command has many files to write. */
async function makeTemplate(): Promise<string> {
  const root = tempFolder('crash-template-');
  write(root, 'content/0.引言/0.ignore.md', '介绍。\n');
  for (let chapter = 1; chapter <= 4; chapter++) {
    for (let section = 1; section <= 8; section++) {
      const lines = [`<!-- toc -->`, `<!-- tocstop -->`, '', `#### ${section}. 问题 ${chapter}-${section}`, '', '答案。', `![图](./images/${section}.png)`, ''];
      write(root, `content/${chapter}.章节${chapter}/${section}.小节${section}.md`, `${lines.join('\n')}${'正文。\n'.repeat(200)}`);
      write(root, `content/${chapter}.章节${chapter}/images/${section}.png`, await noisyPng(chapter * 10 + section));
    }
  }
  return root;
}

function runToEnd(command: string, root: string) {
  return spawnSync(process.execPath, [BIN, command, '--root', root], { encoding: 'utf8', env: { ...process.env, CI: 'true', GITHUB_STEP_SUMMARY: '' } });
}

async function runAndKill(command: string, root: string, delayMs: number): Promise<void> {
  const child = spawn(process.execPath, [BIN, command, '--root', root], { stdio: 'ignore', env: { ...process.env, CI: 'true', GITHUB_STEP_SUMMARY: '' } });
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  child.kill('SIGKILL');
  await new Promise((resolve) => (child.exitCode === null && child.signalCode === null ? child.once('exit', resolve) : resolve(undefined)));
}

function isLeftover(relative: string): boolean {
  // Temp files live only in the reserved temp folder (inside `.cache`, with the lint cache).
  return relative === LOCK_FILE || relative.startsWith(`${LOCK_FILE}/`) || relative === '.cache' || relative.startsWith('.cache/');
}

/** What a later run must have cleaned: the lock and every temp file. */
function isTempOrLock(relative: string): boolean {
  return relative === LOCK_FILE || relative.startsWith(`${LOCK_FILE}/`) || relative.startsWith(`${TEMP_FOLDER}/`);
}

const MANIFEST = 'content/images.manifest.json';

/** Every image the manifest names has the bytes the manifest records (complete, never half-written). */
function expectManifestMatchesImages(root: string, where: string): void {
  const manifest = JSON.parse(readFileSync(path.join(root, MANIFEST), 'utf8')) as { images: Record<string, { sha256: string }> };
  for (const [file, entry] of Object.entries(manifest.images)) {
    const hash = createHash('sha256').update(readFileSync(path.join(root, file))).digest('hex');
    expect(hash, `${where}: ${file} as the manifest records it`).toBe(entry.sha256);
  }
}

// Both blocks start from the same repository (32 images to draw), built once.
let sharedTemplate: Promise<string> | undefined;
const templateOnce = () => (sharedTemplate ??= makeTemplate());

/** The tree after `command` ran to the end on a copy of the template: computed once per command, used by both blocks. */
const completedStates = new Map<string, Map<string, string>>();
function completedState(command: string, template: string): Map<string, string> {
  let state = completedStates.get(command);
  if (!state) {
    const reference = tempFolder(`crash-${command}-reference-`);
    cpSync(template, reference, { recursive: true });
    const complete = runToEnd(command, reference);
    expect(complete.status, complete.stderr).toBe(0);
    state = snapshotTree(reference);
    completedStates.set(command, state);
  }
  return state;
}

describe('crash safety under SIGKILL', async () => {
  const template = await templateOnce();

  for (const command of ['gen-readme', 'fix', 'images']) {
    it(`${command}: every file is old or new after ${KILLS} kills, and a later run cleans up`, async () => {
      const oldState = snapshotTree(template);
      const newState = completedState(command, template);
      expect(newState).not.toEqual(oldState);

      const sandbox = tempFolder(`crash-${command}-`);
      for (let round = 0; round < KILLS; round++) {
        const root = path.join(sandbox, `round-${round}`);
        cpSync(template, root, { recursive: true });
        await runAndKill(command, root, 150 + Math.floor(Math.random() * 1500));
        const state = snapshotTree(root);
        for (const [relative, entry] of state) {
          if (isLeftover(relative)) continue;
          // The manifest is written as each image is: it must match the images, whatever the moment.
          if (relative === MANIFEST) {
            expectManifestMatchesImages(root, `${command} round ${round}`);
            continue;
          }
          expect([oldState.get(relative), newState.get(relative)], `${command} round ${round}: ${relative}`).toContain(entry);
        }
        const rerun = runToEnd(command, root);
        expect(rerun.status, rerun.stderr).toBe(0);
        const after = snapshotTree(root);
        expect([...after.keys()].filter(isTempOrLock)).toEqual([]);
        for (const [relative, entry] of newState) expect(after.get(relative), `${command} round ${round} rerun: ${relative}`).toBe(entry);
        rmSync(root, { recursive: true, force: true });
      }
    }, 600_000);
  }
});

describe('two writers at once', async () => {
  const template = await templateOnce();

  for (const command of ['images', 'fix']) {
    it(`${command}: the second fails fast with a clear message and nothing is corrupted`, async () => {
      const root = tempFolder(`concurrent-${command}-`);
      cpSync(template, root, { recursive: true });
      const first = spawn(process.execPath, [BIN, command, '--root', root], { env: { ...process.env, CI: 'true', GITHUB_STEP_SUMMARY: '' } });
      let firstOutput = '';
      first.stderr.on('data', (chunk: Buffer) => (firstOutput += chunk.toString()));
      // Wait until the first holds the lock.
      for (let wait = 0; wait < 200; wait++) {
        try {
          if (writeLockHolder(root) !== undefined) break;
          throw new Error('not yet');
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      }
      const second = runToEnd(command, root);
      expect(second.status).toBe(2);
      expect(second.stderr).toMatch(/another `notes .*` \(pid \d+\) is changing this repository/u);
      const firstCode = await new Promise<number | null>((resolve) => first.once('exit', resolve));
      expect(firstCode, firstOutput).toBe(0);

      // The same tree as one uninterrupted run on the same repository.
      expect(snapshotTree(root)).toEqual(completedState(command, template));
    }, 120_000);
  }
});
