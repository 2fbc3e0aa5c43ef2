import { createHash } from 'node:crypto';
import path from 'node:path';
import { type EnabledRule, type LintContext, createLinter, defineRule, getLintContext, readNote } from '@llm-notes/core';
import { noteFacts, referencedPaths } from '@llm-notes/lint-links';
import type { VFile } from 'vfile';

/** What one linted file leaves behind once its syntax tree is dropped. */
export interface LintedFile {
  readonly file: VFile;
  /**
   * Digest of what other files may depend on (its anchors and the paths it
   * links to); a change in any file's digest invalidates every cached result.
   */
  readonly factsDigest: string;
}

export type NoteLinter = (target: string, context: LintContext) => Promise<LintedFile>;

declare module 'vfile' {
  interface DataMap {
    /** Set by the facts collector: the digest `LintedFile.factsDigest` reports. */
    factsDigest: string;
  }
}

// Runs after the real rules on the same tree, so a file is parsed once; it never reports.
const factsCollector = defineRule(
  {
    id: 'internal-facts',
    description: 'Collects the cross-file facts of a note for the lint cache (internal, never reports).',
    fixable: false,
    defaultSeverity: 'warn',
    docs: { fail: '', pass: '' },
  },
  (tree, file) => {
    const context = getLintContext(file);
    if (!context || !file.path) return;
    const text = String(file.value ?? '');
    const facts = noteFacts(tree, text);
    const linked = referencedPaths(context.repo.path, path.resolve(context.repo.path, file.path), text, tree).sort();
    file.data.factsDigest = createHash('sha1').update(JSON.stringify([facts.anchors, linked])).digest('base64');
  },
);

/** Lints one file (read safely from the root) with every enabled rule, plus the facts digest. */
export function createNoteLinter(rules: readonly EnabledRule[], knownRuleIds: readonly string[]): NoteLinter {
  const lint = createLinter([...rules, { rule: factsCollector, severity: 'warn', options: undefined }], knownRuleIds);
  return async (target, context) => {
    const file = readNote(context.repo, target);
    if (file.value === undefined) return { file, factsDigest: 'unreadable' };
    await lint(file, context);
    return { file, factsDigest: file.data.factsDigest ?? 'failed' };
  };
}
