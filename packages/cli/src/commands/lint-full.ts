import { UserError, lintProject, lintTargets, ruleDocsUrl, selectRules } from '@llm-notes/core';
import { checkExternalLinks } from '@llm-notes/lint-links';
import type { VFile } from 'vfile';
import type { CommandContext } from '../command.js';
import { plural } from '../plural.js';
import { formatRuleList } from '../rule-list.js';
import { allRules, engineHost } from '../rules-table.js';
import { RULES_FROM_CONFIG, parseWorkers } from './lint-options.js';

/** `lint --list-rules`. */
export function listRules(context: CommandContext): void {
  context.stdout.write(formatRuleList(allRules, context.config));
}

export interface LintArguments {
  readonly values: Record<string, unknown>;
  readonly positionals: string[];
}

/**
 * Lints for real: the rules table, the engine (the cache for unchanged
 * files), external links with `--external`. `targets` when the caller
 * already listed them.
 */
export async function lintWithRules(context: CommandContext, args: LintArguments, targets?: readonly string[]): Promise<VFile[]> {
  const only = args.values.rule as string[] | undefined;
  const rules = selectRules(allRules, context.config, only);
  const workers = parseWorkers(args.values.workers);
  const { files } = await lintProject(context, targets ?? lintTargets(context, args.positionals), rules, {
    // A run of a few rules would replace the cache of the full run: it neither reads nor writes it.
    cache: args.values['no-cache'] !== true && only === undefined,
    remembered: args.values['no-cache'] !== true,
    ...engineHost,
    ...(only === undefined ? { replayAs: RULES_FROM_CONFIG } : {}),
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
  return files;
}

/** The rules as the SARIF report describes them. */
export function sarifRules(): { id: string; description: string; helpUri: string }[] {
  return allRules.map((rule) => ({ id: rule.id, description: rule.description, helpUri: ruleDocsUrl(rule.id) }));
}
