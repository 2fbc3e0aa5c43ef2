import type { Root } from 'mdast';
import remarkMessageControl from 'remark-message-control';
import type { Processor } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Config, SeverityLabel } from '../config/schema.js';
import { UserError } from '../errors.js';
import type { LintContext } from '../lint-context.js';
import { explainUnknownRuleComments } from '../lint-comments.js';
import { addFatal } from '../note-file.js';
import { takeParsedAhead } from '../parsed-ahead.js';
import { createParser } from '../processor.js';
import { type RuleDefinition, SOURCE, resolveSetting } from '../rule.js';

export interface EnabledRule {
  readonly rule: RuleDefinition;
  readonly severity: Exclude<SeverityLabel, 'off'>;
  readonly options: unknown;
}

/**
 * The rules that run under `config`: those whose severity is not `off`.
 * `only` forces a single rule on (as `fix --rule`), whatever the config says.
 */
export function selectRules(rules: readonly RuleDefinition[], config: Config, only?: readonly string[]): EnabledRule[] {
  const unknown = (only ?? []).filter((id) => !rules.some((rule) => rule.id === id));
  if (unknown.length > 0) {
    const names = unknown.map((id) => `\`${id}\``).join(', ');
    throw new UserError(`unknown rule${unknown.length === 1 ? '' : 's'} ${names} (see \`notes lint --list-rules\`)`);
  }
  const enabled: EnabledRule[] = [];
  for (const rule of rules) {
    const { severity, options } = resolveSetting(rule, config);
    if (only) {
      if (only.includes(rule.id)) enabled.push({ rule, severity: severity === 'off' ? 'warn' : severity, options });
      continue;
    }
    if (severity !== 'off') enabled.push({ rule, severity, options });
  }
  return enabled;
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/u.test(error.message);
}

export type Linter = (file: VFile, context: LintContext) => Promise<VFile>;

/**
 * A function that lints one vfile with the given rules, honouring
 * `<!-- lint disable|enable|ignore -->` comments. A rule or parser failure
 * becomes a fatal message on the file, never an exception.
 */
export function createLinter(rules: readonly EnabledRule[], knownRuleIds: readonly string[]): Linter {
  const processor = createParser() as unknown as Processor<Root, Root, Root>;
  for (const { rule, severity, options } of rules) {
    processor.use(rule.plugin, [severity, options]);
  }
  // Last, so it filters the messages of every rule above.
  processor.use(remarkMessageControl, { name: 'lint', source: SOURCE, known: [...knownRuleIds] });
  processor.freeze();

  return async (file, context) => {
    if (file.value === undefined) return file;
    file.data.lintContext = context;
    try {
      // A tree another note's rule parsed ahead (for its headings) is this very text: not parsed twice.
      const tree = takeParsedAhead(context.cache, String(file.value)) ?? processor.parse(file);
      // One walk the way the rules walk (unist-util-visit, recursive): a tree too deep for it
      // overflows here once, instead of in every rule, each after building its own stack of parents.
      visit(tree, () => undefined);
      await processor.run(tree, file);
      // A tree the parser built but a rule's walk cannot descend: each such rule
      // recorded the overflow as its finding. The file gets the one clear finding instead.
      if (file.messages.some((message) => isStackOverflow(message.cause))) throw new RangeError('Maximum call stack size exceeded');
      // unified-lint-rule stamps every message with its rule's severity; doubtful findings stay warnings.
      for (const message of file.messages) if (message.warningOnly) message.fatal = false;
      explainUnknownRuleComments(file);
    } catch (error) {
      const tooDeep = isStackOverflow(error);
      if (tooDeep) file.messages = file.messages.filter((message) => !isStackOverflow(message.cause));
      const reason = tooDeep ? 'it is nested too deeply to parse (quotes or lists thousands of levels deep); flatten it' : (error as Error).message;
      addFatal(file, `cannot lint file: ${reason}`, 'internal-error');
    }
    return file;
  };
}
