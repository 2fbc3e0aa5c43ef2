// Test support (not built): lint and fix text the way `notes fix` does, without the CLI.
import os from 'node:os';
import {
  type LintContext,
  type RuleDefinition,
  type TextEdit,
  RepoRoot,
  applyEdits,
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

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/** Whole messages whose edits do not overlap one taken before (the fix engine's choice). */
function compatibleEdits(messages: readonly VFileMessage[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const sorted = [...messages].sort((a, b) => (a.fix?.[0]?.start ?? 0) - (b.fix?.[0]?.start ?? 0));
  for (const message of sorted) {
    const own = message.fix ?? [];
    const clash = own.some((edit) => edits.some((taken) => overlaps(edit, taken) && !(taken.start === edit.start && taken.end === edit.end && taken.text === edit.text)));
    if (!clash) edits.push(...own);
  }
  return edits;
}

/** Applies the rules' fixes pass after pass until none is left; throws when they do not settle. */
export async function fixText(rules: readonly RuleDefinition[], text: string, context: LintContext): Promise<string> {
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const file = await lintText(rules, current, context);
    const fixable = file.messages.filter((message) => message.fix && message.fix.length > 0);
    if (fixable.length === 0) return current;
    current = applyEdits(current, compatibleEdits(fixable), detectLineEnding(current));
  }
  throw new Error('fixes did not settle after 10 passes');
}

/** The fixable messages left in `text` (a second pass must find none). */
export async function remainingFixes(rules: readonly RuleDefinition[], text: string, context: LintContext): Promise<VFileMessage[]> {
  const file = await lintText(rules, text, context);
  return file.messages.filter((message) => message.fix && message.fix.length > 0);
}
