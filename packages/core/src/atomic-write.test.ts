import { spawn } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileChangedError, TEMP_SUFFIX, removeStaleTempFiles, stampOf, writeFileAtomic } from './atomic-write.js';
import { UserError } from './errors.js';
import { TEMP_FOLDER } from './reserved-paths.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempRoot(prefix: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

const atomicModule = new URL('./atomic-write.ts', import.meta.url).pathname;

/** A child that rewrites `target` with large alternating contents until killed. */
function writerScript(root: string, target: string): string {
  return `
    import { writeFileAtomic } from ${JSON.stringify(atomicModule)};
    const contents = [Buffer.alloc(4_000_000, 'N'), Buffer.alloc(3_000_000, 'M')];
    process.stdout.write('ready\\n');
    for (let i = 0; ; i++) writeFileAtomic(${JSON.stringify(target)}, contents[i % 2], { root: ${JSON.stringify(root)} });
  `;
}

function stampFile(file: string) {
  return stampOf(readFileSync(file), statSync(file));
}

describe('writeFileAtomic', () => {
  it('writes new content, keeps the mode of an existing file and leaves no temp file', () => {
    const root = tempRoot('atomic-');
    const target = path.join(root, 'a.md');
    writeFileSync(target, 'old');
    chmodSync(target, 0o600);
    writeFileAtomic(target, 'new', { root });
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readdirSync(root).sort()).toEqual(['.cache', 'a.md']);
    expect(readdirSync(path.join(root, TEMP_FOLDER))).toEqual([]);
  });

  it('works for a note whose name is as long as the file system allows', () => {
    const root = tempRoot('atomic-long-');
    const target = path.join(root, `${'长'.repeat(80)}.md`); // 240 bytes + ".md"
    writeFileAtomic(target, 'x', { root });
    expect(readFileSync(target, 'utf8')).toBe('x');
  });

  it('writes a symlinked note through to its target inside the root, keeping the link', () => {
    const root = tempRoot('atomic-link-');
    writeFileSync(path.join(root, 'real.md'), 'old');
    symlinkSync('real.md', path.join(root, 'link.md'));
    writeFileAtomic(path.join(root, 'link.md'), 'new', { root });
    expect(lstatSync(path.join(root, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(root, 'link.md'))).toBe('real.md');
    expect(readFileSync(path.join(root, 'real.md'), 'utf8')).toBe('new');
  });

  it('refuses a symlinked note whose target lies outside the root, changing nothing', () => {
    const root = tempRoot('atomic-escape-');
    const outside = tempRoot('atomic-outside-');
    writeFileSync(path.join(outside, 'victim.md'), 'theirs');
    symlinkSync(path.join(outside, 'victim.md'), path.join(root, 'link.md'));
    expect(() => writeFileAtomic(path.join(root, 'link.md'), 'new', { root })).toThrow(/link\.md.*outside the repository root|outside the repository root/u);
    expect(readFileSync(path.join(outside, 'victim.md'), 'utf8')).toBe('theirs');
    expect(lstatSync(path.join(root, 'link.md')).isSymbolicLink()).toBe(true);
  });

  it('compare-and-swap: a file changed after it was read is left alone and reported', () => {
    const root = tempRoot('atomic-cas-');
    const target = path.join(root, 'note.md');
    writeFileSync(target, 'as read\n');
    const stamp = stampFile(target);
    writeFileSync(target, 'as read\nline the user appended\n');
    const error = (() => {
      try {
        writeFileAtomic(target, 'fixed\n', { root, unchangedSince: stamp });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(FileChangedError);
    expect((error as UserError).describe()).toMatch(/^note\.md: changed on disk while the command ran; left as it is now/u);
    expect(readFileSync(target, 'utf8')).toBe('as read\nline the user appended\n');
    // Nothing left behind: no temp file, and the temp folder it made is gone again.
    expect(readdirSync(root)).toEqual(['note.md']);
  });

  it('compare-and-swap: the hash decides when size and mtime are the same', () => {
    const root = tempRoot('atomic-cas-hash-');
    const target = path.join(root, 'note.md');
    writeFileSync(target, 'aaaa');
    utimesSync(target, 1_700_000_000, 1_700_000_000);
    const stamp = stampFile(target);
    writeFileSync(target, 'bbbb');
    utimesSync(target, 1_700_000_000, 1_700_000_000);
    expect(statSync(target).mtimeMs).toBe(stamp.mtimeMs);
    expect(() => writeFileAtomic(target, 'new', { root, unchangedSince: stamp })).toThrow(FileChangedError);
    expect(readFileSync(target, 'utf8')).toBe('bbbb');
  });

  it('compare-and-swap: an unchanged file is written, and "absent" refuses a file created meanwhile', () => {
    const root = tempRoot('atomic-cas-ok-');
    const target = path.join(root, 'note.md');
    writeFileSync(target, 'same');
    writeFileAtomic(target, 'new', { root, unchangedSince: stampFile(target) });
    expect(readFileSync(target, 'utf8')).toBe('new');
    const fresh = path.join(root, 'README.md');
    writeFileSync(fresh, 'made by the user meanwhile');
    expect(() => writeFileAtomic(fresh, 'generated', { root, unchangedSince: 'absent' })).toThrow(FileChangedError);
    expect(readFileSync(fresh, 'utf8')).toBe('made by the user meanwhile');
  });

  it('leaves the old or the new file, never a partial one, when killed mid-write', async () => {
    const root = tempRoot('atomic-kill-');
    const target = path.join(root, 'note.md');
    const old = Buffer.alloc(2_000_000, 'O');
    writeFileSync(target, old);
    const valid = new Set([old.toString('latin1').slice(0, 1) + old.length, `N${4_000_000}`, `M${3_000_000}`]);
    for (let round = 0; round < 8; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', writerScript(root, target)], {
        stdio: ['ignore', 'pipe', 'inherit'],
        // tsx would otherwise keep a cache folder in the system temp folder.
        env: { ...process.env, TSX_DISABLE_CACHE: '1' },
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
    // Temp files of killed writers stay in the reserved folder only, and are removed as stale.
    expect(readdirSync(root).sort()).toEqual(['.cache', 'note.md']);
    removeStaleTempFiles(root);
    expect(readdirSync(path.join(root, TEMP_FOLDER))).toEqual([]);
  }, 60_000);
});

describe('removeStaleTempFiles', () => {
  it('removes only dead writers’ temp files in the reserved folder: never a user file, never a tracked one', () => {
    const root = tempRoot('stale-');
    mkdirSync(path.join(root, TEMP_FOLDER), { recursive: true });
    // The user's own files that look like temp files elsewhere are theirs.
    writeFileSync(path.join(root, '.llm-notes-tmp-notes.md.123.abcdef01'), 'user file');
    writeFileSync(path.join(root, `999999-abcdef01${TEMP_SUFFIX}`), 'user file at the root');
    const dead = path.join(root, TEMP_FOLDER, `999999-0123abcd${TEMP_SUFFIX}`);
    const tracked = path.join(root, TEMP_FOLDER, `999998-0123abcd${TEMP_SUFFIX}`);
    const live = path.join(root, TEMP_FOLDER, `${process.ppid}-0123abcd${TEMP_SUFFIX}`);
    const other = path.join(root, TEMP_FOLDER, 'notes-of-the-user.txt');
    for (const file of [dead, tracked, live, other]) writeFileSync(file, 'x');
    const removed = removeStaleTempFiles(root, (relative) => relative === `${TEMP_FOLDER}/999998-0123abcd${TEMP_SUFFIX}`);
    expect(removed).toEqual([dead]);
    expect(readdirSync(path.join(root, TEMP_FOLDER)).sort()).toEqual([path.basename(live), path.basename(tracked), 'notes-of-the-user.txt'].sort());
    expect(readdirSync(root).sort()).toEqual(['.cache', '.llm-notes-tmp-notes.md.123.abcdef01', `999999-abcdef01${TEMP_SUFFIX}`]);
  });
});
