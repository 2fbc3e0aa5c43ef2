import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandProcess, type RunOutcome } from './command-process.js';
import { changedPaths, snapshotTree } from './snapshot.js';

/**
 * The bad-input catalogue harness: each case mutates a clean repository, then
 * every command runs on it under an fs recorder. For each we check the exit
 * code and message, that no file changed (unless the case allows it; the git
 * hooks, HEAD and config included), and that nothing outside the repository
 * (or the toolchain itself) was opened.
 */

const toolchain = realpathSync(path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..'));
// sharp opens /proc/self/exe (the node binary) to tell which C library it runs on.
const nodeBinary = realpathSync(process.execPath);
export const COMMANDS = ['gen-readme', 'lint', 'fix', 'images', 'check'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface Expectation {
  /** Exit code, or `nonzero`. */
  readonly code: number | 'nonzero';
  /** Text the combined output must contain (file names, reasons). */
  readonly says?: RegExp;
  /** Text the combined output must not contain (a secret's bytes). */
  readonly neverSays?: RegExp;
  /** Repository paths the command may change (everything else must stay identical). */
  readonly changes?: readonly string[];
}

export interface Case {
  readonly name: string;
  readonly setup: (root: string, outside: string) => void;
  readonly expect: Partial<Record<CommandName, Expectation>> & { default?: Expectation };
  /** Extra arguments given to every command of this case. */
  readonly args?: readonly string[];
}

export const NOTE = 'content/1.基础/1.注意力.md';
export const PNG = 'content/1.基础/images/a.png';
export const OK: Expectation = { code: 0 };

export function write(root: string, relative: string, data: string | Buffer): void {
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  writeFileSync(path.join(root, relative), data);
}

let commands: CommandProcess | undefined;

async function run(command: CommandName, root: string, log: string, args: readonly string[] = []): Promise<RunOutcome> {
  commands ??= new CommandProcess();
  return commands.run([command, '--root', root, ...args], root, log);
}

export function git(root: string, ...args: string[]) {
  spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: root });
}

/** The parts of `.git` a command could damage (hooks, HEAD, config), hashed. */
function snapshotGit(root: string): Map<string, string> {
  const entries = new Map<string, string>();
  const hooks = path.join(root, '.git/hooks');
  const names = existsSync(hooks) ? readdirSync(hooks).map((name) => `.git/hooks/${name}`) : [];
  for (const relative of ['.git/HEAD', '.git/config', ...names]) {
    const absolute = path.join(root, relative);
    if (!existsSync(absolute)) continue;
    const stats = lstatSync(absolute);
    entries.set(relative, `${(stats.mode & 0o777).toString(8)}:${createHash('sha256').update(readFileSync(absolute)).digest('hex')}`);
  }
  return entries;
}

