// Test support (not built): lint and fix text the way `notes fix` does, without the CLI.
import os from 'node:os';
import {
  type LintContext,
  type RuleDefinition,
  RepoRoot,
  applyEdits,
  selectFixes,
  createLinter,
  detectLineEnding,
  parseConfig,
} from '@llm-notes/core';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

/** A lint context with `config`; these rules never read the repository, so any existing folder serves as root. */
export function lintContextFor(config: object = {}): LintContext {
  return { repo: new RepoRoot(os.tmpdir()), config: parseConfig(JSON.stringify(config), 'notes.config.json'), content: undefined, cache: new Map() };
}

export async function lintText(rules: readonly RuleDefinition[], text: string, context: LintContext): Promise<VFile> {
  const lint = createLinter(
    rules.map((rule) => ({ rule, severity: 'warn' as const, options: undefined })),
    rules.map((rule) => rule.id),
  );
  const file = new VFile({ path: 'note.md', value: text });
  return lint(file, context);
}

/** Applies the rules' fixes pass after pass until none is left; throws when they do not settle. */
export async function fixText(rules: readonly RuleDefinition[], text: string, context: LintContext): Promise<string> {
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const file = await lintText(rules, current, context);
    const fixable = file.messages.filter((message) => message.fix && message.fix.length > 0);
    if (fixable.length === 0) return current;
    current = applyEdits(current, selectFixes(fixable).edits, detectLineEnding(current));
  }
  throw new Error('fixes did not settle after 10 passes');
}

/** The fixable messages left in `text` (a second pass must find none). */
export async function remainingFixes(rules: readonly RuleDefinition[], text: string, context: LintContext): Promise<VFileMessage[]> {
  const file = await lintText(rules, text, context);
  return file.messages.filter((message) => message.fix && message.fix.length > 0);
}
