import type { VFile } from 'vfile';
import type { LintContext } from '../lint-context.js';
import { addFatal, readNote } from '../note-file.js';
import { report } from '../report.js';
import { type RuleDefinition, defineRule } from '../rule.js';
import type { CrossFileFact, RunFinding } from './declarations.js';
import { type EnabledRule, createLinter } from './linter.js';

/** The rules that lint file by file, and those whose findings wait for every file (their after-files phase). */
export function splitRules(rules: readonly EnabledRule[]): { perFile: EnabledRule[]; afterFiles: EnabledRule[] } {
  return { perFile: rules.filter(({ rule }) => !rule.afterFiles), afterFiles: rules.filter(({ rule }) => rule.afterFiles) };
}

/** The facts the after-files phases collect, each once by id. */
export function collectedFacts(rules: readonly EnabledRule[]): CrossFileFact[] {
  const facts = new Map<string, CrossFileFact>();
  for (const { rule } of rules) for (const fact of rule.afterFiles?.collects ?? []) if (!facts.has(fact.id)) facts.set(fact.id, fact);
  return [...facts.values()];
}

/** A stand-in for `rule` that reports the given findings, so they pass through severity and `<!-- lint … -->` comments like any finding. */
function replay(rule: RuleDefinition, findings: readonly RunFinding[]): RuleDefinition {
  return defineRule({ ...rule, afterFiles: undefined }, (_tree, file) => {
    for (const finding of findings) {
      const start = { line: finding.line ?? 1, column: finding.column ?? 1 };
      report(file, finding.reason, { start, end: start });
    }
  });
}

/**
 * Runs the after-files phase of `rules` over the collected facts (path → fact
 * id → value) and adds their findings to `files` (by path). A file that gets
 * findings is read and parsed once more, for its lint comments.
 */
export async function runAfterFiles(
  rules: readonly EnabledRule[],
  collected: ReadonlyMap<string, Record<string, unknown>>,
  context: LintContext,
  files: ReadonlyMap<string, VFile>,
  knownRuleIds: readonly string[],
): Promise<void> {
  for (const enabled of rules) {
    const phase = enabled.rule.afterFiles;
    if (!phase) continue;
    const facts = (id: string) => {
      const values = new Map<string, unknown>();
      for (const [target, record] of collected) if (id in record) values.set(target, record[id]);
      return values;
    };
    const byPath = new Map<string, RunFinding[]>();
    let found: readonly RunFinding[];
    try {
      found = phase.run({ paths: new Set(collected.keys()), facts }, context);
    } catch (error) {
      // Like a per-file rule failure: a fatal finding (on the first file of the run), never an exception.
      const first = files.values().next().value;
      if (first) addFatal(first, `cannot run rule ${enabled.rule.id} over all files: ${(error as Error).message}`, 'internal-error');
      continue;
    }
    for (const finding of found) {
      const list = byPath.get(finding.path);
      if (list) list.push(finding);
      else byPath.set(finding.path, [finding]);
    }
    for (const [target, findings] of byPath) {
      const file = files.get(target);
      if (!file) continue;
      const lint = createLinter([{ ...enabled, rule: replay(enabled.rule, findings) }], knownRuleIds);
      const replayed = await lint(readNote(context.repo, target), context);
      for (const message of replayed.messages) if (message.ruleId === enabled.rule.id) file.messages.push(message);
    }
  }
}
