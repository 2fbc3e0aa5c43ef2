import type { ParseArgsConfig } from 'node:util';
import type { Config, ContentModel, RepoRoot } from '@llm-notes/core';
import type { Invocation } from './invocation.js';

export interface Output {
  write(text: string): void;
}

/** Everything a subcommand needs, resolved once by `main`. */
export interface CommandContext {
  readonly repo: RepoRoot;
  readonly config: Config;
  /** Content folder relative to the root (from `--content`, the config, or `content`). */
  readonly contentDir: string;
  /** Discovers the content (throws a UserError on a malformed content folder). */
  loadContent(): ContentModel;
  readonly stdout: Output;
  readonly stderr: Output;
  readonly env: NodeJS.ProcessEnv;
  /** True when stdout is a terminal outside CI (progress bars). */
  readonly interactive: boolean;
  /** Colour the report (`FORCE_COLOR`, `NO_COLOR`, else a terminal); `interactive` when unset. */
  readonly color?: boolean;
  readonly debug: boolean;
  /** How the user runs this CLI: messages suggest commands through it. */
  readonly invocation: Invocation;
}

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  readonly values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  readonly positionals: string[];
}

export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Usage and option lines for `--help` (without the global options). */
  readonly help: string;
  readonly options: OptionsConfig;
  readonly allowPositionals: boolean;
  /** False for a command that must run without reading the config (`init` replaces it): the context gets the defaults. */
  readonly usesConfig?: boolean;
  /** Returns the exit code: 0 clean, 1 findings at error level, 2 usage or internal error. */
  run(context: CommandContext, args: ParsedArgs): Promise<number>;
}

/** Whether to colour the report. */
export function useColor(context: CommandContext): boolean {
  return context.color ?? context.interactive;
}
