import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type EnabledRule, type LintContext, MAX_NOTE_BYTES, UserError, createLinter, listMarkdownFiles, readNote, readRegularFile } from '@llm-notes/core';
import { TEX_VERDICT_STORE, type TexVerdictStore, openTexVerdictStore } from '@llm-notes/lint-math';
import { VFile } from 'vfile';
import type { CommandContext } from './command.js';
import { type CacheEntry, contentHash, loadLintCache, repositoryState, runKey, saveLintCache, worldDigest } from './lint-cache.js';
import { type StoredMessage, restoreMessages, storeMessages } from './lint-messages.js';
import { createNoteLinter } from './lint-one.js';
import { lintInWorkers, workerCount, workersAvailable } from './lint-pool.js';
import { ruleIds } from './rules-table.js';

/**
 * The Markdown files a run looks at: every Markdown file of the repository
 * (tracked by git, or not ignored outside git; never `node_modules`; minus
 * config `exclude` and the README's header and footer files), or, given
 * paths, those files and the Markdown files inside those folders.
 */
export function lintTargets(context: CommandContext, paths: readonly string[]): string[] {
  // The README's hand-written header and footer files are linted as part of the README, whose links they share.
  const { headerFile, footerFile } = context.config.readme;
  const fragments = [headerFile, footerFile].flatMap((file) => (file === null ? [] : [context.repo.relative(context.repo.resolve(file))]));
  const all = listMarkdownFiles(context.repo, context.config.exclude).filter((file) => !fragments.includes(file));
  if (paths.length === 0) return all;
  const targets: string[] = [];
  for (const given of paths) {
    const absolute = context.repo.resolve(path.resolve(process.cwd(), given));
    if (!existsSync(absolute)) throw new UserError('no such file', { file: given });
    if (statSync(absolute).isDirectory()) {
      const folder = context.repo.relative(absolute);
      targets.push(...(folder === '' ? all : all.filter((file) => file.startsWith(`${folder}/`))));
    } else {
      const relative = context.repo.relative(absolute);
      // Dependencies are never linted nor fixed, even when named.
      if (!relative.split('/').includes('node_modules')) targets.push(relative);
    }
  }
  return [...new Set(targets)];
}

export function createLintContext(context: CommandContext): LintContext {
  return { repo: context.repo, config: context.config, content: context.loadContent(), cache: new Map() };
}

/** Reads and lints each target with `rules` in this thread; one vfile per target, in order. */
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

/** MathJax verdicts remembered across runs, beside the lint cache. */
export const TEX_VERDICTS_FILE = '.cache/tex-verdicts.json';

export interface ProjectLintOptions {
  /** Reuse and refresh `.cache/lint-cache.json` (default true). */
  readonly cache?: boolean;
  /** Reuse and refresh the MathJax verdicts in `.cache/tex-verdicts.json` (default: as `cache`). */
  readonly texVerdicts?: boolean;
  /** Worker threads to use; default one per core, none for small runs. */
  readonly workers?: number;
}

export interface ProjectLintResult {
  readonly files: VFile[];
  /** Files whose findings came from the cache. */
  readonly cached: number;
}

type Linted = { messages: StoredMessage[]; factsDigest: string };

function openTexVerdicts(context: CommandContext): TexVerdictStore | undefined {
  try {
    return openTexVerdictStore(context.repo.resolve(TEX_VERDICTS_FILE));
  } catch {
    return undefined;
  }
}

async function lintNow(
  context: CommandContext,
  targets: readonly string[],
  rules: readonly EnabledRule[],
  workers: number,
  texVerdicts: TexVerdictStore | undefined,
): Promise<Map<string, Linted>> {
  if (targets.length === 0) return new Map();
  if (workers > 0 && workersAvailable()) {
    const setup = {
      root: context.repo.path,
      contentDir: context.contentDir,
      config: context.config,
      rules: rules.map(({ rule, severity, options }) => ({ id: rule.id, severity, options })),
      knownRuleIds: [...ruleIds],
      texVerdictsFile: texVerdicts?.file,
    };
    const { results, learned } = await lintInWorkers(setup, targets, workers);
    await texVerdicts?.merge(learned);
    return results;
  }
  const lint = createNoteLinter(rules, [...ruleIds]);
  const lintContext = createLintContext(context);
  if (texVerdicts) lintContext.cache.set(TEX_VERDICT_STORE, texVerdicts);
  const results = new Map<string, Linted>();
  for (const target of targets) {
    const { file, factsDigest } = await lint(target, lintContext);
    results.set(target, { messages: storeMessages(file), factsDigest });
  }
  return results;
}

function readHash(context: CommandContext, target: string): string | undefined {
  try {
    return contentHash(readRegularFile(context.repo.resolve(target), target, { maxBytes: MAX_NOTE_BYTES }));
  } catch {
    return undefined;
  }
}

/**
 * Lints `targets` the fast way: files unchanged since the last run (same
 * bytes, same tool build, config and rules, same repository state) take their
 * findings from the cache; the rest are linted on worker threads, one syntax
 * tree at a time. Same findings as `lintFiles`.
 */
export async function lintProject(
  context: CommandContext,
  targets: readonly string[],
  rules: readonly EnabledRule[],
  options: ProjectLintOptions = {},
): Promise<ProjectLintResult> {
  const useCache = options.cache !== false;
  const texVerdicts = (options.texVerdicts ?? useCache) ? openTexVerdicts(context) : undefined;
  const workers = options.workers ?? workerCount(targets.length);
  const key = runKey({ config: context.config, contentDir: context.contentDir, rules: rules.map(({ rule, severity, options: ruleOptions }) => [rule.id, severity, ruleOptions]) });
  const previous = useCache ? loadLintCache(context.repo, key) : undefined;
  const state = useCache ? repositoryState(context.repo.path) : '';

  const hashes = new Map<string, string | undefined>(targets.map((target) => [target, useCache ? readHash(context, target) : undefined]));
  const hits = new Map<string, CacheEntry>();
  const misses: string[] = [];
  for (const target of targets) {
    const entry = previous?.entries[target];
    const hash = hashes.get(target);
    if (entry && hash !== undefined && entry.hash === hash) hits.set(target, entry);
    else misses.push(target);
  }

  const results = await lintNow(context, misses, rules, workers, texVerdicts);
  const digests = new Map<string, string>();
  for (const [target, entry] of hits) digests.set(target, entry.factsDigest);
  for (const [target, result] of results) digests.set(target, result.factsDigest);
  const world = worldDigest(state, digests);
  let cached = hits.size;
  if (hits.size > 0 && previous?.world !== world) {
    // Another file's anchors or links, or the file tree, changed: cached findings may be stale.
    for (const [target, result] of await lintNow(context, [...hits.keys()], rules, workers, texVerdicts)) results.set(target, result);
    hits.clear();
    cached = 0;
  }

  texVerdicts?.save();
  if (useCache) {
    const entries: Record<string, CacheEntry> = {};
    for (const target of targets) {
      const hash = hashes.get(target);
      const hit = hits.get(target);
      const result = results.get(target);
      if (hash === undefined) continue;
      if (hit) entries[target] = hit;
      else if (result && result.factsDigest !== 'unreadable' && result.factsDigest !== 'failed') entries[target] = { hash, ...result };
    }
    saveLintCache(context.repo, { format: 1, runKey: key, world, entries });
  }

  const files = targets.map((target) => {
    const file = new VFile({ path: target, cwd: context.repo.path });
    restoreMessages(file, hits.get(target)?.messages ?? results.get(target)?.messages ?? []);
    return file;
  });
  return { files, cached };
}

export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true));
}
