import { type ChildProcess, spawn } from 'node:child_process';
import { type Dirent, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { describe, expect, it, onTestFinished } from 'vitest';
import { BIN } from '../../packages/cli/src/test-support.js';

/**
 * Lost updates, end to end (issue 20 §2): while `notes fix` or `notes
 * gen-readme` rewrites notes, another process appends lines to them. A real
 * race, no hook in the shipped code: the appender watches the toolchain's
 * reserved temp folder and, at each new temp file (a write about to be
 * checked and renamed into place), waits a random few hundred microseconds
 * and appends to every note, so across the notes and rounds its appends land
 * before the check, between check and rename, and after the rename. Whatever
 * the command did, no appended line may be missing afterwards, and a note
 * the command did not rewrite is named as changed meanwhile.
 */

const APPENDER = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../support/append-on-write.mjs');
const NOTES = 24;
const ROUNDS = 2;
const MAX_DELAY_MICROSECONDS = 400;
// In memory, a write's fsync is instant, so the appends' random delays straddle the few
// microseconds between the command's check and its rename instead of all landing in the fsync.
const RACE_FOLDER = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
if (RACE_FOLDER !== '/dev/shm') console.warn('LOST-UPDATE RACE: no /dev/shm; racing on the disk temp folder, where the check-to-rename window is rarely hit');

function noteText(index: number, findings: number, toc: boolean): string {
  const lines = [`#### 1. 问题 ${index}`, ''];
  if (toc) lines.push('<!-- toc -->', '<!-- tocstop -->', '', '## 旧标题', '');
  for (let line = 0; line < findings; line++) lines.push(`答案 $ x_${line} $ 。`, '');
  if (toc) lines.push(`## 新标题 ${index}`, '');
  return lines.join('\n');
}

function repository(toc: boolean): { root: string; notes: string[] } {
  const files: Record<string, string> = { 'content/0.引言/0.ignore.md': '介绍。\n', '.cache/tmp/.keep': '' };
  for (let index = 1; index <= NOTES; index++) files[`content/1.基础/${index}.n${index}.md`] = noteText(index, toc ? 2 : 8, toc);
  const root = mkdtempSync(path.join(RACE_FOLDER, 'lost-updates-'));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), text);
  }
  const notes = Object.keys(files).filter((name) => name.startsWith('content/1.')).map((name) => path.join(root, name));
  return { root, notes };
}

async function output(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}

/** Runs `notes <args>` with the appender racing it; returns the command's result and the lines appended to each note. */
async function race(root: string, notes: string[], args: string[]) {
  const appender = spawn(process.execPath, [APPENDER, path.join(root, '.cache/tmp'), String(MAX_DELAY_MICROSECONDS), ...notes], { stdio: ['ignore', 'pipe', 'inherit'] });
  const appended = output(appender);
  await new Promise<void>((resolve) => appender.stdout?.once('data', () => resolve()));
  const command = spawn(process.execPath, [BIN, ...args], { cwd: root, env: { ...process.env, CI: 'true', GITHUB_STEP_SUMMARY: '' } });
  const result = await output(command);
  appender.kill('SIGTERM');
  const lines = JSON.parse((await appended).stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, string[]>;
  return { ...result, lines };
}

function assertNothingLost(notes: string[], lines: Record<string, string[]>, before: Map<string, string>, refused: string): { rewritten: number; refusedCount: number } {
  let rewritten = 0;
  let refusedCount = 0;
  for (const note of notes) {
    const text = readFileSync(note, 'utf8');
    const tail = (lines[note] ?? []).join('');
    expect(text.endsWith(tail), `${path.basename(note)} lost appended lines:\n${text.slice(-400)}`).toBe(true);
    const body = text.slice(0, text.length - tail.length);
    const name = path.relative(path.dirname(path.dirname(path.dirname(note))), note).split(path.sep).join('/');
    if (body === before.get(note)) {
      // Every note has work to do: one left as it was must be named as changed meanwhile.
      expect(refused, `${name} was neither rewritten nor reported`).toContain(`${name}: changed on disk while the command ran`);
      refusedCount++;
    } else {
      expect(refused).not.toContain(`${name}: changed on disk`);
      rewritten++;
    }
  }
  return { rewritten, refusedCount };
}

/** No file but the notes, what the command writes and what was there: no temp file left, no lock. */
function assertNothingElse(root: string, notes: string[], others: string[]): void {
  const expected = [...notes.map((note) => path.relative(root, note)), ...others].map((name) => name.split(path.sep).join('/')).sort();
  const actual = (readdirSync(root, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  expect(actual).toEqual(expected);
}

describe('a note appended to while a command rewrites it keeps every appended line', () => {
  it('notes fix (24 notes × 8 findings, 2 rounds)', async () => {
    let rewritten = 0;
    let refused = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const { root, notes } = repository(false);
      const before = new Map(notes.map((note) => [note, readFileSync(note, 'utf8')]));
      const readme = false;
      const result = await race(root, notes, ['fix']);
      expect(result.stderr).not.toMatch(/internal error/u);
      expect([0, 1]).toContain(result.code);
      if (result.code === 1) expect(result.stderr).toMatch(/changed on disk while the command ran; left as it is now/u);
      const counts = assertNothingLost(notes, result.lines, before, result.stderr);
      assertNothingElse(root, notes, ['.cache/tmp/.keep', 'content/0.引言/0.ignore.md', ...(readme ? ['README.md'] : [])]);
      rewritten += counts.rewritten;
      refused += counts.refusedCount;
    }
    // The race is only a test when both outcomes happen across the rounds.
    console.log(`fix race: ${rewritten} notes rewritten, ${refused} refused as changed meanwhile`);
    expect(refused).toBeGreaterThan(0);
  });

  it('notes gen-readme rewriting the notes’ tables of contents (24 notes, 2 rounds)', async () => {
    let rewritten = 0;
    let refused = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const { root, notes } = repository(true);
      const before = new Map(notes.map((note) => [note, readFileSync(note, 'utf8')]));
      const result = await race(root, notes, ['gen-readme']);
      expect(result.stderr).not.toMatch(/internal error/u);
      expect([0, 1]).toContain(result.code);
      if (result.code === 1) expect(result.stderr).toMatch(/changed on disk while the command ran; left as it is now/u);
      const counts = assertNothingLost(notes, result.lines, before, result.stderr);
      // A round that no append disturbed ends like any clean run: it remembers the inputs it left up to date.
      const remembered = result.code === 0 ? ['.cache/readme-check.json'] : [];
      assertNothingElse(root, notes, ['.cache/tmp/.keep', 'content/0.引言/0.ignore.md', 'README.md', ...remembered]);
      rewritten += counts.rewritten;
      refused += counts.refusedCount;
    }
    console.log(`gen-readme race: ${rewritten} notes rewritten, ${refused} refused as changed meanwhile`);
    expect(refused).toBeGreaterThan(0);
  });
});

