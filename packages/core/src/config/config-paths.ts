import { lstatSync } from 'node:fs';
import path from 'node:path';
import { IMAGE_EXTENSIONS } from '../content-model.js';
import { UserError } from '../errors.js';
import { parseNumberedName } from '../numbered-name.js';
import { RESERVED_PATHS } from '../reserved-paths.js';
import { type RepoRoot, isWithin, resolveInsideRoot } from '../safe-path.js';
import { imageManifestPath } from './image-options.js';
import { CONFIG_FILE, CONFIG_FILES } from './load-config.js';
import type { Config } from './schema.js';

/**
 * Every path a config names is either an output (a file a command writes:
 * README, image manifest, link cache) or an input (a file copied into the
 * README). Both must resolve, through symlinks, inside the root and outside
 * any `.git` folder (hooks, credentials in `.git/config`). An output may
 * further never land on a note, an image, the config itself or a file the
 * toolchain reserves (lock, temp folder), and never on a folder.
 */

const IMAGE_EXTENSION = new RegExp(`\\.(?:${IMAGE_EXTENSIONS.join('|')})$`, 'iu');
const MARKDOWN_EXTENSION = /\.(?:md|markdown)$/iu;

function refuse(key: string, value: string, reason: string): never {
  throw new UserError(`config \`${key}\` (${JSON.stringify(value)}) ${reason}`, { file: CONFIG_FILE });
}

function posixRelative(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/');
}

function insideGitFolder(relative: string): boolean {
  // Case-insensitive: `.GIT/hooks` is `.git/hooks` on macOS and Windows file systems.
  return relative.split('/').some((part) => part.toLowerCase() === '.git');
}

/** Resolves `value` (relative to the root) through symlinks inside the root; refuses `.git` and the root itself. */
function resolveConfigPath(repo: RepoRoot, key: string, value: string): { real: string; relative: string } {
  if (value.trim() === '') refuse(key, value, 'is empty');
  if (value.includes('\0')) refuse(key, value, 'contains a NUL character');
  if (path.isAbsolute(value)) refuse(key, value, 'must be relative to the repository root');
  const lexical = path.resolve(repo.realPath, value);
  if (!isWithin(repo.realPath, lexical)) refuse(key, value, 'leads outside the repository root');
  let real: string;
  try {
    real = resolveInsideRoot(repo.realPath, lexical, value, repo.path);
  } catch (error) {
    if (error instanceof UserError) refuse(key, value, error.message.replace(/^path /u, ''));
    throw error;
  }
  const relative = posixRelative(repo.realPath, real);
  if (relative === '') refuse(key, value, 'names the repository root folder, not a file');
  if (insideGitFolder(posixRelative(repo.realPath, lexical)) || insideGitFolder(relative)) {
    refuse(key, value, 'is inside `.git`; the toolchain never reads or writes there');
  }
  return { real, relative };
}

/**
 * True when `real` lies in a chapter (a numbered folder) of the content
 * folder, where every Markdown file is a note. With the chapters at the root
 * (`content: "."`) the README beside them is not in a chapter.
 */
function inChapter(content: string, real: string): boolean {
  if (!isWithin(content, real)) return false;
  const [first, ...rest] = posixRelative(content, real).split('/');
  return rest.length > 0 && first !== undefined && parseNumberedName(first) !== undefined;
}

/**
 * The absolute (symlink-resolved) path of an output named by config key
 * `key`, or a UserError naming the key. `contentDir` (relative to the root)
 * is where the notes and images live.
 */
export function resolveConfigOutput(repo: RepoRoot, key: string, value: string, contentDir = 'content'): string {
  const { real, relative } = resolveConfigPath(repo, key, value);
  const lower = relative.toLowerCase();
  if (CONFIG_FILES.some((name) => lower === name.toLowerCase())) refuse(key, value, 'is the config file itself');
  for (const reserved of RESERVED_PATHS) {
    if (lower === reserved || lower.startsWith(`${reserved}/`)) refuse(key, value, `is the toolchain's own \`${reserved}\``);
  }
  if (IMAGE_EXTENSION.test(relative)) refuse(key, value, 'is an image; an output may not overwrite one');
  if (MARKDOWN_EXTENSION.test(relative) && inChapter(path.resolve(repo.realPath, contentDir), real)) refuse(key, value, 'is a note in the content folder; an output may not overwrite one');
  if (key !== 'readme.output' && MARKDOWN_EXTENSION.test(relative)) refuse(key, value, 'is a Markdown file; this output is JSON');
  let stats;
  try {
    stats = lstatSync(real);
  } catch {
    return real;
  }
  if (stats.isDirectory()) refuse(key, value, 'is a folder, not a file');
  if (!stats.isFile()) refuse(key, value, 'exists and is not a regular file');
  return real;
}

/** The absolute (symlink-resolved) path of an input file named by config key `key`. */
export function resolveConfigInput(repo: RepoRoot, key: string, value: string): string {
  return resolveConfigPath(repo, key, value).real;
}

/** The config keys naming outputs, with their values, so each can be checked and compared. */
function configuredOutputs(config: Config, contentDir: string): [string, string][] {
  return [
    ['readme.output', config.readme.output],
    // Relative to the content folder: checked where it lands.
    ['images.manifest', imageManifestPath(contentDir, config.images)],
    ['links.cacheFile', config.links.cacheFile],
  ];
}

/**
 * Checks every path the config names before any command runs: each output
 * and input as above, and no two outputs on one file. Throws a UserError
 * naming the first bad key.
 */
export function checkConfigPaths(repo: RepoRoot, config: Config, contentDir: string = config.content): void {
  const seen = new Map<string, string>();
  for (const [key, value] of configuredOutputs(config, contentDir)) {
    const real = resolveConfigOutput(repo, key, value, contentDir);
    const other = seen.get(real);
    if (other !== undefined) refuse(key, value, `is the same file as \`${other}\``);
    seen.set(real, key);
  }
  for (const [key, value] of [
    ['readme.headerFile', config.readme.headerFile],
    ['readme.footerFile', config.readme.footerFile],
  ] as const) {
    if (value !== null) resolveConfigInput(repo, key, value);
  }
}
