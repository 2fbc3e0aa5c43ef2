import { selectRules } from '@llm-notes/core';
import { FORMATS, type Format, formatReport } from '@llm-notes/reporters';
import type { Command } from '../command.js';
import { hasErrors, lintFiles, lintTargets } from '../lint-run.js';
import { formatRuleList } from '../rule-list.js';
import { allRules } from '../rules-table.js';
import { parseFormat } from '../format-option.js';

export const lintCommand: Command = {
  name: 'lint',
  summary: 'check notes and README: links, math, image markup, tables of contents',
  help: `Usage: notes lint [options] [files or folders…]

Lints every note under the content folder and the README (or just the given
files). Exit 0 when clean, 1 when any finding is an error.

Options:
  --format <name>   ${FORMATS.join(', ')} (default: stylish)
  --rule <id>       run only this rule (repeatable), whatever the config says
  --list-rules      print the rules table and exit`,
  options: {
    format: { type: 'string' },
    rule: { type: 'string', multiple: true },
    'list-rules': { type: 'boolean' },
  },
  allowPositionals: true,
  async run(context, args) {
    if (args.values['list-rules']) {
      context.stdout.write(formatRuleList(allRules, context.config));
      return 0;
    }
    const format: Format = parseFormat(args.values.format);
    const only = args.values.rule as string[] | undefined;
    const rules = selectRules(allRules, context.config, only);
    const files = await lintFiles(context, lintTargets(context, args.positionals), rules);
    const output = formatReport(format, files, { color: context.interactive, rules: allRules.map((r) => ({ id: r.id, description: r.description })) });
    context.stdout.write(output);
    if (format === 'stylish' && output === '') context.stderr.write(`${files.length} files checked, no problems\n`);
    return hasErrors(files) ? 1 : 0;
  },
};
