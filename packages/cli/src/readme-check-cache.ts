import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { listContentFiles, readRegularFileIfExists, resolveConfigInput, runKey, writeFileAtomic } from '@llm-notes/core/repository';
import type { CommandContext } from './command.js';

/** Where `gen-readme --check` remembers the inputs it last found up to date (`.cache/` is git-ignored). */
export const README_CHECK_CACHE = '.cache/readme-check.json';

/** Largest README or header/footer file read for the digest (as the generator allows). */
const MAX_INPUT_BYTES = 256 * 1024 * 1024;

interface ReadmeCheckCache {
  readonly format: 1;
  /** Digest of every input of the last run that found (or left) the README and the notes' TOCs up to date. */
  readonly upToDate: string;
}

/**
 * Digest of everything the README generator reads and compares: the tool
 * build, config and content folder setting, every file under the content
 * folder as content discovery sees it (path and bytes; never `node_modules`,
 * hidden or ignored folders), the `.gitignore` files above it, the header
 * and footer files and the README itself.
 * Undefined when the content folder cannot be read plainly (a symlink or
 * special file inside it): then nothing is remembered.
 */
export function readmeInputsDigest(context: CommandContext): string | undefined {
  try {
    const hash = createHash('sha1').update(runKey({ command: 'gen-readme', config: context.config, contentDir: context.contentDir }));
    const contentPath = context.repo.resolve(context.contentDir);
    // The listing alone, without reading the layout: an unchanged run then parses nothing.
    const content = { exists: true, relPath: context.repo.relative(contentPath) || '.' };
    for (const relPath of listContentFiles(context.repo, content)) {
      const file = context.repo.resolve(relPath);
      if (!lstatSync(file).isFile()) return undefined;
      hash.update(`\0${path.relative(contentPath, file)}\0`).update(readFileSync(file));
    }
    // Ignore files above the content folder decide which notes are listed too.
    const segments = path.relative(context.repo.realPath, contentPath).split(path.sep).filter(Boolean);
    for (let depth = 0; depth < segments.length; depth++) {
      const folder = path.join(context.repo.realPath, ...segments.slice(0, depth));
      const ignore = readRegularFileIfExists(path.join(folder, '.gitignore'), '.gitignore', { maxBytes: MAX_INPUT_BYTES });
      hash.update(`\0${depth}/.gitignore\0`).update(ignore ?? 'missing');
    }
    const readme = context.config.readme;
    for (const [key, relPath] of [
      ['readme.output', readme.output],
      ['readme.headerFile', readme.headerFile],
      ['readme.footerFile', readme.footerFile],
    ] as const) {
      if (relPath === null) continue;
      const bytes = readRegularFileIfExists(resolveConfigInput(context.repo, key, relPath), relPath, { maxBytes: MAX_INPUT_BYTES });
      hash.update(`\0${key}\0`).update(bytes ?? 'missing');
    }
    return hash.digest('base64');
  } catch {
    return undefined;
  }
}

/** True when the inputs are exactly those of a run that found everything up to date. */
export function knownUpToDate(context: CommandContext, digest: string | undefined): boolean {
  if (digest === undefined) return false;
  try {
    const bytes = readRegularFileIfExists(context.repo.resolve(README_CHECK_CACHE), README_CHECK_CACHE, { maxBytes: 4096, noFollow: true });
    if (bytes === undefined) return false;
    const cache = JSON.parse(bytes.toString('utf8')) as ReadmeCheckCache;
    return cache.format === 1 && cache.upToDate === digest;
  } catch {
    return false;
  }
}

/** Remembers `digest` as up to date; a cache that cannot be written only costs speed next time. */
export function rememberUpToDate(context: CommandContext, digest: string | undefined): void {
  if (digest === undefined) return;
  try {
    const target = context.repo.resolve(README_CHECK_CACHE);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileAtomic(target, JSON.stringify({ format: 1, upToDate: digest } satisfies ReadmeCheckCache), { root: context.repo.path });
  } catch {
    // Read-only checkout.
  }
}
