import { FORMATS } from '@llm-notes/reporters';
import type { Command } from '../command.js';
import { genReadmeCommand } from './gen-readme.js';
import { imagesCommand } from './images.js';
import { lintCommand } from './lint.js';
import { appendStepSummary } from '../step-summary.js';

/** What CI checks, read-only, in this order. */
const STEPS = [
  { command: genReadmeCommand, values: { check: true } },
  // Read-only: the lint cache is neither read nor written.
  { command: lintCommand, values: { 'no-cache': true } },
  { command: imagesCommand, values: { check: true } },
] as const;

export const checkCommand: Command = {
  name: 'check',
  summary: 'everything CI checks, read-only: README up to date, lint, image budgets',
  help: `Usage: notes check [--format <name>]

Runs \`gen-readme --check\`, \`lint\` and \`images --check\`; writes nothing.
Exit 0 when all pass, 1 when any fails.

Options:
  --format <name>   report format for lint findings: ${FORMATS.join(', ')}`,
  options: { format: { type: 'string' } },
  allowPositionals: false,
  async run(context, args) {
    let worst = 0;
    for (const step of STEPS) {
      if (step.command.built === false) {
        context.stderr.write(`check: skipping \`${step.command.name}\` (not built yet)\n`);
        continue;
      }
      context.stderr.write(`check: ${step.command.name}\n`);
      const values = step.command.name === 'lint' ? { ...step.values, format: args.values.format } : step.values;
      const code = await step.command.run(context, { values, positionals: [] });
      if (step.command === genReadmeCommand) {
        appendStepSummary(context.env, `### README\n\n${code === 0 ? 'README.md is up to date.' : 'README.md is out of date: run `pnpm gen-readme`.'}\n`);
      }
      worst = Math.max(worst, code);
    }
    return worst;
  },
};