/** Registers one vitest block per case and command, on a fresh copy of a clean repository each. */
export function defineCatalogue(title: string, cases: readonly Case[]): void {
  let template: string;
  const temps: string[] = [];

  beforeAll(async () => {
    template = mkdtempSync(path.join(os.tmpdir(), 'catalogue-template-'));
    temps.push(template);
    write(template, 'content/0.引言/0.ignore.md', '这是介绍。\n');
    write(template, NOTE, '#### 1. 问题\n\n答案 $x$ 。\n\n![图](./images/a.png)\n');
    const pixels = Buffer.alloc(64 * 64 * 3);
    for (let index = 0; index < pixels.length; index++) pixels[index] = (index * 37) % 251;
    write(template, PNG, await sharp(pixels, { raw: { width: 64, height: 64, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer());
    git(template, 'init', '-q');
    for (const command of ['gen-readme', 'images'] as const) {
      const result = await run(command, template, path.join(template, '..', `${path.basename(template)}.log`));
      expect(result.code, result.output).toBe(0);
    }
    git(template, 'add', '-A');
    git(template, 'commit', '-q', '-m', 'clean');
    // The clean repository passes everything.
    const check = await run('check', template, path.join(template, '..', `${path.basename(template)}.log`));
    expect(check.code, check.output).toBe(0);
  }, 120_000);

  afterAll(async () => {
    await commands?.stop();
    commands = undefined;
    for (const folder of temps) {
      spawnSync('chmod', ['-R', 'u+w', folder]);
      rmSync(folder, { recursive: true, force: true });
      rmSync(`${folder}.log`, { force: true });
    }
  }, 120_000);

  /**
   * The case's repository (the clean one, the case's set-up applied, staged in git),
   * built once for its five commands: the large cases (a 50 MB note, 10,000 nesting
   * levels) spent most of their time building, staging and hashing the same input
   * five times. Each command still gets its own copy (only the stat data in git's
   * index differs from the copy's files; the index lists the same paths).
   */
  const prepared = new Map<Case, string>();
  function prepare(testCase: Case): string {
    let caseRoot = prepared.get(testCase);
    if (caseRoot) return caseRoot;
    const caseSandbox = mkdtempSync(path.join(os.tmpdir(), 'catalogue-case-'));
    temps.push(caseSandbox);
    caseRoot = path.join(caseSandbox, 'repo');
    // Shared by the case's commands: a folder a symlink of the set-up points to.
    const outside = path.join(caseSandbox, 'outside');
    mkdirSync(outside);
    cpSync(template, caseRoot, { recursive: true, verbatimSymlinks: true });
    testCase.setup(caseRoot, outside);
    git(caseRoot, 'add', '-A');
    prepared.set(testCase, caseRoot);
    return caseRoot;
  }

  describe(title, () => {
    for (const testCase of cases) {
      describe(testCase.name, () => {
        afterAll(() => {
          const caseRoot = prepared.get(testCase);
          if (!caseRoot) return;
          prepared.delete(testCase);
          const caseSandbox = path.dirname(caseRoot);
          spawnSync('chmod', ['-R', 'u+w', caseSandbox]);
          rmSync(caseSandbox, { recursive: true, force: true });
        });
        for (const command of COMMANDS) {
          const expected = testCase.expect[command] ?? testCase.expect.default ?? OK;
          it(`${command} → exit ${expected.code}${expected.changes ? `, changes ${expected.changes.join(', ')}` : ', changes nothing'}`, async () => {
            const sandbox = mkdtempSync(path.join(os.tmpdir(), 'catalogue-'));
            temps.push(sandbox);
            const root = path.join(sandbox, 'repo');
            // `cp -a`, not cpSync: a case's named pipes are copied as pipes (cpSync refuses them).
            execFileSync('cp', ['-a', prepare(testCase), root]);
            const before = new Map([...snapshotTree(root), ...snapshotGit(root)]);
            const log = path.join(sandbox, 'fs.log');
            const result = await run(command, root, log, testCase.args);

            expect(result.signal, result.output).toBeNull();
            if (expected.code === 'nonzero') expect(result.code, result.output).toBeGreaterThan(0);
            else expect(result.code, result.output).toBe(expected.code);
            if (expected.says) expect(result.output).toMatch(expected.says);
            if (expected.neverSays) expect(result.output).not.toMatch(expected.neverSays);
            expect(result.output).not.toMatch(/internal error|\n\s+at \S+ \(/u);

            const after = new Map([...snapshotTree(root), ...snapshotGit(root)]);
            const changed = changedPaths(before, after).filter((entry) => !entry.startsWith('.cache'));
            expect(changed).toEqual([...(expected.changes ?? [])].sort());

            const realRoot = realpathSync(root);
            const opened = readFileSync(log, 'utf8').split('\n').filter(Boolean);
            const escapes = opened.filter(
              (entry) =>
                !entry.startsWith(`${realRoot}/`) && entry !== realRoot && !entry.startsWith(`${toolchain}/`) && entry !== toolchain && entry !== nodeBinary,
            );
            expect(escapes).toEqual([]);
            // Passed: clean up now rather than all at the end.
            spawnSync('chmod', ['-R', 'u+w', sandbox]);
            rmSync(sandbox, { recursive: true, force: true });
          });
        }
      });
    }
  });
}
