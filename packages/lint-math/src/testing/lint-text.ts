import { type LintContext, type RuleDefinition, RepoRoot, applyEdits, configSchema, createLinter, selectFixes } from '@llm-notes/core';
import { VFile } from 'vfile';

/** A lint context for tests: the defaults, a root, and a fresh per-run cache. */
export function testContext(root: string): LintContext {
  return { repo: new RepoRoot(root), config: configSchema.parse({}), content: undefined, cache: new Map() };
}

/** Lints `text` with the given rules at their default severity. */
export async function lintText(text: string, rules: readonly RuleDefinition[], context: LintContext, path = 'note.md'): Promise<VFile> {
  const enabled = rules.map((rule) => ({ rule, severity: rule.defaultSeverity === 'warn' ? ('warn' as const) : ('error' as const), options: undefined }));
  const linter = createLinter(enabled, rules.map((rule) => rule.id));
  return linter(new VFile({ path, value: text }), context);
}

/** Applies the rules' fixes pass after pass until none is left (at most 10 passes). */
export async function fixText(text: string, rules: readonly RuleDefinition[], context: LintContext): Promise<string> {
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const file = await lintText(current, rules, context);
    const { edits } = selectFixes(file.messages.filter((message) => message.fix && message.fix.length > 0));
    if (edits.length === 0) return current;
    current = applyEdits(current, edits);
  }
  return current;
}
