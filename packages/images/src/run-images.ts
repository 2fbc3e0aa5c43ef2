import { lstatSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { type ImageOptions, type RepoRoot, UserError, readRegularFile, writeFileAtomic } from '@llm-notes/core';
import { ImageError } from './image-error.js';
import { ImageLibraryUnavailable, loadSharp } from './load-sharp.js';
import { type Manifest, hashBytes, isUpToDate, readManifest, writeManifest } from './manifest.js';
import { mapConcurrent } from './map-concurrent.js';
import { assertPixelBudget } from './image-size.js';
import { sniffFormat } from './image-format.js';
import { assertHonestExtension, optimizeImage } from './optimize-image.js';
import { type OptimizeSettings, settingsLabel } from './settings.js';
import type { ImageRow } from './summary-table.js';

export interface RunOptions {
  readonly repo: RepoRoot;
  /** Image paths relative to the root. */
  readonly files: readonly string[];
  readonly options: ImageOptions;
  readonly settings: OptimizeSettings;
  /** The manifest, relative to the root (see `imageManifestPath`). */
  readonly manifest: string;
  /** True when `files` is every image of the content: manifest entries of vanished files are dropped. */
  readonly complete: boolean;
  /** Called after each image (progress). */
  readonly onImage?: (row: ImageRow, done: number, total: number) => void;
  /** Optimize in memory only: neither the images nor the manifest are written. */
  readonly dryRun?: boolean;
}

export interface RunResult {
  readonly rows: ImageRow[];
  /** True when any image failed (error, or a failed check). */
  readonly failed: boolean;
  /** Files rewritten (optimize only). */
  readonly written: number;
}

/** Saving large enough to be worth a rewrite (both thresholds of the config). */
export function worthWriting(before: number, after: number, options: ImageOptions): boolean {
  const saved = before - after;
  return saved > 0 && saved >= options.minSavingsBytes && (saved / before) * 100 >= options.minSavingsPercent;
}

/** Larger than any figure of a notes repository; a bigger file is refused before it is read. */
const MAX_IMAGE_FILE_BYTES = 512 * 1024 * 1024;

/** Reads an image the safe way: through the root check, never through a symlink. */
function readImage(repo: RepoRoot, file: string): Buffer {
  const absolute = repo.resolve(file);
  if (lstatSync(absolute).isSymbolicLink()) throw new ImageError('is a symbolic link; not followed');
  return readRegularFile(absolute, file, { maxBytes: MAX_IMAGE_FILE_BYTES });
}

function describeError(error: unknown): string {
  if (error instanceof UserError) return error.message;
  return (error as Error).message ?? String(error);
}

/**
 * Optimizes `files` in place: each image is tried in memory and rewritten
 * (atomically) only when the saving passes the thresholds; the manifest
 * records every image tried, so the next run skips it without decoding.
 * The caller holds the write lock.
 */
export async function optimizeFiles(run: RunOptions): Promise<RunResult> {
  const { repo, options, settings } = run;
  const manifest = readManifest(repo, run.manifest);
  const label = settingsLabel(settings);
  let done = 0;
  let written = 0;
  let changed = false;
  const rows = await mapConcurrent(run.files, availableParallelism(), async (file): Promise<ImageRow> => {
    let row: ImageRow;
    let bytes: Buffer | undefined;
    try {
      bytes = readImage(repo, file);
      const hash = hashBytes(bytes);
      if (isUpToDate(manifest.get(file), hash, label)) {
        row = { file, before: bytes.length, after: bytes.length, status: 'up to date' };
      } else {
        // Loaded only when needed: a run where everything is up to date never loads the image library.
        const result = await optimizeImage(loadSharp, file, bytes, settings);
        if (result.kind === 'skipped') {
          row = { file, before: bytes.length, after: bytes.length, status: 'skipped', note: result.reason };
        } else if (result.best && worthWriting(bytes.length, result.best.bytes.length, options)) {
          // Another program (a figure renderer) may have rewritten the file meanwhile: never replace newer work.
          if (hashBytes(readImage(repo, file)) !== hash) throw new ImageError('changed while being optimized; left alone, run again');
          if (run.dryRun !== true) writeFileAtomic(repo.resolve(file), result.best.bytes, { root: repo.path });
          // Recorded once written (an image that could not be written keeps its old entry), and saved at
          // once: a crash or a full disk later in the run leaves image and manifest consistent.
          manifest.set(file, { sha256: hashBytes(result.best.bytes), settings: label });
          if (run.dryRun !== true) writeManifest(repo, run.manifest, manifest);
          written++;
          const note = result.note ? `${result.best.encoding}; ${result.note}` : result.best.encoding;
          row = { file, before: bytes.length, after: result.best.bytes.length, status: 'optimized', note };
        } else {
          // Recorded too, so an image that cannot shrink enough is not tried again.
          manifest.set(file, { sha256: hash, settings: label });
          changed = true;
          const why = result.best ? 'saving under the threshold' : 'already as small as we can make it';
          const note = result.note ? `${why}; ${result.note}` : why;
          row = { file, before: bytes.length, after: bytes.length, status: 'unchanged', note };
        }
      }
    } catch (error) {
      if (error instanceof ImageLibraryUnavailable || (!(error instanceof ImageError) && !(error instanceof UserError))) throw error;
      const size = bytes?.length ?? 0;
      row = { file, before: size, after: size, status: 'error', note: describeError(error) };
    }
    run.onImage?.(row, ++done, run.files.length);
    return row;
  });
  if (run.complete) {
    const present = new Set(run.files);
    for (const file of [...manifest.keys()]) {
      if (!present.has(file)) {
        manifest.delete(file);
        changed = true;
      }
    }
  }
  if (changed && run.dryRun !== true) writeManifest(repo, run.manifest, manifest);
  return { rows, failed: rows.some((row) => row.status === 'error'), written };
}

/**
 * Read-only: fails an image that is not in the manifest and would shrink,
 * that is over a budget (bytes, pixels) or whose extension lies about its
 * format; and the whole set when it is over the total byte budget.
 */
export async function checkFiles(run: RunOptions): Promise<RunResult & { totalBytes: number; overTotal: boolean }> {
  const { repo, options, settings } = run;
  const manifest: Manifest = readManifest(repo, run.manifest);
  const label = settingsLabel(settings);
  let done = 0;
  const rows = await mapConcurrent(run.files, availableParallelism(), async (file): Promise<ImageRow> => {
    let bytes: Buffer | undefined;
    let row: ImageRow;
    try {
      bytes = readImage(repo, file);
      const problems: string[] = [];
      assertHonestExtension(file, bytes);
      if (bytes.length > options.maxBytesPerImage) {
        problems.push(`${bytes.length} bytes, over the per-image budget of ${options.maxBytesPerImage} (maxBytesPerImage)`);
      }
      let decodable = true;
      try {
        assertPixelBudget(bytes, sniffFormat(bytes)!, options.maxPixels);
      } catch (error) {
        if (!(error instanceof ImageError)) throw error;
        problems.push(error.message);
        decodable = false;
      }
      let after = bytes.length;
      if (decodable && !isUpToDate(manifest.get(file), hashBytes(bytes), label)) {
        const result = await optimizeImage(loadSharp, file, bytes, settings);
        if (result.kind === 'tried' && result.best && worthWriting(bytes.length, result.best.bytes.length, options)) {
          after = result.best.bytes.length;
          problems.push('not optimized');
        }
      }
      row = problems.length > 0
        ? { file, before: bytes.length, after, status: 'failed', note: problems.join('; ') }
        : { file, before: bytes.length, after, status: 'ok' };
    } catch (error) {
      if (error instanceof ImageLibraryUnavailable || (!(error instanceof ImageError) && !(error instanceof UserError))) throw error;
      const size = bytes?.length ?? 0;
      row = { file, before: size, after: size, status: 'failed', note: describeError(error) };
    }
    run.onImage?.(row, ++done, run.files.length);
    return row;
  });
  const totalBytes = rows.reduce((sum, row) => sum + row.before, 0);
  const overTotal = run.complete && totalBytes > options.maxTotalBytes;
  return { rows, failed: overTotal || rows.some((row) => row.status === 'failed'), written: 0, totalBytes, overTotal };
}
