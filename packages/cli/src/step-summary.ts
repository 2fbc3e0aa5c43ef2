import { appendFileSync } from 'node:fs';
import type { VFile } from 'vfile';
import { plural } from './plural.js';

/**
 * Appends Markdown to the GitHub Actions job summary when the run has one
 * (`$GITHUB_STEP_SUMMARY`); does nothing elsewhere.
 */
export function appendStepSummary(env: NodeJS.ProcessEnv, markdown: string): void {
  const target = env.GITHUB_STEP_SUMMARY;
  if (!target) return;
  appendFileSync(target, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
}

/** Findings per rule as a Markdown table: rule, errors, warnings. */
export function lintSummaryMarkdown(files: readonly VFile[]): string {
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const file of files) {
    for (const message of file.messages) {
      const id = message.ruleId ?? 'other';
      const entry = counts.get(id) ?? { errors: 0, warnings: 0 };
      if (message.fatal === true) entry.errors++;
      else entry.warnings++;
      counts.set(id, entry);
    }
  }
  if (counts.size === 0) return `### Lint\n\n${plural(files.length, 'file')} checked, no findings.\n`;
  const rows = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, { errors, warnings }]) => `| \`${id}\` | ${errors} | ${warnings} |`);
  return `### Lint\n\n${plural(files.length, 'file')} checked.\n\n| rule | errors | warnings |\n| --- | ---: | ---: |\n${rows.join('\n')}\n`;
}
