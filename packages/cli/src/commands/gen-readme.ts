import { type ContentModel, UserError, acquireWriteLock } from '@llm-notes/core/repository';
import type { Command, CommandContext } from '../command.js';
import { knownUpToDate, readmeInputsDigest, rememberUpToDate } from '../readme-check-cache.js';

/** The numbered notes gen-readme reads; a clear error when the repository does not use that layout. */
function numberedContent(context: CommandContext): ContentModel {
  const content = context.loadContent();
  if (!content.exists) {
    throw new UserError('content folder not found; gen-readme reads `<n>.<chapter>/<m>.<section>.md` notes (set `content` in the config, or pass --content)', {
      file: content.relPath,
    });
  }
  if (content.notes.length === 0) {
    throw new UserError('content folder has no notes (expected `<n>.<chapter>/<m>.<section>.md` files)', { file: content.relPath });
  }
  return content;
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
  --check           write nothing; exit 1 and show a diff when a file is out of date
  --full-diff       with --check: the whole diff (default: the first 40 lines of each file)`,
  options: { check: { type: 'boolean' }, 'full-diff': { type: 'boolean' } },
  allowPositionals: false,
  async run(context, args) {
    if (args.values.check === true) {
      // The same bytes as a run that found everything up to date: no need to parse a note.
      const digest = readmeInputsDigest(context);
      const upToDate = `${context.config.readme.output} and the notes' tables of contents are up to date\n`;
      if (knownUpToDate(context, digest)) {
        context.stderr.write(upToDate);
        return 0;
      }
      // The generator (a Markdown parser and more) and the diff printer load only when the notes must be read.
      const { generateReadme } = await import('@llm-notes/readme');
      const result = generateReadme(context.repo, context.config, numberedContent(context));
      const stale = [...result.notes, result.readme].filter((update) => update.changed);
      if (stale.length === 0) {
        rememberUpToDate(context, digest);
        context.stderr.write(upToDate);
        return 0;
      }
      const { printDiff } = await import('../readme-diff.js');
      for (const update of stale) {
        context.stderr.write(`${update.relPath}: ${update.before === undefined ? 'missing' : 'out of date'}\n`);
        printDiff(update, context.stdout, args.values['full-diff'] === true);
      }
      context.stderr.write(`Run \`${context.invocation.command('gen-readme')}\` to update.\n`);
      return 1;
    }
    const { generateReadme, writeReadmeResult } = await import('@llm-notes/readme');
    // Built completely before the lock's first write: a failure leaves every file as it was.
    const release = acquireWriteLock(context.repo.path, 'notes gen-readme');
    try {
      const result = generateReadme(context.repo, context.config, numberedContent(context));
      const { written, changedMeanwhile } = writeReadmeResult(result);
      for (const relPath of written) context.stdout.write(`wrote ${relPath}\n`);
      for (const error of changedMeanwhile) context.stderr.write(`${error.describe()}\n`);
      if (changedMeanwhile.length > 0) return 1;
      rememberUpToDate(context, readmeInputsDigest(context));
      if (written.length === 0) context.stderr.write(`${result.readme.relPath} is up to date\n`);
      return 0;
    } finally {
      release();
    }
  },
};
