import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Command, OptionsConfig, Output } from './command.js';
import { commands } from './commands/index.js';
import { type Invocation, detectInvocation } from './invocation.js';
import { findRepositoryRoot } from './root-folder.js';
import { cliPackageName, cliVersion } from './version.js';

export interface MainIo {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly interactive: boolean;
  /** Colour the report; defaults to `interactive`. */
  readonly color?: boolean;
  /** `process.argv[1]`, to tell the bin, `npx` and a package script apart in messages. */
  readonly entry?: string;
}

const GLOBAL_OPTIONS: OptionsConfig = {
  root: { type: 'string' },
  content: { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

const GLOBAL_HELP = `Global options:
  --root <dir>      repository root (default: the enclosing git repository, else the current folder)
  --content <dir>   content folder relative to the root (default: config \`content\`, else \`content\`)
  --debug           print stack traces of internal errors
  -h, --help        show help`;

function mainHelp(invocation: Invocation): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const list = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n');
  return `${cliPackageName()} ${cliVersion()}: the toolchain of Markdown study-notes repositories

Usage: ${invocation.command('<command>', '[options]')}

Commands:
${list}

${GLOBAL_HELP}
  -v, --version     print the version

Run \`${invocation.command('<command>', '--help')}\` for a command's options.
`;
}

/** A command's help, its usage line naming the command as the user runs it. */
function commandHelp(command: Command, invocation: Invocation): string {
  const help = command.help.replace(new RegExp(`^Usage: notes ${command.name}\\b ?`, 'u'), (prefix) =>
    `Usage: ${invocation.command(command.name)}${prefix.endsWith(' ') ? ' ' : ''}`,
  );
  return `${help}\n\n${GLOBAL_HELP}\n`;
}

function invocationFor(io: MainIo, root: string): Invocation {
  return detectInvocation({ env: io.env, entry: io.entry, cwd: io.cwd, root });
}

/** The repository root the run is about: `--root`, else the enclosing git repository, else the current folder. */
export function rootOf(values: Record<string, unknown>, io: MainIo): string {
  return typeof values.root === 'string' ? path.resolve(io.cwd, values.root) : findRepositoryRoot(io.cwd);
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[], io: MainIo): Promise<number> {
  const [first, ...rest] = argv;
  const invocation = invocationFor(io, findRepositoryRoot(io.cwd));
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(mainHelp(invocation));
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${cliVersion()}\n`);
    return 0;
  }
  const entry = commands.find((candidate) => candidate.name === first);
  if (!entry) {
    const known = commands.map((candidate) => candidate.name).join(', ');
    io.stderr.write(`notes: unknown command \`${first}\` (commands: ${known}); see \`${invocation.command('--help')}\`\n`);
    return 2;
  }
  const command = await entry.load();
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...rest],
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: command.allowPositionals,
      strict: true,
    }));
  } catch (error) {
    io.stderr.write(`notes ${command.name}: ${(error as Error).message}\nSee \`${invocation.command(command.name, '--help')}\`.\n`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(commandHelp(command, invocationFor(io, rootOf(values, io))));
    return 0;
  }
  // The repository, config and content model are loaded only for a command that runs.
  const { runCommand } = await import('./run-command.js');
  return runCommand(command, values, positionals, io, invocationFor(io, rootOf(values, io)));
}
