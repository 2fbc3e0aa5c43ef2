import { statSync } from 'node:fs';
import path from 'node:path';
import { IMAGE_EXTENSIONS, UserError, acquireWriteLock, imageManifestPath } from '@llm-notes/core';
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
import type { Command, CommandContext, Output } from '../command.js';
import { plural } from '../plural.js';
import { appendStepSummary } from '../step-summary.js';

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

/** A row worth a line of its own: something changed, would change, or is wrong. */
function isNotable(row: ImageRow): boolean {
  return row.status === 'optimized' || row.status === 'error' || row.status === 'failed';
}

function describeRow(row: ImageRow): string {
  const sizes = row.after === row.before ? `${row.before} bytes` : `${row.before} → ${row.after} bytes`;
  return `${row.status} ${row.file}: ${sizes}${row.note ? ` (${row.note})` : ''}`;
}

/**
 * Progress: a one-line bar on a terminal (the table follows at the end);
 * elsewhere (CI, pipes) exactly one line per notable image, as it is done.
 */
function progressReporter(context: CommandContext, out: Output) {
  return (row: ImageRow, done: number, total: number) => {
    if (context.interactive) {
      const width = 24;
      const filled = Math.round((done / total) * width);
      const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
      context.stderr.write(`\r\x1b[2K[${bar}] ${done}/${total} ${row.file}`);
      if (done === total) context.stderr.write('\r\x1b[2K');
      return;
    }
    // An image that could not be processed is an error message; the rest is the report.
    if (row.status === 'error') context.stderr.write(`${describeRow(row)}\n`);
    else if (isNotable(row)) out.write(`${describeRow(row)}\n`);
  };
}

export interface ImageCheck {
  readonly result: RunResult & { totalBytes: number; overTotal: boolean };
  readonly files: readonly string[];
}

/**
 * `images --check` without printing a verdict: the rows (every image), the
 * total, and progress on `out`. Used by `images --check`, `check` and the
 * pre-commit hook.
 */
export async function checkImages(context: CommandContext, files: readonly string[], complete: boolean, out: Output): Promise<ImageCheck> {
  const options = context.config.images;
  const settings = settingsFromOptions(options, {});
  const manifest = imageManifestPath(context.contentDir, options);
  const result = await checkFiles({ repo: context.repo, files, options, settings, complete, manifest, onImage: progressReporter(context, out) });
  return { result, files };
}

/** The job summary's image table: every image looked at, and the true total. */
function writeJobSummary(context: CommandContext, title: string, rows: readonly ImageRow[]): void {
  if (rows.length > 0) appendStepSummary(context.env, markdownTable(title, rows));
}

