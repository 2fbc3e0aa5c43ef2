import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError, userErrorFromOs } from '@llm-notes/core';
import { BIN } from '../../packages/cli/src/test-support.js';
import { CommandProcess } from '../support/command-process.js';
import { changedPaths, snapshotTree } from '../support/snapshot.js';

/**
 * OS errors become one line naming the user's file and what to do, never
 * "internal error" or a stack: a root given as a symlink, paths longer than
 * the system allows, read-only and full file systems, and the pre-commit hook
 * in a checkout where the toolchain is not installed.
 */

const toolchain = realpathSync(path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..'));
const temps: string[] = [];
afterAll(() => {
  for (const folder of temps) rmSync(folder, { recursive: true, force: true });
});

function sandbox(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'os-errors-'));
  temps.push(folder);
  return folder;
}

function repository(root: string): void {
  mkdirSync(path.join(root, 'content/0.引言'), { recursive: true });
  mkdirSync(path.join(root, 'content/1.基础'), { recursive: true });
  writeFileSync(path.join(root, 'content/0.引言/0.ignore.md'), '这是介绍。\n');
  writeFileSync(path.join(root, 'content/1.基础/1.注意力.md'), '#### 1. 问题\n\n答案 $x$ 。\n');
  spawnSync('git', ['init', '-q'], { cwd: root });
}

// What is tested here is each command's message, exit code and files, not the process: the commands run
// in one long-lived process (the bundle's `main`); a checkout without node_modules still spawns the bundle.
const commands = new CommandProcess();
afterAll(() => commands.stop());

async function notes(args: string[], cwd: string) {
  const result = await commands.run(args, cwd);
  expect(result.signal, result.output).toBeNull();
  return { code: result.code, output: result.output };
}

describe('one-line errors instead of internal errors', () => {
  it('works with --root given as a symlink to the repository', async () => {
    const folder = sandbox();
    const root = path.join(folder, 'repo');
    repository(root);
    symlinkSync(root, path.join(folder, 'link'));
    const readme = await notes(['gen-readme', '--root', path.join(folder, 'link')], folder);
    expect(readme.code, readme.output).toBe(0);
    expect(readme.output).toContain('wrote README.md');
    for (const command of ['lint', 'check', 'fix']) {
      const result = await notes([command, '--root', path.join(folder, 'link')], folder);
      expect(result.code, result.output).toBe(0);
      expect(result.output).not.toMatch(/internal error|cwd/u);
    }
  });

  it('says a path is too long in one line (root and content folder beyond PATH_MAX)', async () => {
    const folder = sandbox();
    repository(folder);
    const before = snapshotTree(folder);
    const longRoot = await notes(['lint', '--root', path.join(folder, 'a'.repeat(5000))], folder);
    expect(longRoot.code).toBe(2);
    expect(longRoot.output).toMatch(/repository root not found \(ENAMETOOLONG\)/u);
    const longContent = await notes(['gen-readme', '--content', Array(30).fill('b'.repeat(200)).join('/')], folder);
    expect(longContent.code).toBe(2);
    for (const output of [longRoot.output, longContent.output]) {
      expect(output.trim().split('\n')).toHaveLength(1);
      expect(output).not.toMatch(/internal error|\n\s+at /u);
    }
    expect(changedPaths(before, snapshotTree(folder))).toEqual([]);
  });

  it('names the user’s file and what to do for a read-only or full file system', () => {
    const failure = (code: string) => Object.assign(new Error(`${code}: failed, open '/repo/.cache/tmp/1-abcdef01.llm-notes-tmp'`), { code, path: '/repo/.cache/tmp/1-abcdef01.llm-notes-tmp' });
    const readOnly = userErrorFromOs(failure('EROFS'), 'content/1.基础/1.注意力.md', 'write the file') as UserError;
    expect(readOnly).toBeInstanceOf(UserError);
    expect(readOnly.describe()).toBe('content/1.基础/1.注意力.md: cannot write the file: the file system is read-only; run the command where the repository can be written (EROFS)');
    const full = userErrorFromOs(failure('ENOSPC'), 'README.md', 'write the file') as UserError;
    expect(full.describe()).toBe('README.md: cannot write the file: no space left on the device; free some space and run again (ENOSPC)');
    // The temp file's name never reaches the user.
    expect(`${readOnly.describe()} ${full.describe()}`).not.toContain('llm-notes-tmp');
  });
});

