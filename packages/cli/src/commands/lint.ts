import { SOURCE, hasErrors, lintTargets, replayLastRun } from '@llm-notes/core/repository';
import { FORMATS, type Format, formatReport } from '@llm-notes/reporters';
import { type Command, useColor } from '../command.js';
import { parseFormat } from '../format-option.js';
import { plural } from '../plural.js';
import { appendStepSummary, lintSummaryMarkdown } from '../step-summary.js';
import { cliVersion } from '../version.js';
import { RULES_FROM_CONFIG, parseWorkers } from './lint-options.js';

export const lintCommand: Command = {
  name: 'lint',
  summary: 'check notes and README: links, math, image markup, tables of contents',
  help: `Usage: notes lint [options] [files or folders…]

Lints every note under the content folder and the README (or just the given
files). Exit 0 when clean, 1 when any finding is an error.

Options:
  --format <name>   ${FORMATS.join(', ')} (default: stylish)
  --rule <id>       run only this rule (repeatable), whatever the config says
  --list-rules      print the rules table and exit
  --external        also check http(s) links over the network: rule \`link-external\`
                    (cached in config \`links.cacheFile\`; no network: exit 2)
  --changed-since <git-ref>
                    with --external: only links on lines added or changed since the ref
  --no-cache        ignore and do not write the lint cache (.cache/lint-cache.json)
                    nor the remembered MathJax verdicts (.cache/tex-verdicts.json)
  --workers <n>     lint on n threads: this one and n-1 workers (0 or 1: this thread
                    only; default: one more per idle core, once the run has enough
                    Markdown to pay for starting a worker, about 400 kB each)`,
  options: {
    format: { type: 'string' },
    rule: { type: 'string', multiple: true },
    'list-rules': { type: 'boolean' },
    'no-cache': { type: 'boolean' },
    workers: { type: 'string' },
    external: { type: 'boolean' },
    'changed-since': { type: 'string' },
  },
  allowPositionals: true,
  async run(context, args) {
    if (args.values['list-rules']) {
      (await import('./lint-full.js')).listRules(context);
      return 0;
    }
    const format: Format = parseFormat(args.values.format);
    // A run of the rules the config enables over unchanged files replays the last run from the cache,
    // without loading the rules or the parser; anything else lints for real (lint-full.ts).
    const replayable =
      args.values['no-cache'] !== true && args.values.rule === undefined && args.values.external !== true && args.values['changed-since'] === undefined;
    let files;
    if (replayable) {
      parseWorkers(args.values.workers);
      const targets = lintTargets(context, args.positionals);
      files = replayLastRun(context, targets, RULES_FROM_CONFIG) ?? (await (await import('./lint-full.js')).lintWithRules(context, args, targets));
    } else {
      files = await (await import('./lint-full.js')).lintWithRules(context, args);
    }
    const output = formatReport(format, files, {
      color: useColor(context),
      toolName: SOURCE,
      toolVersion: cliVersion(),
      // Only SARIF describes the rules: the rules table is loaded for it alone.
      ...(format === 'sarif' ? { rules: (await import('./lint-full.js')).sarifRules() } : {}),
    });
    context.stdout.write(output);
    if (format === 'stylish' && output === '') context.stdout.write(`${plural(files.length, 'file')} checked, no problems\n`);
    appendStepSummary(context.env, lintSummaryMarkdown(files));
    return hasErrors(files) ? 1 : 0;
  },
};
