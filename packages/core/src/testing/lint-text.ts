import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { loadConfig, parseConfig } from '../config/load-config.js';
import { type ContentModel, discoverContent } from '../content-model.js';
import { type FixLoopResult, runFixLoop } from '../engine/fix.js';
import { createLinter, selectRules } from '../engine/linter.js';
import type { LintContext } from '../lint-context.js';
import type { RuleDefinition } from '../rule.js';
import { RepoRoot } from '../safe-path.js';
import { detectLineEnding } from '../text-file.js';

/**
 * The lint context of a run at `root`: `config` when given (as `notes.config.json`
 * would hold it), else the root's own config or the defaults; its content when it
 * has one; a fresh cache.
 */
export function testLintContext(root: string, config?: object): LintContext {
  const repo = new RepoRoot(root);
  const settings = config === undefined ? loadConfig(root) : parseConfig(JSON.stringify(config), 'notes.config.json');
  let content: ContentModel | undefined;
  try {
    content = discoverContent(repo, settings.content);
  } catch {
    content = undefined;
  }
  return { repo, config: settings, content, cache: new Map() };
}

export interface LintTextOptions {
  readonly context: LintContext;
  /** The note's path relative to the context's root. */
  readonly path?: string;
  /** Rule ids that lint comments may name without a warning; the rules linted by default. */
  readonly knownRuleIds?: readonly string[];
}

/** Lints `text` as the note at `options.path` with `rules`, each at its severity under the context's config (on, as `fix --rule` turns it on, when off). */
export async function lintText(rules: readonly RuleDefinition[], text: string, options: LintTextOptions): Promise<VFile> {
  const { context } = options;
  const ids = rules.map((rule) => rule.id);
  const lint = createLinter(selectRules(rules, context.config, ids), options.knownRuleIds ?? ids);
  const file = new VFile({ path: options.path ?? 'note.md', cwd: context.repo.path, value: text });
  file.data.decoded = { text, bom: false, eol: detectLineEnding(text) };
  return lint(file, context);
}

/** Fixes `text` with `rules` through the fix loop of `notes fix`, in memory. */
export async function fixText(rules: readonly RuleDefinition[], text: string, options: LintTextOptions): Promise<FixLoopResult> {
  return runFixLoop(text, (current) => lintText(rules, current, options), { eol: detectLineEnding(text) });
}

/** The fixed text; throws when the fixes do not settle or a rule crashes. */
export async function fixedText(rules: readonly RuleDefinition[], text: string, options: LintTextOptions): Promise<string> {
  const outcome = await fixText(rules, text, options);
  if (outcome.crashes.length > 0) throw new Error(`a rule failed while fixing: ${outcome.crashes.map(messageLine).join('; ')}`);
  if (outcome.unsettled) throw new Error(`fixes did not settle: ${outcome.remaining.map(messageLine).join('; ')}`);
  return outcome.text;
}

/** The messages with a fix that the rules still give on `text` (after a fix: must be none). */
export async function remainingFixes(rules: readonly RuleDefinition[], text: string, options: LintTextOptions): Promise<VFileMessage[]> {
  const file = await lintText(rules, text, options);
  return file.messages.filter((message) => message.fix && message.fix.length > 0);
}

/** `line:column: reason`, the form the docs examples list their messages in. */
export function messageLine(message: VFileMessage): string {
  return `${message.line ?? 0}:${message.column ?? 0}: ${message.reason}`;
}
