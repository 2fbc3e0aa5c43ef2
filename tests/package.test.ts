// End to end, as another notes repository adopts the toolchain: packs the
// installable package once, installs the tarball with npm once into a
// temporary repository laid out like the seed repository (numbered chapter
// folders at its root beside public/, tools/, index.md and package.json), and
// runs the installed `llm-notes` there: init, lint --format json, gen-readme
// --check, images --check, and the action's check step. Checks exit codes,
// output, the commands messages name, and that nothing outside that
// repository changed. Needs the built bundle (`pnpm test` builds it) and the
// npm registry or npm's cache (for sharp).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const project = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const release = JSON.parse(readFileSync(path.join(project, 'release/package.json'), 'utf8')) as { name: string; version: string };

let sandbox: string;
let repo: string;
let bin: string;
let home: string;
let tmp: string;
/** npm's own HOME for `npm run` (it keeps logs there): the one folder outside the repository that may change. */
let npmHome: string;
let outsideBefore: string[];

/** The environment of a user's shell: none of the variables pnpm sets for the test run. */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^(npm_|pnpm_|PNPM_|VITEST|NODE_OPTIONS)/iu.test(key)) env[key] = value;
  return {
    ...env,
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
    HOME: home,
    TMPDIR: tmp,
    CI: 'true',
    GITHUB_STEP_SUMMARY: '',
    ...extra,
  };
}

function run(command: string, args: readonly string[], extra: Record<string, string> = {}) {
  const result = spawnSync(command, args, { cwd: repo, encoding: 'utf8', env: userEnv(extra), timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const notes = (...args: string[]) => run(bin, args);
const read = (relative: string) => readFileSync(path.join(repo, relative), 'utf8');

/** Every path under `folder` with its size and modification time, skipping `skip` (absolute). */
function listing(folder: string, skip: readonly string[]): string[] {
  const lines: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      const full = path.join(current, name);
      if (skip.includes(full)) continue;
      const stats = statSync(full);
      lines.push(`${path.relative(sandbox, full)} ${stats.isDirectory() ? 'dir' : `${stats.size} ${stats.mtimeMs}`}`);
      if (stats.isDirectory()) walk(full);
    }
  };
  walk(folder);
  return lines;
}

async function png(width: number, height: number, compressionLevel: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let index = 0; index < pixels.length; index++) pixels[index] = (index * 7) % 64;
  return sharp(pixels, { raw: { width, height, channels: 3 } }).png({ compressionLevel }).toBuffer();
}

/** A repository laid out like the seed repository, with notes of our own. */
async function seedLikeRepository(root: string): Promise<void> {
  const files: Record<string, string | Buffer> = {
    'README.md': '# 大模型学习笔记\n\n手写的旧目录。\n',
    'index.md': '# 首页\n\n站点首页。\n',
    'package.json': `${JSON.stringify({ name: 'seed-notes', private: true, scripts: { 'notes:readme': 'llm-notes gen-readme' } }, null, 2)}\n`,
    '.gitignore': 'node_modules/\n',
    '0.引言/1.引言.md': '# 引言\n\n这份笔记整理大模型的基础知识。\n',
    '1.深度学习基础/1.注意力机制.md':
      '# 注意力机制\n\n缩放点积注意力为 $\\mathrm{softmax}(QK^T/\\sqrt{d_k})V$。\n\n![注意力](images/attention.png)\n\n下一节见[归一化](2.归一化.md)。\n',
    '1.深度学习基础/2.归一化.md': '# 归一化\n\n层归一化对每个样本的特征做归一化：\n\n$$\n\\hat{x} = \\frac{x - \\mu}{\\sigma}\n$$\n',
    '2.推理/1.量化.md': '# 量化\n\n把权重从 FP16 压到 INT8，见[注意力机制](../1.深度学习基础/1.注意力机制.md)。\n',
    '1.深度学习基础/images/attention.png': await png(96, 64, 0),
    'public/logo.png': await png(32, 32, 9),
    'tools/gen_readme.py': 'import os\n\nprint(sorted(os.listdir(".")))\n',
    'tools/check_links.py': 'print("links")\n',
  };
  for (const [relative, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), content);
  }
  // Committed, as a real repository is: links to untracked files are findings.
  const identity = { GIT_AUTHOR_NAME: 'Notes', GIT_AUTHOR_EMAIL: 'notes@example.com', GIT_COMMITTER_NAME: 'Notes', GIT_COMMITTER_EMAIL: 'notes@example.com' };
  for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'notes']]) {
    execFileSync('git', args, { cwd: root, env: { ...process.env, ...identity } });
  }
}

beforeAll(async () => {
  sandbox = mkdtempSync(path.join(os.tmpdir(), 'llm-notes-package-'));
  home = path.join(sandbox, 'home');
  tmp = path.join(sandbox, 'tmp');
  mkdirSync(home);
  mkdirSync(tmp);
  npmHome = path.join(sandbox, 'npm-home');
  mkdirSync(npmHome);
  const artifacts = path.join(sandbox, 'artifacts');
  execFileSync(process.execPath, [path.join(project, 'scripts/release-pack.mjs'), '--out', artifacts], { cwd: project, stdio: 'pipe' });
  const tarballs = readdirSync(artifacts);
  expect(tarballs).toEqual([`${release.name}-${release.version}.tgz`]);

  // Beside the repository: another notes folder and a file, which no command may touch.
  const parent = path.join(sandbox, 'parent');
  repo = path.join(parent, 'seed-notes');
  mkdirSync(path.join(parent, 'other-notes', '1.别处'), { recursive: true });
  writeFileSync(path.join(parent, 'other-notes', '1.别处', '1.笔记.md'), '# 别处\n');
  writeFileSync(path.join(parent, 'README.md'), '# not the repository\n');
  await seedLikeRepository(repo);
  const install = spawnSync(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--save-dev', path.join(artifacts, tarballs[0]!)],
    { cwd: repo, encoding: 'utf8', env: { ...userEnv(), HOME: process.env.HOME ?? home }, timeout: 300_000 },
  );
  expect(install.status, install.stderr).toBe(0);
  bin = path.join(repo, 'node_modules', '.bin', 'llm-notes');
  // The HOME and TMPDIR the commands get are empty folders: anything they leave there is seen.
  outsideBefore = listing(sandbox, [repo, npmHome]);
}, 420_000);

