import { parseArgs } from 'node:util';
import type { OptionsConfig, Output } from './command.js';
import { commands } from './commands/index.js';
import { cliVersion } from './version.js';

export interface MainIo {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly interactive: boolean;
  /** Colour the report; defaults to `interactive`. */
  readonly color?: boolean;
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

function mainHelp(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const list = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n');
  return `notes ${cliVersion()}: the toolchain of the LLM-learning notes

Usage: notes <command> [options]

Commands:
${list}

${GLOBAL_HELP}
  -v, --version     print the version

Run \`notes <command> --help\` for a command's options.
`;
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[], io: MainIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(mainHelp());
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${cliVersion()}\n`);
    return 0;
  }
  const entry = commands.find((candidate) => candidate.name === first);
  if (!entry) {
    const known = commands.map((candidate) => candidate.name).join(', ');
    io.stderr.write(`notes: unknown command \`${first}\` (commands: ${known}); see \`notes --help\`\n`);
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
    io.stderr.write(`notes ${command.name}: ${(error as Error).message}\nSee \`notes ${command.name} --help\`.\n`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(`${command.help}\n\n${GLOBAL_HELP}\n`);
    return 0;
  }
  // The repository, config and content model are loaded only for a command that runs.
  const { runCommand } = await import('./run-command.js');
  return runCommand(command, values, positionals, io);
}
