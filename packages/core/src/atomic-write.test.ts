import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEMP_PREFIX, writeFileAtomic } from './atomic-write.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const atomicModule = new URL('./atomic-write.ts', import.meta.url).pathname;

/** A child that rewrites `target` with large alternating contents until killed. */
function writerScript(target: string): string {
  return `
    import { writeFileAtomic } from ${JSON.stringify(atomicModule)};
    const contents = [Buffer.alloc(4_000_000, 'N'), Buffer.alloc(3_000_000, 'M')];
    process.stdout.write('ready\\n');
    for (let i = 0; ; i++) writeFileAtomic(${JSON.stringify(target)}, contents[i % 2]);
  `;
}

describe('writeFileAtomic', () => {
  it('writes new content and keeps the mode of an existing file', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'atomic-'));
    folders.push(folder);
    const target = path.join(folder, 'a.md');
    writeFileSync(target, 'old');
    chmodSync(target, 0o600);
    writeFileAtomic(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readdirSync(folder)).toEqual(['a.md']);
  });

  it('leaves the old or the new file, never a partial one, when killed mid-write', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'atomic-kill-'));
    folders.push(folder);
    const target = path.join(folder, 'note.md');
    const old = Buffer.alloc(2_000_000, 'O');
    writeFileSync(target, old);
    const valid = new Set([old.toString('latin1').slice(0, 1) + old.length, `N${4_000_000}`, `M${3_000_000}`]);
    for (let round = 0; round < 8; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', writerScript(target)], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.floor(Math.random() * 80)));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const bytes = readFileSync(target);
      const first = String.fromCharCode(bytes[0] ?? 0);
      expect(valid.has(`${first}${bytes.length}`)).toBe(true);
      expect(bytes.every((byte) => byte === bytes[0])).toBe(true);
    }
    // Temp files of killed writers may remain; they carry the prefix and never replace the target.
    for (const name of readdirSync(folder)) expect(name === 'note.md' || name.startsWith(TEMP_PREFIX)).toBe(true);
  }, 60_000);
});
