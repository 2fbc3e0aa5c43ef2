import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { type EnabledRule, type LintContext, UserError, createLinter, readNote } from '@llm-notes/core';
import type { VFile } from 'vfile';
import type { CommandContext } from './command.js';
import { ruleIds } from './rules-table.js';

/**
 * The Markdown files a run looks at: the given paths (files, or folders whose
 * notes are taken), else every note plus the README when it exists.
 */
export function lintTargets(context: CommandContext, paths: readonly string[]): string[] {
  const content = context.loadContent();
  if (paths.length === 0) {
    const targets = content.notes.map((note) => note.relPath);
    const readme = context.config.readme.output;
    if (existsSync(path.join(context.repo.path, readme))) targets.push(readme);
    return targets;
  }
  const targets: string[] = [];
  for (const given of paths) {
    const absolute = context.repo.resolve(path.resolve(process.cwd(), given));
    if (!existsSync(absolute)) throw new UserError('no such file', { file: given });
    if (statSync(absolute).isDirectory()) {
      const inside = content.notes.filter((note) => note.path.startsWith(`${absolute}${path.sep}`));
      targets.push(...inside.map((note) => note.relPath));
    } else {
      targets.push(context.repo.relative(absolute));
    }
  }
  return [...new Set(targets)];
}

export function createLintContext(context: CommandContext): LintContext {
  return { repo: context.repo, config: context.config, content: context.loadContent(), cache: new Map() };
}

/** Reads and lints each target with `rules`; one vfile per target, in order. */
export async function lintFiles(
  context: CommandContext,
  targets: readonly string[],
  rules: readonly EnabledRule[],
  lintContext: LintContext = createLintContext(context),
): Promise<VFile[]> {
  const lint = createLinter(rules, [...ruleIds]);
  const files: VFile[] = [];
  for (const target of targets) files.push(await lint(readNote(context.repo, target), lintContext));
  return files;
}

export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true));
}
