import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import {
  type ContentModel,
  RepoRoot,
  UserError,
  checkConfigPaths,
  configSchema,
  discoverContent,
  isOsError,
  loadConfig,
  userErrorFromOs,
} from '@llm-notes/core/repository';
import type { Command, CommandContext } from './command.js';
import type { Invocation } from './invocation.js';
import type { MainIo } from './main.js';
import { findRepositoryRoot } from './root-folder.js';

async function createContext(command: Command, values: Record<string, unknown>, io: MainIo, invocation: Invocation): Promise<CommandContext> {
  const rootOption = typeof values.root === 'string' ? path.resolve(io.cwd, values.root) : findRepositoryRoot(io.cwd);
  let repo: RepoRoot;
  try {
    // A root given as a symlink (to the repository) is the repository: its real folder is used.
    repo = new RepoRoot(lstatSync(rootOption).isSymbolicLink() ? realpathSync(rootOption) : rootOption);
  } catch (error) {
    throw new UserError(`repository root not found (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { file: rootOption });
  }
  // `init` runs without reading the config: it is what replaces a broken one.
  let config = command.usesConfig === false ? configSchema.parse({}) : loadConfig(repo.realPath);
  // The rules table (every rule's code) is loaded only when the config names rules, to check the names.
  if (Object.keys(config.rules).length > 0) config = loadConfig(repo.realPath, (await import('./rules-table.js')).ruleIds);
  const contentDir = typeof values.content === 'string' ? values.content : config.content;
  checkConfigPaths(repo, config, contentDir);
  let content: ContentModel | undefined;
  return {
    repo,
    config,
    contentDir,
    loadContent: () => (content ??= discoverContent(repo, contentDir)),
    stdout: io.stdout,
    stderr: io.stderr,
    env: io.env,
    interactive: io.interactive,
    color: io.color ?? io.interactive,
    debug: values.debug === true,
    invocation,
  };
}

/** Resolves the repository and config, runs `command`, and turns its errors into messages and exit codes. */
export async function runCommand(command: Command, values: Record<string, unknown>, positionals: string[], io: MainIo, invocation: Invocation): Promise<number> {
  const debug = values.debug === true;
  try {
    const context = await createContext(command, values, io, invocation);
    return await command.run(context, { values: values as never, positionals });
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr.write(`notes ${command.name}: ${error.describe()}\n`);
      if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
      return 2;
    }
    if (isOsError(error)) {
      // An OS error that no step turned into a message: still one line, naming the file.
      const file = typeof error.path === 'string' ? error.path : undefined;
      const message = userErrorFromOs(error, file ?? '(no file)') as UserError;
      io.stderr.write(`notes ${command.name}: ${message.describe()}\n`);
      if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
      return 2;
    }
    io.stderr.write(`notes ${command.name}: internal error: ${(error as Error).message ?? String(error)}\n`);
    if (debug) io.stderr.write(`${(error as Error).stack ?? ''}\n`);
    else io.stderr.write('Run again with --debug for the stack trace.\n');
    return 2;
  }
}
