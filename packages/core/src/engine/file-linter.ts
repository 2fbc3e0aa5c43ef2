import { createHash } from 'node:crypto';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { LintContext } from '../lint-context.js';
import { readNote } from '../note-file.js';
import { type RuleDefinition, defineRule } from '../rule.js';
import type { CrossFileFact } from './declarations.js';
import { type EnabledRule, createLinter } from './linter.js';

/** What one linted file leaves behind once its syntax tree is dropped. */
export interface LintedFile {
  readonly file: VFile;
  /**
   * Digest of the facts of this file that the enabled rules read from other
   * files (as they declare them); a change in any file's digest makes every
   * cached finding stale. `unreadable` and `failed` are never cached.
   */
  readonly factsDigest: string;
  /** Values of the facts the rules' after-files phases collect, by fact id. */
  readonly collected: Record<string, unknown>;
}

export type FileLinter = (target: string, context: LintContext) => Promise<LintedFile>;

declare module 'vfile' {
  interface DataMap {
    /** Set by the engine's facts collector: digest of the file's declared cross-file facts. */
    factsDigest: string;
    /** Set by the engine's facts collector: the facts after-files phases collect, by id. */
    collected: Record<string, unknown>;
  }
}

/** A rule that runs after the real rules on the same tree (a file is parsed once) and only takes the declared facts. */
function factsCollector(facts: readonly CrossFileFact[], collects: readonly CrossFileFact[]): RuleDefinition {
  return defineRule(
    {
      id: 'internal-facts',
      description: 'Takes the cross-file facts the enabled rules declare, for the lint cache (internal, never reports).',
      fixable: false,
      defaultSeverity: 'warn',
      docs: { fail: '', messages: [], pass: '' },
    },
    (tree: Root, file: VFile) => {
      const hash = createHash('sha1');
      for (const fact of facts) hash.update(`${fact.id}\0${JSON.stringify(fact.of(tree, file))}\n`);
      file.data.factsDigest = hash.digest('base64');
      file.data.collected = Object.fromEntries(collects.map((fact) => [fact.id, fact.of(tree, file)]));
    },
  );
}

/** Lints one file (read safely from the root) with every enabled rule, plus the digest of its declared facts. */
export function createFileLinter(
  rules: readonly EnabledRule[],
  knownRuleIds: readonly string[],
  facts: readonly CrossFileFact[],
  collects: readonly CrossFileFact[] = [],
): FileLinter {
  const lint = createLinter([...rules, { rule: factsCollector(facts, collects), severity: 'warn', options: undefined }], knownRuleIds);
  return async (target, context) => {
    const file = readNote(context.repo, target);
    if (file.value === undefined) return { file, factsDigest: 'unreadable', collected: {} };
    await lint(file, context);
    const { factsDigest, collected } = file.data;
    return { file, factsDigest: typeof factsDigest === 'string' ? factsDigest : 'failed', collected: collected ?? {} };
  };
}
