import { acquireWriteLock } from '@llm-notes/core';
import { type FileUpdate, generateReadme, writeReadmeResult } from '@llm-notes/readme';
import { createTwoFilesPatch } from 'diff';
import type { Command, Output } from '../command.js';

/** Lines of diff shown per file by `--check`: enough to see what is stale, short enough for CI logs. */
const DIFF_LINES = 40;

function printShortDiff(update: FileUpdate, out: Output): void {
  const patch = createTwoFilesPatch(`a/${update.relPath}`, `b/${update.relPath}`, update.before ?? '', update.after, '', '', { context: 2 });
  const lines = patch
    .split('\n')
    .filter((line) => !line.startsWith('=====') && !line.startsWith('Index:'))
    .map((line) => (line.startsWith('--- ') || line.startsWith('+++ ') ? line.trimEnd() : line));
  const shown = lines.slice(0, DIFF_LINES).join('\n');
  out.write(shown.endsWith('\n') ? shown : `${shown}\n`);
  if (lines.length > DIFF_LINES) out.write(`… ${lines.length - DIFF_LINES} more diff lines\n`);
}

export const genReadmeCommand: Command = {
  name: 'gen-readme',
  summary: 'write README.md from the notes (and regenerate the notes’ <!-- toc --> blocks)',
  help: `Usage: notes gen-readme [--check]

Writes the README (config \`readme.output\`) from the content folder: title and
badge, the hand-written header, the introduction, the table of contents, every
chapter and section, the footer. Also regenerates each note's
\`<!-- toc -->\` … \`<!-- tocstop -->\` block. Files are written atomically and
only when they change.

Options:
  --check           write nothing; exit 1 and show a diff when a file is out of date`,
  options: { check: { type: 'boolean' } },
  allowPositionals: false,
  async run(context, args) {
    if (args.values.check === true) {
      const result = generateReadme(context.repo, context.config, context.loadContent());
      const stale = [...result.notes, result.readme].filter((update) => update.changed);
      if (stale.length === 0) {
        context.stderr.write(`${result.readme.relPath} and the notes' tables of contents are up to date\n`);
        return 0;
      }
      for (const update of stale) {
        context.stderr.write(`${update.relPath}: ${update.before === undefined ? 'missing' : 'out of date'}\n`);
        printShortDiff(update, context.stdout);
      }
      context.stderr.write('Run `pnpm gen-readme` to update.\n');
      return 1;
    }
    // Built completely before the lock's first write: a failure leaves every file as it was.
    const release = acquireWriteLock(context.repo.path, 'notes gen-readme');
    try {
      const result = generateReadme(context.repo, context.config, context.loadContent());
      const written = writeReadmeResult(result);
      for (const relPath of written) context.stdout.write(`wrote ${relPath}\n`);
      if (written.length === 0) context.stderr.write(`${result.readme.relPath} is up to date\n`);
      return 0;
    } finally {
      release();
    }
  },
};