/** The verdict line of a check, on stderr. */
export function imageCheckVerdict(context: CommandContext, check: ImageCheck): string {
  const { result, files } = check;
  const options = context.config.images;
  const lines: string[] = [];
  if (result.overTotal) lines.push(`images total ${result.totalBytes} bytes, over the budget of ${options.maxTotalBytes} (maxTotalBytes)`);
  const failed = result.rows.filter((row) => row.status === 'failed').length;
  if (!result.failed) lines.push(`${plural(files.length, 'image')} checked: all optimized and within budget`);
  else if (failed > 0) lines.push(`${plural(files.length, 'image')} checked: ${plural(failed, 'image')} failed`);
  if (result.rows.some((row) => row.status === 'failed' && row.note?.includes('not optimized'))) {
    lines.push(`Run \`${context.invocation.command('images')}\` to optimize them.`);
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** Before any image is rewritten: the manifest's folder must exist, or the run would end in a failed write. */
function assertManifestFolder(context: CommandContext, manifest: string): void {
  const folder = path.dirname(context.repo.resolve(manifest));
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    // Reported below.
  }
  if (!isFolder) {
    throw new UserError('the folder of the image manifest does not exist (config `images.manifest` is relative to the content folder); nothing written', {
      file: manifest,
    });
  }
}

export const imagesCommand: Command = {
  name: 'images',
  summary: 'optimize the images under the content folder (lossless unless --lossy); --check enforces budgets',
  help: `Usage: notes images [--check | --dry-run] [--lossy] [--strip-metadata] [<file>…]

Optimizes the PNG, JPEG and WebP images under the content folder in place
(GIF and SVG are left alone). Lossless by default: every result is decoded
again and must show exactly the same pixels, with the colour profile kept.
A file is rewritten only when it shrinks by the configured thresholds
(config \`images.minSavingsBytes\`, \`images.minSavingsPercent\`). The manifest
(config \`images.manifest\`, inside the content folder) records each image's hash, so a second run skips
everything without decoding.

Options:
  --check           write nothing; exit 1 when an image is not optimized, is
                    over a budget (bytes, pixels), or its extension lies
  --dry-run         optimize in memory and show what would be rewritten;
                    write nothing; exit 1 when an image would be rewritten
  --lossy           also allow palette quantisation (PNG), mozjpeg re-encoding
                    (JPEG), lossy WebP and resizing to \`images.maxWidth\`
  --strip-metadata  drop metadata that does not change how an image renders
                    (PNG text such as copyright, time, background, data after
                    the end; JPEG and WebP EXIF, XMP and IPTC). By default it is
                    kept byte for byte and an EXIF orientation stays metadata;
                    when stripping, a re-encoded JPEG or WebP (and a quantised
                    PNG) gets its orientation applied to the pixels instead.
                    The summary says per image what was kept, removed or applied
  <file>…           only these images (e.g. from a pre-commit hook)`,
  options: { check: { type: 'boolean' }, lossy: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, 'strip-metadata': { type: 'boolean' } },
  allowPositionals: true,
  async run(context, args) {
    const options = context.config.images;
    const { files, symlinks } = selectFiles(context, args.positionals);
    for (const link of symlinks) context.stderr.write(`${link}: symbolic link, not followed\n`);
    const complete = args.positionals.length === 0;
    if (args.values.check === true) {
      const check = await checkImages(context, files, complete, context.stdout);
      const shown = check.result.rows.filter((row) => row.status !== 'ok' || row.after !== row.before);
      if (context.interactive && shown.length > 0) context.stdout.write(textTable(shown));
      writeJobSummary(context, 'Image check', check.result.rows);
      context.stderr.write(imageCheckVerdict(context, check));
      return check.result.failed ? 1 : 0;
    }
    const dryRun = args.values['dry-run'] === true;
    const settings = settingsFromOptions(options, {
      ...(args.values.lossy === true ? { lossy: true } : {}),
      ...(args.values['strip-metadata'] === true ? { stripMetadata: true } : {}),
    });
    const onImage = progressReporter(context, context.stdout);
    const manifest = imageManifestPath(context.contentDir, options);
    if (!dryRun) assertManifestFolder(context, manifest);
    const release = dryRun ? () => {} : acquireWriteLock(context.repo.path, 'notes images');
    let result: RunResult;
    try {
      result = await optimizeFiles({ repo: context.repo, files, options, settings, complete, manifest, onImage, dryRun });
    } finally {
      release();
    }
    const shown = result.rows.filter((row) => row.status !== 'up to date');
    if (context.interactive && shown.length > 0) context.stdout.write(textTable(shown));
    writeJobSummary(context, dryRun ? 'Image optimization (dry run)' : 'Image optimization', result.rows);
    const rewritten = result.rows.filter((row) => row.status === 'optimized').length;
    const upToDate = result.rows.filter((row) => row.status === 'up to date').length;
    const verb = dryRun ? 'would be rewritten' : 'rewritten';
    context.stderr.write(`${plural(files.length, 'image')}: ${rewritten} ${verb}, ${upToDate} already up to date\n`);
    if (result.failed) return 1;
    return dryRun && rewritten > 0 ? 1 : 0;
  },
};
