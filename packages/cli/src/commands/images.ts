import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { IMAGE_EXTENSIONS, acquireWriteLock } from '@llm-notes/core';
import {
  type ImageRow,
  type RunResult,
  checkFiles,
  listImages,
  markdownTable,
  optimizeFiles,
  settingsFromOptions,
  textTable,
} from '@llm-notes/images';
import type { Command, CommandContext } from '../command.js';

const IMAGE_NAME = new RegExp(`\\.(${IMAGE_EXTENSIONS.join('|')})$`, 'i');

/**
 * The images named on the command line (relative to the current folder), or
 * every image under the content folder; symbolic links found while listing
 * are reported, not followed.
 */
function selectFiles(context: CommandContext, positionals: readonly string[]): { files: string[]; symlinks: string[] } {
  if (positionals.length === 0) return listImages(context.repo, context.contentDir);
  const files = positionals
    .filter((file) => IMAGE_NAME.test(file))
    .map((file) => context.repo.relative(context.repo.resolve(path.resolve(file))));
  return { files, symlinks: [] };
}

/** A one-line progress bar on a terminal, a plain line per notable image elsewhere. */
function progressReporter(context: CommandContext, check: boolean) {
  return (row: ImageRow, done: number, total: number) => {
    if (context.interactive) {
      const width = 24;
      const filled = Math.round((done / total) * width);
      const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
      context.stderr.write(`\r\x1b[2K[${bar}] ${done}/${total} ${row.file}`);
      if (done === total) context.stderr.write('\r\x1b[2K');
      return;
    }
    if (row.status === 'optimized' || (!check && row.status === 'error')) {
      context.stdout.write(`${row.status} ${row.file}: ${row.before} → ${row.after} bytes${row.note ? ` (${row.note})` : ''}\n`);
    }
  };
}

function writeJobSummary(context: CommandContext, title: string, rows: readonly ImageRow[]): void {
  const summaryFile = context.env.GITHUB_STEP_SUMMARY;
  if (!summaryFile) return;
  // The CI's own file, outside the repository by design.
  appendFileSync(summaryFile, markdownTable(title, rows));
}

function report(context: CommandContext, title: string, result: RunResult, shown: readonly ImageRow[]): void {
  if (shown.length > 0) context.stdout.write(textTable(shown));
  for (const row of result.rows) {
    if (row.status === 'error' || row.status === 'failed') context.stderr.write(`${row.file}: ${row.note ?? row.status}\n`);
  }
  writeJobSummary(context, title, shown);
}

export const imagesCommand: Command = {
  name: 'images',
  summary: 'optimize the images under the content folder (lossless unless --lossy); --check enforces budgets',
  help: `Usage: notes images [--check] [--lossy] [<file>…]

Optimizes the PNG, JPEG and WebP images under the content folder in place
(GIF and SVG are left alone). Lossless by default: every result is decoded
again and must show exactly the same pixels, with the colour profile kept.
A file is rewritten only when it shrinks by the configured thresholds
(config \`images.minSavingsBytes\`, \`images.minSavingsPercent\`). The manifest
(config \`images.manifest\`) records each image's hash, so a second run skips
everything without decoding.

Options:
  --check           write nothing; exit 1 when an image is not optimized, is
                    over a budget (bytes, pixels), or its extension lies
  --lossy           also allow palette quantisation (PNG), mozjpeg re-encoding
                    (JPEG), lossy WebP and resizing to \`images.maxWidth\`
  <file>…           only these images (e.g. from a pre-commit hook)`,
  options: { check: { type: 'boolean' }, lossy: { type: 'boolean' } },
  allowPositionals: true,
  async run(context, args) {
    const options = context.config.images;
    const settings = settingsFromOptions(options, args.values.lossy === true ? { lossy: true } : {});
    const { files, symlinks } = selectFiles(context, args.positionals);
    for (const link of symlinks) context.stderr.write(`${link}: symbolic link, not followed\n`);
    const complete = args.positionals.length === 0;
    const onImage = progressReporter(context, args.values.check === true);
    if (args.values.check === true) {
      const result = await checkFiles({ repo: context.repo, files, options, settings, complete, onImage });
      const shown = result.rows.filter((row) => row.status !== 'ok' || row.after !== row.before);
      report(context, 'Image check', result, shown);
      if (result.overTotal) {
        context.stderr.write(`images total ${result.totalBytes} bytes, over the budget of ${options.maxTotalBytes} (maxTotalBytes)\n`);
      }
      if (!result.failed) context.stderr.write(`${files.length} images checked: all optimized and within budget\n`);
      return result.failed ? 1 : 0;
    }
    const release = acquireWriteLock(context.repo.path, 'notes images');
    let result: RunResult;
    try {
      result = await optimizeFiles({ repo: context.repo, files, options, settings, complete, onImage });
    } finally {
      release();
    }
    const shown = result.rows.filter((row) => row.status !== 'up to date');
    report(context, 'Image optimization', result, shown);
    context.stderr.write(`${files.length} images, ${result.written} rewritten, ${files.length - shown.length} already up to date\n`);
    return result.failed ? 1 : 0;
  },
};