describe('the pre-commit hook', () => {
  it('says what to do in a checkout without the toolchain (a fresh git worktree)', () => {
    const worktree = sandbox();
    const result = spawnSync(process.execPath, [path.join(toolchain, 'scripts/pre-commit-hook.mjs')], { cwd: worktree, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`pre-commit: the notes toolchain is not installed in this checkout (${worktree}); run \`pnpm install\` here first, or commit with --no-verify\n`);
  });
});

/** A small in-memory file system mounted for one test (root only); undefined, said loudly, where mounting is not allowed. */
function mountSmall(kibibytes: number): { folder: string; unmount: () => void } | undefined {
  const folder = sandbox();
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kibibytes}k`, 'none', folder], { encoding: 'utf8' });
  if (mounted.status !== 0) return undefined;
  return { folder, unmount: () => spawnSync('umount', ['-l', folder]) };
}

const canMount = (() => {
  const probe = mountSmall(64);
  probe?.unmount();
  if (!probe) console.warn('OS ERRORS: SKIPPING the full-disk and read-only file system tests: this user cannot mount a tmpfs (they need root)');
  return probe !== undefined;
})();

/** A repository whose note and README `fix` and `gen-readme` want to rewrite, and a PNG `images` wants to shrink. */
async function writableWork(root: string): Promise<void> {
  repository(root);
  writeFileSync(path.join(root, 'content/1.基础/1.注意力.md'), `#### 1. 问题\n\n${'答案 $ x $ 。\n\n'.repeat(300)}`);
  // Noise above, flat below: stored uncompressed, it shrinks by half but stays tens of kilobytes.
  const pixels = Buffer.alloc(128 * 128 * 3, 200);
  let seed = 7;
  for (let index = 0; index < pixels.length / 2; index++) pixels[index] = (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 23;
  mkdirSync(path.join(root, 'content/1.基础/images'), { recursive: true });
  writeFileSync(path.join(root, 'content/1.基础/images/a.png'), await sharp(pixels, { raw: { width: 128, height: 128, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer());
}

describe('a full disk and a read-only file system, for real', () => {
  it.skipIf(!canMount)('a full disk: each writer names the file it could not write; nothing changes, no lock or temp file is left', async () => {
    const disk = mountSmall(512)!;
    try {
      const root = path.join(disk.folder, 'repo');
      await writableWork(root);
      // Leave two pages: room for the lock, not for a rewritten note, README or image.
      const free = Number(spawnSync('df', ['-B1', '--output=avail', disk.folder], { encoding: 'utf8' }).stdout.trim().split('\n').at(-1));
      writeFileSync(path.join(disk.folder, 'filler'), Buffer.alloc(free - 8192));
      const before = snapshotTree(root);
      const expected: Record<string, RegExp> = {
        fix: /^notes fix: content\/1\.基础\/1\.注意力\.md: cannot write the file: no space left on the device; free some space and run again \(ENOSPC\)$/mu,
        'gen-readme': /^notes gen-readme: README\.md: cannot write the file: no space left on the device; free some space and run again \(ENOSPC\)$/mu,
        images: /content\/1\.基础\/images\/a\.png.*cannot write the file: no space left on the device; free some space and run again \(ENOSPC\)/u,
      };
      for (const [command, says] of Object.entries(expected)) {
        const result = await notes([command], root);
        expect(result.code, result.output).not.toBe(0);
        expect(result.output).toMatch(says);
        expect(result.output).not.toMatch(/internal error|llm-notes-tmp|\n\s+at /u);
        expect(changedPaths(before, snapshotTree(root)), command).toEqual([]);
      }
    } finally {
      disk.unmount();
    }
  });

  it.skipIf(!canMount)('a read-only file system: writers refuse in one line naming the lock, nothing changes; lint still reads', async () => {
    const disk = mountSmall(1024)!;
    try {
      const root = path.join(disk.folder, 'repo');
      await writableWork(root);
      const before = snapshotTree(root);
      expect(spawnSync('mount', ['-o', 'remount,ro', disk.folder]).status).toBe(0);
      for (const command of ['fix', 'gen-readme', 'images']) {
        const result = await notes([command], root);
        expect(result.code, result.output).toBe(2);
        expect(result.output).toBe(`notes ${command}: .llm-notes.lock: cannot take the write lock: the file system is read-only; run the command where the repository can be written (EROFS)\n`);
      }
      const lint = await notes(['lint', '--no-cache'], root);
      expect(lint.code, lint.output).toBe(0);
      expect(changedPaths(before, snapshotTree(root))).toEqual([]);
    } finally {
      disk.unmount();
    }
  });
});

describe('a checkout without node_modules', () => {
  it('images says once that the image library is missing and what to do; nothing changes', async () => {
    const folder = sandbox();
    // The bundle alone, where no node_modules can be found above it: sharp cannot be loaded.
    cpSync(path.dirname(BIN), path.join(folder, 'bundle'), { recursive: true });
    writeFileSync(path.join(folder, 'package.json'), '{"type":"module"}\n');
    const root = path.join(folder, 'repo');
    await writableWork(root);
    writeFileSync(path.join(root, 'content/1.基础/images/b.png'), readFileSync(path.join(root, 'content/1.基础/images/a.png')));
    const before = snapshotTree(root);
    const run = (args: string[]) => {
      const result = spawnSync(process.execPath, [path.join(folder, 'bundle', path.basename(BIN)), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true', GITHUB_STEP_SUMMARY: '' } });
      return { code: result.status, output: `${result.stdout}${result.stderr}` };
    };
    const images = run(['images']);
    expect(images.code, images.output).toBe(2);
    expect(images.output).toBe('notes images: the image library (sharp) is not installed in this checkout; run `pnpm install` first\n');
    expect(changedPaths(before, snapshotTree(root))).toEqual([]);
    // What needs no image library still works.
    expect(run(['lint', '--no-cache']).code).toBe(0);
  });
});
