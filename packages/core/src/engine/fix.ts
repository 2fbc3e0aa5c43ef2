import { statSync } from 'node:fs';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { applyEdits, selectFixes } from '../edits.js';
import type { LintContext } from '../lint-context.js';
import { readNote } from '../note-file.js';
import type { LineEnding } from '../text-file.js';
import { type EnabledRule, createLinter } from './linter.js';

/** Passes before giving up: each pass applies every fix that does not overlap another. */
export const MAX_FIX_PASSES = 10;

export interface FixLoopResult {
  /** The text once no fix is left (or after the last pass). */
  readonly text: string;
  /** Fixes applied per rule id. */
  readonly counts: ReadonlyMap<string, number>;
  /** True when fixes were still being found after the last pass. */
  readonly unsettled: boolean;
  /** Passes that applied fixes. */
  readonly passes: number;
  /** A rule or parser crash (`internal-error`) that stopped the loop. */
  readonly crashes: readonly VFileMessage[];
  /** The messages of the last pass's lint (what is left once the fixes are applied). */
  readonly remaining: readonly VFileMessage[];
}

/**
 * The one fix loop: lints `text`, applies every fix whose edits overlap no
 * fix taken before it in the same pass (`selectFixes`), and lints again,
 * until no fix is left or `maxPasses` passes applied fixes. Line breaks
 * inside inserted text take the file's `eol`. In memory only.
 */
export async function runFixLoop(
  text: string,
  lint: (text: string) => Promise<VFile>,
  options: { readonly eol?: LineEnding; readonly maxPasses?: number } = {},
): Promise<FixLoopResult> {
  const maxPasses = options.maxPasses ?? MAX_FIX_PASSES;
  const counts = new Map<string, number>();
  let current = text;
  for (let pass = 0; ; pass++) {
    const file = await lint(current);
    const crashes = file.messages.filter((message) => message.fatal === true && message.ruleId === 'internal-error');
    const fixable = file.messages.filter((message) => message.fix && message.fix.length > 0);
    const done = (unsettled: boolean): FixLoopResult => ({ text: current, counts, unsettled, passes: pass, crashes, remaining: file.messages });
    if (crashes.length > 0 || fixable.length === 0) return done(false);
    if (pass === maxPasses) return done(true);
    const { edits, chosen } = selectFixes(fixable);
    const next = applyEdits(current, edits, options.eol ?? '\n');
    if (next === current) return done(false);
    current = next;
    for (const message of chosen) counts.set(message.ruleId ?? 'unknown', (counts.get(message.ruleId ?? 'unknown') ?? 0) + 1);
  }
}

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

/** Reads a note and runs the fix loop on it with `rules` (in memory only; the caller writes). */
export async function fixFile(lintContext: LintContext, target: string, rules: readonly EnabledRule[], knownRuleIds?: readonly string[]): Promise<FileFix> {
  const { repo } = lintContext;
  const original = readNote(repo, target);
  const decoded = original.data.decoded;
  if (!decoded) return { path: target, before: '', after: '', bom: false, counts: new Map(), file: original, unsettled: false };
  const lint = createLinter(rules, knownRuleIds ?? rules.map(({ rule }) => rule.id));
  const result = await runFixLoop(
    decoded.text,
    async (text) => {
      const file = new VFile({ path: original.path, cwd: repo.path, value: text });
      file.data.decoded = { ...decoded, text };
      return lint(file, lintContext);
    },
    { eol: decoded.eol },
  );
  // A rule or parser crash is reported on the file as `lint` would; fixing this file stopped there.
  original.messages.push(...result.crashes);
  return { path: original.path, before: decoded.text, after: result.text, bom: decoded.bom, counts: result.counts, file: original, unsettled: result.unsettled };
}

/**
 * True when the file has no write permission bit. Checked on the mode, not with
 * access(2), which always answers yes to root.
 */
export function isReadOnly(absolute: string): boolean {
  return (statSync(absolute).mode & 0o222) === 0;
}
