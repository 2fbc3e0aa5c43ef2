import { SOURCE, UserError, hasErrors, lintProject, lintTargets, ruleDocsUrl, selectRules } from '@llm-notes/core';
import { FORMATS, type Format, formatReport } from '@llm-notes/reporters';
import { type Command, useColor } from '../command.js';
import { plural } from '../plural.js';
import { checkExternalLinks } from '@llm-notes/lint-links';
import { formatRuleList } from '../rule-list.js';
import { allRules, engineHost } from '../rules-table.js';
import { parseFormat } from '../format-option.js';
import { appendStepSummary, lintSummaryMarkdown } from '../step-summary.js';
import { cliVersion } from '../version.js';

function parseWorkers(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) throw new UserError(`--workers must be a whole number, got \`${String(value)}\``);
  return count;
}

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
  --workers <n>     lint on n worker threads (default 0: in this thread, which was as fast
                    on 2 shared cores and holds one parser, not n)`,
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
      context.stdout.write(formatRuleList(allRules, context.config));
      return 0;
    }
    const format: Format = parseFormat(args.values.format);
    const only = args.values.rule as string[] | undefined;
    const rules = selectRules(allRules, context.config, only);
    const workers = parseWorkers(args.values.workers);
    const { files } = await lintProject(context, lintTargets(context, args.positionals), rules, {
      // A run of a few rules would replace the cache of the full run: it neither reads nor writes it.
      cache: args.values['no-cache'] !== true && only === undefined,
      remembered: args.values['no-cache'] !== true,
      ...engineHost,
      ...(workers === undefined ? {} : { workers }),
    });
    if (args.values.external === true) {
      const changedSince = args.values['changed-since'] as string | undefined;
      const rule = rules.find((enabled) => enabled.rule.id === 'link-external');
      if (rule === undefined) {
        context.stderr.write('link-external is off in the config (`rules.link-external`): no external link checked\n');
      } else {
        const count = await checkExternalLinks(context, rule, files, { changedSince, knownRuleIds: engineHost.knownRuleIds });
        context.stderr.write(`checked ${plural(count, 'external link')}\n`);
      }
    } else if (args.values['changed-since'] !== undefined) {
      throw new UserError('--changed-since only applies with --external');
    } else if (only?.includes('link-external')) {
      context.stderr.write('link-external reports only with --external (it needs the network)\n');
    }
    const output = formatReport(format, files, {
      color: useColor(context),
      toolName: SOURCE,
      toolVersion: cliVersion(),
      rules: allRules.map((r) => ({ id: r.id, description: r.description, helpUri: ruleDocsUrl(r.id) })),
    });
    context.stdout.write(output);
    if (format === 'stylish' && output === '') context.stdout.write(`${plural(files.length, 'file')} checked, no problems\n`);
    appendStepSummary(context.env, lintSummaryMarkdown(files));
    return hasErrors(files) ? 1 : 0;
  },
};
