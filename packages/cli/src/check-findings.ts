import { type ImageOptions, SOURCE } from '@llm-notes/core';
import type { ImageRow } from '@llm-notes/images';
import type { FileUpdate } from '@llm-notes/readme';
import type { SarifRuleInfo } from '@llm-notes/reporters';
import { VFile } from 'vfile';
import { firstDifferentLine } from './readme-diff.js';

/** The checks of `check` and the hook that are not lint rules, for SARIF's rule list. */
export const CHECK_RULES: readonly SarifRuleInfo[] = [
  { id: 'readme-outdated', description: 'A generated file (README, a note’s table of contents) differs from what `gen-readme` writes.' },
  { id: 'image-check', description: 'An image is not optimized, is over a size budget, or its extension lies about its format.' },
  { id: 'image-total-budget', description: 'All images together are over `images.maxTotalBytes`.' },
];

function error(file: VFile, reason: string, ruleId: string, line?: number): void {
  const message = file.message(reason, { ...(line === undefined ? {} : { place: { line, column: 1 } }), ruleId, source: SOURCE });
  message.fatal = true;
}

/** One error per stale generated file, at the first line that differs; `fix` is the command that regenerates it. */
export function readmeFindings(stale: readonly FileUpdate[], cwd: string, fix: string): VFile[] {
  return stale.map((update) => {
    const file = new VFile({ path: update.relPath, cwd });
    if (update.before === undefined) {
      error(file, `${update.relPath} is missing: run \`${fix}\``, 'readme-outdated');
    } else {
      const line = firstDifferentLine(update.before, update.after);
      error(file, `out of date from line ${line} on: run \`${fix}\``, 'readme-outdated', line);
    }
    return file;
  });
}

/**
 * One error per failed image, at the image; the total budget at the
 * largest image (the first one to look at when making room).
 */
export function imageFindings(
  rows: readonly ImageRow[],
  total: { overTotal: boolean; totalBytes: number },
  options: ImageOptions,
  cwd: string,
): VFile[] {
  const files = new Map<string, VFile>();
  const fileFor = (relPath: string) => {
    let file = files.get(relPath);
    if (!file) files.set(relPath, (file = new VFile({ path: relPath, cwd })));
    return file;
  };
  for (const row of rows) {
    if (row.status === 'failed' || row.status === 'error') error(fileFor(row.file), row.note ?? row.status, 'image-check');
  }
  if (total.overTotal) {
    const largest = [...rows].sort((a, b) => b.before - a.before)[0];
    if (largest) {
      error(
        fileFor(largest.file),
        `images total ${total.totalBytes} bytes, over the budget of ${options.maxTotalBytes} (images.maxTotalBytes); this is the largest, ${largest.before} bytes`,
        'image-total-budget',
      );
    }
  }
  return [...files.values()];
}
