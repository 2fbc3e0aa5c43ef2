import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, acquireWriteLock, processIsAlive, writeFileAtomic, writeLockHolder } from '@llm-notes/core';

/**
 * The write lock can never be held twice: many processes race to take over a
 * stale lock, round after round, and a critical-section marker shows any
 * overlap. A holder killed with SIGKILL (still a zombie) is taken over at once.
 * The workers load the built core (`pnpm test` builds first).
 */

const coreBuild = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../packages/core/dist/index.js');
const temps: string[] = [];
afterAll(() => {
  for (const folder of temps) rmSync(folder, { recursive: true, force: true });
});

/** In memory when the machine has /dev/shm: the race is about system calls, not disk speed. */
const scratch = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();

function tempRoot(prefix: string): string {
  const folder = mkdtempSync(path.join(scratch, prefix));
  temps.push(folder);
  return folder;
}

/** A lock folder as a command holding it leaves it. */
function plantLock(root: string, owner: { pid: number; command: string; token: string }): void {
  mkdirSync(path.join(root, LOCK_FILE));
  writeFileSync(path.join(root, LOCK_FILE, `owner-${owner.token}`), JSON.stringify(owner));
}

/** A pid that certainly names no process: one that has just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

/**
 * One racer: until `rounds` rounds are done, take the lock; inside, make the
 * marker with O_EXCL (failure = two holders at once), count the round, remove
 * the marker, then "die" by leaving a stale lock naming a dead pid.
 */
function racerScript(root: string, rounds: number, dead: number): string {
  return `
    import fs from 'node:fs';
    import path from 'node:path';
    const { acquireWriteLock, LOCK_FILE } = await import(${JSON.stringify(coreBuild)});
    const root = ${JSON.stringify(root)};
    const counter = path.join(root, 'rounds');
    const marker = path.join(root, 'inside');
    const pause = new Int32Array(new SharedArrayBuffer(4));
    let wins = 0, overlaps = 0, busy = 0;
    for (;;) {
      if (Number(fs.readFileSync(counter, 'utf8')) >= ${rounds}) break;
      try {
        acquireWriteLock(root, 'racer');
      } catch (error) {
        if (!/another \`racer\`/.test(error.message)) throw error;
        busy++;
        Atomics.wait(pause, 0, 0, 1);
        continue;
      }
      try { fs.writeFileSync(marker, String(process.pid), { flag: 'wx' }); } catch { overlaps++; }
      const done = Number(fs.readFileSync(counter, 'utf8'));
      if (done < ${rounds}) { fs.writeFileSync(counter, String(done + 1)); wins++; }
      fs.rmSync(marker, { force: true });
      // Dies holding the lock: its owner file now names a dead process.
      const lock = path.join(root, LOCK_FILE);
      const [own] = fs.readdirSync(lock);
      const stale = path.join(root, 'stale-' + process.pid);
      fs.writeFileSync(stale, JSON.stringify({ pid: ${dead}, command: 'killed', token: 'gone' }));
      fs.renameSync(stale, path.join(lock, own));
    }
    process.stdout.write(JSON.stringify({ wins, overlaps, busy }));
  `;
}

async function runRacer(script: string): Promise<{ wins: number; overlaps: number; busy: number }> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code, err).toBe(0);
  return JSON.parse(out) as { wins: number; overlaps: number; busy: number };
}

describe('the write lock', () => {
  it.skipIf(!existsSync(coreBuild))('is never held twice: 4 processes race for a stale lock, 1,000 rounds', async () => {
    const root = tempRoot('lock-race-');
    const rounds = 1000;
    writeFileSync(path.join(root, 'rounds'), '0');
    const dead = deadPid();
    plantLock(root, { pid: dead, command: 'killed', token: 'gone' });
    const script = racerScript(root, rounds, dead);
    const results = await Promise.all(Array.from({ length: 4 }, () => runRacer(script)));
    expect(results.reduce((sum, result) => sum + result.overlaps, 0)).toBe(0);
    expect(results.reduce((sum, result) => sum + result.wins, 0)).toBe(rounds);
    expect(Number(readFileSync(path.join(root, 'rounds'), 'utf8'))).toBe(rounds);
    // More than one process won rounds: the race was real.
    expect(results.filter((result) => result.wins > 0).length).toBeGreaterThan(1);
  }, 120_000);

  it.skipIf(!existsSync('/proc/self/stat'))('is taken over at once from a holder killed with SIGKILL that is still a zombie', async () => {
    const root = tempRoot('lock-zombie-');
    const holder = `const { acquireWriteLock } = await import(${JSON.stringify(coreBuild)}); acquireWriteLock(${JSON.stringify(root)}, 'notes fix'); setInterval(() => {}, 1000);`;
    // The shell starts the holder in the background and becomes `sleep`, which never reaps it.
    const parent = spawn('sh', ['-c', `"${process.execPath}" --input-type=module -e '${holder.replaceAll("'", "'\\''")}' & echo $!; exec sleep 30`], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const pid = Number(await new Promise<string>((resolve) => parent.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString()))));
      for (let wait = 0; wait < 500 && writeLockHolder(root) === undefined; wait++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(() => acquireWriteLock(root, 'second')).toThrow(/another `notes fix` \(pid \d+\) is changing this repository/u);
      process.kill(pid, 'SIGKILL');
      let state = '';
      for (let wait = 0; wait < 500; wait++) {
        const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
        state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
        if (state === 'Z') break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(state).toBe('Z');
      expect(processIsAlive(pid)).toBe(false);
      const release = acquireWriteLock(root, 'after the kill');
      expect(writeLockHolder(root)).toMatchObject({ pid: process.pid, command: 'after the kill' });
      release();
      expect(existsSync(path.join(root, LOCK_FILE))).toBe(false);
    } finally {
      parent.kill('SIGKILL');
    }
  }, 30_000);

  it('refuses while the holder lives, and never removes a lock another command took over', () => {
    const root = tempRoot('lock-fence-');
    const release = acquireWriteLock(root, 'first');
    expect(() => acquireWriteLock(root, 'second')).toThrow(/another `first`/u);
    // Another process took the lock over (say, ours was judged stale): release leaves theirs.
    rmSync(path.join(root, LOCK_FILE), { recursive: true });
    const theirs = { pid: process.ppid, command: 'theirs', token: 'other' };
    plantLock(root, theirs);
    // Fencing: a write of the command that lost its lock stops before the rename.
    writeFileSync(path.join(root, 'note.md'), 'theirs');
    expect(() => writeFileAtomic(path.join(root, 'note.md'), 'ours', { root })).toThrow(/the write lock was removed or taken over by another command/u);
    expect(readFileSync(path.join(root, 'note.md'), 'utf8')).toBe('theirs');
    release();
    expect(writeLockHolder(root)).toEqual(theirs);
  });
});