afterAll(() => {
  if (sandbox) rmSync(sandbox, { recursive: true, force: true });
});

describe('the installed package in a repository laid out like the seed repository', () => {
  it('holds the bundle, the schema and the config reference, and nothing of the workspace', () => {
    const installed = path.join(repo, 'node_modules', release.name);
    const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ bin: { 'llm-notes': './bundle/notes.js' }, engines: { node: '>=20' }, license: 'MIT' });
    expect(Object.keys(manifest.dependencies as object)).toEqual(['sharp']);
    expect(readdirSync(installed).sort()).toEqual(['LICENSE', 'README.md', 'bundle', 'docs', 'notes.config.schema.json', 'package.json']);
    expect(notes('--version')).toMatchObject({ code: 0, stdout: `${release.version}\n` });
  });

  it('init detects the chapters at the root, writes the commented config and git-ignores the cache; never overwrites without --force', () => {
    const init = notes('init');
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('Found 3 numbered chapters with 4 notes at the repository root.');
    expect(init.stdout).toMatch(/Next:\n {2}llm-notes lint +# /u);
    expect(init.stdout).toContain('  llm-notes gen-readme ');
    const config = read('notes.config.jsonc');
    expect(config).toContain('"$schema": "./node_modules/llm-notes-toolchain/notes.config.schema.json"');
    expect(config).toContain('"content": "."');
    expect(config).toMatch(/^ {2}\/\/ Folder of the notes/mu);
    expect(read('.gitignore')).toBe('node_modules/\n\n# caches of the notes toolchain (lint results, external links)\n/.cache/\n');

    const again = notes('init');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('notes.config.jsonc already exists; nothing written (replace it with `llm-notes init --force`)');
    expect(read('notes.config.jsonc')).toBe(config);
  });

  it('lint --format json lints the notes and nothing in public/, tools/ or node_modules/', () => {
    const lint = notes('lint', '--format', 'json');
    expect(lint.code, lint.stderr + lint.stdout).toBe(0);
    const report = JSON.parse(lint.stdout) as Array<{ path: string; messages: Array<{ ruleId: string; severity: string }> }>;
    const paths = report.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(['1.深度学习基础/1.注意力机制.md', '1.深度学习基础/2.归一化.md', '2.推理/1.量化.md']));
    expect(paths.filter((file) => /^(public|tools|node_modules)\//u.test(file))).toEqual([]);
    expect(report.flatMap((file) => file.messages.filter((message) => message.severity === 'error'))).toEqual([]);
  });

  it('gen-readme --check names the command the user ran, and passes once the README is generated', () => {
    const handWritten = read('README.md');
    const stale = notes('gen-readme', '--check');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('Run `llm-notes gen-readme` to update.');
    // Through the repository's own script, the message names that script.
    const viaScript = run('npm', ['run', '--silent', 'notes:readme', '--', '--check'], { HOME: npmHome });
    expect(viaScript.stderr).toContain('Run `npm run notes:readme` to update.');
    expect(read('README.md')).toBe(handWritten);

    expect(notes('gen-readme').code).toBe(0);
    const readme = read('README.md');
    expect(readme).toContain('注意力机制');
    expect(readme).not.toMatch(/public|tools|node_modules/u);
    expect(notes('gen-readme', '--check').code).toBe(0);
  });

  it('images --check fails on an unoptimized figure and names the fix; the manifest lands in the content folder', () => {
    const check = notes('images', '--check');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('Run `llm-notes images` to optimize them.');
    const optimize = notes('images');
    expect(optimize.code, optimize.stderr).toBe(0);
    expect(Object.keys((JSON.parse(read('images.manifest.json')) as { images: object }).images)).toContain('1.深度学习基础/images/attention.png');
    expect(notes('images', '--check').code).toBe(0);
  });

  it('left nothing outside the repository: not beside it, not in HOME, not in the temp folder', () => {
    expect(listing(sandbox, [repo, npmHome]).join('\n')).toBe(outsideBefore.join('\n'));
    expect(readdirSync(home)).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it("the action's check step passes there, with annotations format and a job summary", () => {
    const action = parse(readFileSync(path.join(project, 'action.yml'), 'utf8')) as { runs: { steps: Array<{ run?: string; env?: Record<string, string> }> } };
    const step = action.runs.steps.at(-1)!;
    const summary = path.join(sandbox, 'summary.md');
    const result = run('bash', ['-c', step.run!], {
      NOTES_ROOT: '.',
      NOTES_CONTENT: '',
      NOTES_FORMAT: 'github',
      NOTES_CHECKS: 'readme,lint,images',
      LLM_NOTES_BIN: bin,
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(readFileSync(summary, 'utf8')).toContain('README.md is up to date.');
  });
});
