import type { Command } from '../command.js';

/**
 * Every command by name and summary, without loading it: `notes --help` and
 * `notes --version` start in a fraction of the time a command's code takes to
 * load. `load` brings the command in (its own bundle chunk); the summary must
 * equal the command's own (a test checks).
 */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<Command>;
}

export const commands: readonly CommandEntry[] = [
  {
    name: 'init',
    summary: 'set up this toolchain in an existing notes repository: config, .gitignore, next steps',
    load: async () => (await import('./init.js')).initCommand,
  },
  {
    name: 'gen-readme',
    summary: 'write README.md from the notes (and regenerate the notes’ <!-- toc --> blocks)',
    load: async () => (await import('./gen-readme.js')).genReadmeCommand,
  },
  {
    name: 'lint',
    summary: 'check notes and README: links, math, image markup, tables of contents',
    load: async () => (await import('./lint.js')).lintCommand,
  },
  { name: 'fix', summary: 'apply every fixable rule (minimal, position-based edits)', load: async () => (await import('./fix.js')).fixCommand },
  {
    name: 'images',
    summary: 'optimize the images under the content folder (lossless unless --lossy); --check enforces budgets',
    load: async () => (await import('./images.js')).imagesCommand,
  },
  {
    name: 'check',
    summary: 'everything CI checks, read-only: README up to date, lint, image budgets',
    load: async () => (await import('./check.js')).checkCommand,
  },
  {
    name: 'docs',
    summary: 'write docs/rules/<id>.md, docs/config.md and notes.config.schema.json from the rules table and config schema',
    load: async () => (await import('./docs.js')).docsCommand,
  },
  {
    name: 'pre-commit',
    summary: 'the git pre-commit hook: checks what is staged under the content folder',
    load: async () => (await import('./pre-commit.js')).preCommitCommand,
  },
];
