import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CommandProcess } from '../../../tests/support/command-process.js';
import { commands } from './commands/index.js';
import { BIN, runCli, tempRepo } from './test-support.js';
import { allRules } from './rules-table.js';

const repo = tempRepo;

// Most cases check a command's message and exit code, not the process: they run in one long-lived
// process (the bundle's `main`). The bin's own start (--help, --version) and its colour choice from the
// environment and terminal are run as users run them.
const server = new CommandProcess();
afterAll(() => server.stop());

async function inProcess(args: readonly string[], cwd: string, env: Record<string, string> = {}) {
  const result = await server.run(args, cwd, undefined, env);
  expect(result.signal, result.output).toBeNull();
  return result;
}

describe('notes CLI', () => {
  it('is built', () => {
    expect(existsSync(BIN)).toBe(true);
  });

  it('answers --help and --version', () => {
    const help = runCli(['--help'], process.cwd());
    expect(help.code).toBe(0);
    for (const command of commands) expect(help.stdout).toContain(command.name);
    const version = runCli(['--version'], process.cwd());
    expect(version.code).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(path.dirname(BIN), '..', 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout.trim()).toBe(manifest.version);
  });

  it('lists each command by the name and summary the command itself has', async () => {
    for (const entry of commands) {
      const command = await entry.load();
      expect([command.name, command.summary]).toEqual([entry.name, entry.summary]);
    }
  });

  it('answers --help and --version without loading any command or the content packages', () => {
    // The bundle splits commands into chunks of their own: the entry file must not import them statically.
    const entry = readFileSync(BIN, 'utf8');
    const statically = [...entry.matchAll(/^import[^;]*?from\s*["'](\.\/[^"']+)["']/gmu)].map((match) => match[1]);
    for (const chunk of statically) {
      const text = readFileSync(path.join(path.dirname(BIN), chunk ?? ''), 'utf8');
      expect(text).not.toContain('remark-parse');
      expect(text.length).toBeLessThan(50_000);
    }
  });

  it('answers --help for every command, its usage naming the command as this repository runs it', async () => {
    const scripts = (JSON.parse(readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const command of commands) {
      const result = await inProcess([command.name, '--help'], process.cwd());
      expect(result.code).toBe(0);
      // The bundle run by path inside this repository: a pnpm script of it that runs the command, or the generic one.
      const usage = /^Usage: pnpm ([\w:-]+)( \S+)?/mu.exec(result.stdout);
      expect(usage, result.stdout).not.toBeNull();
      const script = scripts[usage![1]!];
      expect(script).toMatch(usage![2] === ` ${command.name}` ? /notes\.js$/u : new RegExp(`notes\\.js ${command.name}$`, 'u'));
      expect(result.stdout).toContain('--root');
    }
  });

  it('exits 2 with a useful message on an unknown command or flag', async () => {
    const unknown = await inProcess(['frobnicate'], process.cwd());
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command `frobnicate`');
    expect(unknown.stderr).toContain('lint');
    const flag = await inProcess(['lint', '--frob'], process.cwd());
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("Unknown option '--frob'");
    expect(flag.stderr).toContain('See `pnpm lint --help`.');
  });

  it('check --only runs just the named checks and refuses an unknown one', async () => {
    // No README: the readme check would fail; it is left out.
    const root = repo({ 'content/1.a/1.b.md': '# b\n' });
    const only = await inProcess(['check', '--only', 'lint,images', '--root', root], root);
    expect(only.code, only.stderr).toBe(0);
    expect(only.stderr).toContain('check: lint');
    expect(only.stderr).not.toContain('check: gen-readme');
    expect((await inProcess(['check', '--root', root], root)).code).toBe(1);
    const unknown = await inProcess(['check', '--only', 'lint,spelling', '--root', root], root);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown check `spelling` (checks: readme, lint, images)');
  });

  it('exits 2 naming the file and key of a bad config, without a stack trace', async () => {
    const root = repo({ 'notes.config.json': '{"readme": {"titel": "x"}}', 'content/1.a/1.b.md': '# b\n' });
    const result = await inProcess(['lint', '--root', root], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('notes lint: notes.config.json: unknown key `readme.titel`\n');
  });

  it('lints a folder without a number as ordinary Markdown, not a crash', async () => {
    const root = repo({ 'content/drafts/1.b.md': '# b\n\n[x](missing.md)\n' });
    const result = await inProcess(['lint', '--root', root, '--format', 'json'], root);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Array<{ path: string; messages: Array<{ ruleId: string }> }>;
    expect(report.map((file) => [file.path, file.messages.map((message) => message.ruleId)])).toEqual([['content/drafts/1.b.md', ['link-missing-file']]]);
  });

  it('reports a note that is not valid UTF-8 as an error naming file and line', async () => {
    const root = repo({ 'content/1.a/1.b.md': Buffer.concat([Buffer.from('# b\n\ntext\n'), Buffer.from([0xff])]) });
    const result = await inProcess(['lint', '--root', root, '--format', 'json'], root);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Array<{ path: string; messages: Array<{ line: number; message: string; severity: string }> }>;
    const entry = report.find((file) => file.path === 'content/1.a/1.b.md');
    expect(entry?.messages[0]).toMatchObject({ line: 4, message: 'file is not valid UTF-8', severity: 'error' });
  });

  it('uses --content and finds the root from a subfolder', async () => {
    const root = repo({ '.git/HEAD': 'ref: refs/heads/main\n', 'notes/1.a/1.b.md': '# b\n' });
    const result = await inProcess(['lint', '--content', 'notes', '--format', 'json'], path.join(root, 'notes', '1.a'));
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as Array<{ path: string }>).map((file) => file.path)).toContain('notes/1.a/1.b.md');
  });

  it('refuses a file argument outside the root', async () => {
    const root = repo({ 'content/1.a/1.b.md': '# b\n' });
    const result = await inProcess(['lint', '--root', root, '../../../../etc/passwd'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('outside the repository root');
  });

  it('rejects an unknown --format', async () => {
    const root = repo({ 'content/1.a/1.b.md': '# b\n' });
    const result = await inProcess(['lint', '--root', root, '--format', 'xml'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown format `xml`');
  });

  it('writes the job summary: README status and findings per rule', async () => {
    const root = repo({ 'content/1.a/1.b.md': '#### 1. b\n\n[缺失](./missing.md)\n' });
    const summary = path.join(root, 'summary.md');
    const result = await inProcess(['check', '--root', root, '--format', 'github'], root, { GITHUB_STEP_SUMMARY: summary });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error file=content\/1\.a\/1\.b\.md,line=3,/mu);
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('README.md is out of date');
    expect(text).toMatch(/\| `link-missing-file` \| 1 \| 0 \|/u);
    expect(existsSync(path.join(root, '.cache'))).toBe(false);
  });

  it('colours the report by FORCE_COLOR and NO_COLOR, whatever the terminal', () => {
    const root = repo({ 'content/1.a/1.b.md': '#### 1. b\n\n[缺失](./missing.md)\n' });
    const ESC = '\u001b[';
    expect(runCli(['lint'], root).stdout).not.toContain(ESC);
    expect(runCli(['lint'], root, { FORCE_COLOR: '1' }).stdout).toContain(ESC);
    expect(runCli(['lint'], root, { FORCE_COLOR: '0' }).stdout).not.toContain(ESC);
    expect(runCli(['lint'], root, { NO_COLOR: '1' }).stdout).not.toContain(ESC);
  });

  it('counts in the singular for one: "1 file checked"', async () => {
    const root = repo({ 'content/1.a/1.b.md': '#### 1. b\n\n文字。\n' });
    expect((await inProcess(['lint'], root)).stdout).toBe('1 file checked, no problems\n');
  });

  it('names the rule a mistyped ignore comment asks for, once, as a warning', async () => {
    const root = repo({ 'content/1.a/1.b.md': '#### 1. b\n\n<!-- lint ignore link-mising-file -->\n[缺失](./missing.md)\n' });
    const result = await inProcess(['lint', '--format', 'json'], root);
    const [file] = JSON.parse(result.stdout) as { messages: { ruleId: string; severity: string; message: string }[] }[];
    const comment = file!.messages.find((message) => message.ruleId === 'lint-comment-unknown-rule');
    expect(comment).toEqual(expect.objectContaining({ severity: 'warning' }));
    expect(comment!.message).toBe('`<!-- lint ignore link-mising-file -->`: there is no rule `link-mising-file` (see `notes lint --list-rules`)');
    expect((await inProcess(['lint'], root)).stdout).not.toMatch(/known\s+known/u);
  });

  it('lists every rule of the rules table', async () => {
    const result = await inProcess(['lint', '--list-rules'], process.cwd());
    expect(result.code).toBe(0);
    for (const rule of allRules) expect(result.stdout).toContain(rule.id);
  });
});
