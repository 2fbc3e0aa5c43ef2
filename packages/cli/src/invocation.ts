import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The command the installed package puts on the PATH (`node_modules/.bin`). */
export const BIN_NAME = 'llm-notes';

/** How the user started this run, so messages can tell them what to type next. */
export interface Invocation {
  /**
   * What to type to run `subcommand` (with `args`) the way this run was
   * started: a package script of the repository when one runs exactly that,
   * `npx llm-notes …`, `llm-notes …`, or `node <path> …`. Never a script the
   * repository lacks.
   */
  command(subcommand: string, args?: string): string;
}

type Runner = 'pnpm' | 'yarn' | 'npm';

/** A script runs this CLI when one of its words is the bin or a path to the bundled entry. */
function isCliWord(word: string): boolean {
  return word === BIN_NAME || /(^|[\\/])notes\.js$/u.test(word);
}

/** The words after this CLI in a package script, or undefined when the script does not simply run it. */
function cliArguments(script: string): string[] | undefined {
  const words = script.trim().split(/\s+/u);
  const at = words.findIndex(isCliWord);
  if (at === -1) return undefined;
  const before = words.slice(0, at);
  // `node x/notes.js …`, `llm-notes …`, `npx llm-notes …`; anything chained is not simple.
  if (!before.every((word) => word === 'node' || word === 'npx' || word === 'exec' || word === 'pnpm')) return undefined;
  const rest = words.slice(at + 1);
  if (rest.some((word) => /^(&&|\|\||;|\||>|<)$/u.test(word))) return undefined;
  return rest;
}

function readScripts(root: string): Record<string, string> {
  try {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: unknown };
    if (manifest.scripts && typeof manifest.scripts === 'object') return manifest.scripts as Record<string, string>;
  } catch {
    // No manifest, or not JSON: no scripts to suggest.
  }
  return {};
}

function runnerOf(env: NodeJS.ProcessEnv, root: string): Runner {
  const agent = env.npm_config_user_agent ?? '';
  if (agent.startsWith('pnpm/')) return 'pnpm';
  if (agent.startsWith('yarn/')) return 'yarn';
  if (agent.startsWith('npm/')) return 'npm';
  if (existsSync(path.join(root, 'pnpm-lock.yaml'))) return 'pnpm';
  if (existsSync(path.join(root, 'yarn.lock'))) return 'yarn';
  return 'npm';
}

function runScript(runner: Runner, script: string, extra: string): string {
  if (!extra) return runner === 'npm' ? `npm run ${script}` : `${runner} ${script}`;
  return runner === 'npm' ? `npm run ${script} -- ${extra}` : `${runner} ${script} ${extra}`;
}

function join(...parts: string[]): string {
  return parts.filter((part) => part !== '').join(' ');
}

export interface InvocationInput {
  readonly env: NodeJS.ProcessEnv;
  /** `process.argv[1]`: the script node was started with. */
  readonly entry: string | undefined;
  readonly cwd: string;
  /** The repository root, whose package.json scripts may be suggested. */
  readonly root: string;
}

/**
 * Works out how this run was started. Through a package script (npm, pnpm
 * and yarn set `npm_lifecycle_event`), or from a path to the bundle (a git
 * hook), a script of the repository that runs exactly the subcommand is
 * suggested, else one that runs this CLI with arguments passed on; through
 * `npx` (`npm_command=exec`), `npx llm-notes`; through the bin, the bin.
 */
export function detectInvocation({ env, entry, cwd, root }: InvocationInput): Invocation {
  const entryName = entry === undefined ? BIN_NAME : path.basename(entry);
  const viaScript = env.npm_lifecycle_event !== undefined && env.npm_command !== 'exec';
  const viaPath = entryName.endsWith('.js');
  const direct = (subcommand: string, args: string): string => {
    if (env.npm_command === 'exec') return join('npx', BIN_NAME, subcommand, args);
    if (viaPath && entry !== undefined) {
      if (existsSync(path.join(root, 'node_modules', '.bin', BIN_NAME))) return join('npx', BIN_NAME, subcommand, args);
      const relative = path.relative(cwd, entry) || entry;
      return join('node', relative.includes(' ') ? JSON.stringify(relative) : relative, subcommand, args);
    }
    return join(entryName === 'bin.js' ? BIN_NAME : entryName, subcommand, args);
  };
  if (!viaScript && !viaPath) return { command: (subcommand, args = '') => direct(subcommand, args) };

  // Read on first use: `--version` and `--help` never touch the repository's files.
  let scripts: Record<string, string> | undefined;
  return {
    command(subcommand, args = '') {
      scripts ??= readScripts(root);
      const runner = runnerOf(env, root);
      let generic: string | undefined;
      for (const [name, script] of Object.entries(scripts)) {
        const rest = cliArguments(script);
        if (rest === undefined) continue;
        if (rest.length === 1 && rest[0] === subcommand) return runScript(runner, name, args);
        if (rest.length === 0) generic ??= name;
      }
      if (generic !== undefined) return runScript(runner, generic, join(subcommand, args));
      return direct(subcommand, args);
    },
  };
}
