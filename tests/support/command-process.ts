import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, expect } from 'vitest';
import { BIN } from '../../packages/cli/src/test-support.js';

const support = path.dirname(new URL(import.meta.url).pathname);
const recorder = path.join(support, 'record-fs.mjs');
const server = path.join(support, 'cli-server.mjs');
const bundledMain = path.join(path.dirname(BIN), 'main.js');

export interface RunOutcome {
  readonly code: number | null;
  /** What the command wrote to stdout and stderr, in that order (and anything written around it). */
  readonly output: string;
  readonly stdout: string;
  readonly stderr: string;
  readonly signal: string | null;
}

/**
 * Commands run in one long-lived process under the fs recorder
 * (tests/support/cli-server.mjs), one command at a time, each with its own log
 * (or none), working folder and environment: a Node start and module load per
 * command was most of the time of tests that check a command's message, exit
 * code and files. A command that kills the process fails its test; the next
 * command starts a fresh process. Tests about the process itself (signals,
 * the terminal, the bin's own start-up) spawn the bundle instead.
 */
export class CommandProcess {
  private child: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private waiting: ((outcome: RunOutcome) => void) | undefined;
  private stray = '';
  private next = 0;

  private start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', recorder, server, bundledMain], {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, RECORD_FS_LOG: '' },
    });
    this.child = child;
    // Anything written around `main`'s own output still belongs to the command that runs.
    const keep = (chunk: Buffer) => {
      this.stray += chunk.toString('utf8');
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.ready = new Promise((resolve) => {
      child.once('message', () => resolve());
    });
    child.on('message', (message: { id?: number; code: number; stdout: string; stderr: string }) => {
      if (message.id === undefined) return;
      const waiting = this.waiting;
      this.waiting = undefined;
      const output = `${message.stdout}${message.stderr}${this.stray}`;
      const stderr = `${message.stderr}${this.stray}`;
      this.stray = '';
      waiting?.({ code: message.code, output, stdout: message.stdout, stderr, signal: null });
    });
    child.on('exit', (code, signal) => {
      if (this.child === child) this.child = undefined;
      const waiting = this.waiting;
      this.waiting = undefined;
      const output = `${this.stray}\n(the command process ended: ${signal ?? `exit ${code}`})`;
      waiting?.({ code, output, stdout: '', stderr: output, signal: signal ?? (code === 0 ? null : `exit ${code}`) });
      this.stray = '';
    });
    return this.ready;
  }

  /** Runs `notes <args>` in `cwd` with CI set (as `runCli` does), recording every path opened into `log` when given. */
  async run(args: readonly string[], cwd: string, log?: string, env: Record<string, string> = {}): Promise<RunOutcome> {
    if (!this.child) await this.start();
    else await this.ready;
    const child = this.child as ChildProcess;
    return new Promise((resolve) => {
      this.waiting = resolve;
      child.send({ id: this.next++, args, cwd, log, entry: BIN, env: { ...process.env, CI: 'true', GITHUB_STEP_SUMMARY: '', ...env } });
    });
  }

  /** Ends the process; resolves once it has exited (and been reaped). */
  stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill();
    return exited;
  }
}

export interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `notes <args>` in `cwd`, answered as `runCli` answers (exit code, stdout, stderr; CI set), through a
 * command process of the calling test file: started on first use, stopped when the file has run. For
 * tests of a command's output, exit code and files; a command that ends the process fails its test.
 */
export function inProcessCli(): (args: readonly string[], cwd: string, env?: Record<string, string>) => Promise<CommandResult> {
  const commands = new CommandProcess();
  afterAll(() => commands.stop());
  return async (args, cwd, env = {}) => {
    const result = await commands.run(args, cwd, undefined, env);
    expect(result.signal, result.output).toBeNull();
    return { code: result.code, stdout: result.stdout, stderr: result.stderr };
  };
}
