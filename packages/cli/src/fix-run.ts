import { statSync } from 'node:fs';
import { type EnabledRule, type LintContext, applyEdits, createLinter, readNote, selectFixes } from '@llm-notes/core';
import { VFile } from 'vfile';
import type { CommandContext } from './command.js';
import { ruleIds } from './rules-table.js';

/** Passes before giving up: each pass applies every fix that does not overlap another. */
const MAX_PASSES = 10;

export interface FileFix {
  readonly path: string;
  /** Decoded text before and after (without BOM). */
  readonly before: string;
  readonly after: string;
  readonly bom: boolean;
  /** Fixes applied per rule id. */
  readonly counts: ReadonlyMap<string, number>;
  /** The file as read, with fatal messages when it could not be processed. */
  readonly file: VFile;
  /** True when fixes were still being found after the last pass. */
  readonly unsettled: boolean;
}

/** Runs the rules and applies their fixes until none is left (in memory only). */
export async function fixFile(
  context: CommandContext,
  target: string,
  rules: readonly EnabledRule[],
  lintContext: LintContext,
): Promise<FileFix> {
  const original = readNote(context.repo, target);
  const decoded = original.data.decoded;
  const counts = new Map<string, number>();
  if (!decoded) return { path: target, before: '', after: '', bom: false, counts, file: original, unsettled: false };
  const lint = createLinter(rules, [...ruleIds]);
  let text = decoded.text;
  let unsettled = false;
  for (let pass = 0; ; pass++) {
    const file = new VFile({ path: original.path, cwd: context.repo.path, value: text });
    file.data.decoded = { ...decoded, text };
    await lint(file, lintContext);
    // A rule or parser crash becomes an `internal-error` message on this pass's file (not on
    // `original`): surface it, as `lint` would, and stop fixing this file.
    const fatal = file.messages.filter((message) => message.fatal === true && message.ruleId === 'internal-error');
    if (fatal.length > 0) {
      original.messages.push(...fatal);
      break;
    }
    const fixable = file.messages.filter((message) => message.fix && message.fix.length > 0);
    if (fixable.length === 0) break;
    if (pass === MAX_PASSES) {
      unsettled = true;
      break;
    }
    const { edits, chosen } = selectFixes(fixable);
    const next = applyEdits(text, edits, decoded.eol);
    if (next === text) break;
    text = next;
    for (const message of chosen) counts.set(message.ruleId ?? 'unknown', (counts.get(message.ruleId ?? 'unknown') ?? 0) + 1);
  }
  return { path: original.path, before: decoded.text, after: text, bom: decoded.bom, counts, file: original, unsettled };
}

/**
 * True when the file has no write permission bit. Checked on the mode, not with
 * access(2), which always answers yes to root.
 */
export function isReadOnly(absolute: string): boolean {
  return (statSync(absolute).mode & 0o222) === 0;
}
