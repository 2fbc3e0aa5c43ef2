import { UserError, acquireWriteLock, encodeText, selectRules, writeFileAtomic } from '@llm-notes/core';
import { createTwoFilesPatch } from 'diff';
import type { Command } from '../command.js';
import { plural } from '../plural.js';
import { type FileFix, fixFile, isReadOnly } from '../fix-run.js';
import { createLintContext, lintTargets } from '../lint-run.js';
import { allRules } from '../rules-table.js';

function describeCounts(fix: FileFix): string {
  return [...fix.counts].map(([rule, count]) => `${rule} ×${count}`).join(', ');
}

export const fixCommand: Command = {
  name: 'fix',
  summary: 'apply every fixable rule (minimal, position-based edits)',
  help: `Usage: notes fix [options] [files or folders…]

Applies the fixes of every enabled fixable rule to the notes (or the given
files). Only the bytes a rule must change are rewritten; line endings and a
byte order mark are kept; each file is written atomically.

Options:
  --dry-run         print the diff, write nothing; exit 1 when a file would change
  --rule <id>       apply only this rule (repeatable), enabled in config or not`,
  options: {
    'dry-run': { type: 'boolean' },
    rule: { type: 'string', multiple: true },
  },
  allowPositionals: true,
  async run(context, args) {
    const only = args.values.rule as string[] | undefined;
    for (const id of only ?? []) {
      const rule = allRules.find((candidate) => candidate.id === id);
      if (!rule) throw new UserError(`unknown rule \`${id}\` (see \`notes lint --list-rules\`)`);
      if (!rule.fixable) throw new UserError(`rule \`${id}\` has no fix`);
    }
    const rules = selectRules(allRules, context.config, only).filter((enabled) => enabled.rule.fixable);
    const dryRun = args.values['dry-run'] === true;
    const release = dryRun ? () => {} : acquireWriteLock(context.repo.path, 'notes fix');
    try {
      const lintContext = createLintContext(context);
      // Only notes under the content folder are ever rewritten (not the generated README,
      // nor a Markdown file elsewhere in the repository that was named on the command line).
      const notes = new Set(context.loadContent().notes.map((note) => note.relPath));
      const targets: string[] = [];
      for (const target of lintTargets(context, args.positionals)) {
        if (notes.has(target)) targets.push(target);
        else if (args.positionals.length > 0) context.stderr.write(`${target}: not a note under ${context.contentDir}/; not changed\n`);
      }
      let changedFiles = 0;
      let fixes = 0;
      let failed = false;
      for (const target of targets) {
        const result = await fixFile(context, target, rules, lintContext);
        for (const message of result.file.messages) {
          if (message.fatal) {
            failed = true;
            context.stderr.write(`${result.path}${message.line ? `:${message.line}` : ''}: ${message.reason}\n`);
          }
        }
        if (result.unsettled) context.stderr.write(`${result.path}: fixes did not settle after several passes; run \`notes fix\` again or fix by hand\n`);
        if (result.after === result.before) continue;
        changedFiles++;
        for (const count of result.counts.values()) fixes += count;
        if (dryRun) {
          context.stdout.write(createTwoFilesPatch(`a/${result.path}`, `b/${result.path}`, result.before, result.after, '', '', { context: 2 }));
          continue;
        }
        const absolute = context.repo.resolve(result.path);
        if (isReadOnly(absolute)) {
          failed = true;
          context.stderr.write(`${result.path}: file is read-only; not changed\n`);
          continue;
        }
        writeFileAtomic(absolute, encodeText(result.after, result.bom));
        context.stdout.write(`${result.path}: ${describeCounts(result)}\n`);
      }
      const verb = dryRun ? 'would fix' : 'fixed';
      context.stderr.write(`${verb} ${plural(fixes, 'problem')} in ${plural(changedFiles, 'file')}\n`);
      // Like `--check` elsewhere: a dry run that finds work to do fails.
      return failed || (dryRun && changedFiles > 0) ? 1 : 0;
    } finally {
      release();
    }
  },
};

