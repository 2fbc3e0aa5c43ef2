import { statSync } from 'node:fs';
import v8 from 'node:v8';
import { VFile } from 'vfile';
import type { LintContext } from '../lint-context.js';
import type { RepoRoot } from '../safe-path.js';
import { type CacheEntry, fileHashes, gitIndexDigest, loadLintCache, runKey, saveLintCache, treeDigests, worldDigest } from './cache.js';
import { collectedFacts, runAfterFiles, splitRules } from './after-files.js';
import { combinedReads } from './declarations.js';
import { createFileLinter } from './file-linter.js';
import type { EnabledRule } from './linter.js';
import { type StoredMessage, restoreMessages, storeMessages } from './messages.js';
import { automaticThreads, lintSharedWithHelpers, workersAvailable } from './pool.js';
import { recordRun } from './record-run.js';
import { openRemembered } from './remembered.js';
import type { LintSession } from './targets.js';

export { type LintSession, lintTargets } from './targets.js';
export { hasErrors } from './has-errors.js';

/** The run's context: repository, config, content, and the one home of data shared across files. */
export function createLintContext(session: LintSession): LintContext {
  return { repo: session.repo, config: session.config, content: session.loadContent(), cache: new Map() };
}

/** Reads and lints each target with `rules` in this thread; one vfile per target, in order. */
export async function lintFiles(
  session: LintSession,
  targets: readonly string[],
  rules: readonly EnabledRule[],
  options: { readonly knownRuleIds?: readonly string[]; readonly context?: LintContext } = {},
): Promise<VFile[]> {
  const known = knownIds(rules, options.knownRuleIds);
  const lintContext = options.context ?? createLintContext(session);
  const lint = createFileLinter(splitRules(rules).perFile, known, [], collectedFacts(rules));
  const files: VFile[] = [];
  const collected = new Map<string, Record<string, unknown>>();
  for (const target of targets) {
    const linted = await lint(target, lintContext);
    files.push(linted.file);
    collected.set(linted.file.path, linted.collected);
  }
  await runAfterFiles(splitRules(rules).afterFiles, collected, lintContext, new Map(files.map((file) => [file.path, file])), known);
  return files;
}

function knownIds(rules: readonly EnabledRule[], known?: readonly string[]): string[] {
  return known ? [...known] : rules.map(({ rule }) => rule.id);
}

export interface ProjectLintOptions {
  /** Reuse and refresh `.cache/lint-cache.json` (default true). */
  readonly cache?: boolean;
  /** Open the values rules remember across runs (MathJax verdicts…) (default: as `cache`). */
  readonly remembered?: boolean;
  /**
   * Threads to lint on: this one and `workers − 1` helper workers (0 and 1:
   * this thread only). Default: as many as there are cores, when the run is
   * large enough to pay for a helper's start (see `automaticThreads`).
   */
  readonly workers?: number;
  /**
   * The host's worker script: it calls `serveLintWorker` with the same rules
   * table. Without it every file is linted in this thread.
   */
  readonly workerUrl?: URL;
  /** Every rule id of the host (so `<!-- lint ignore <id> -->` of a rule that is off is no unknown rule). */
  readonly knownRuleIds?: readonly string[];
  /**
   * What chose `rules` (e.g. "the rules the config enables"): with the cache on,
   * the run is also recorded whole, for `replayLastRun` with the same selection.
   */
  readonly replayAs?: string;
}

export interface ProjectLintResult {
  readonly files: VFile[];
  /** Files whose findings came from the cache. */
  readonly cached: number;
}

/** From this many files a run keeps its heap close to what it holds (see `keepHeapSmall`). */
const MANY_FILES = 2000;

/**
 * Lets V8 grow the heap by half of what it holds after a full collection
 * instead of up to 4×: a run over thousands of small files holds little
 * (88 MB at the end of 20,000 notes) but V8 let the heap reach 376 MB; with
 * this, 242 MB for 16 % more CPU (measured side by side). Process-wide, and
 * only ever set by a lint of many files.
 */
function keepHeapSmall(): void {
  v8.setFlagsFromString('--heap-growing-percent=50');
}

/** A linted file: its vfile when linted in this thread, else its findings as data. */
type Linted = { file?: VFile; messages?: StoredMessage[]; factsDigest: string; collected: Record<string, unknown> };

/**
 * Lints `targets` the fast way: files unchanged since the last run (same
 * bytes, same tool build, config and rules, same cross-file facts as the
 * rules declare them) take their findings from the cache; the rest are linted
 * in this thread or on worker threads, one syntax tree at a time. Same
 * findings as `lintFiles`.
 */
export async function lintProject(
  session: LintSession,
  targets: readonly string[],
  rules: readonly EnabledRule[],
  options: ProjectLintOptions = {},
): Promise<ProjectLintResult> {
  const { repo } = session;
  const useCache = options.cache !== false;
  const known = knownIds(rules, options.knownRuleIds);
  const reads = combinedReads(rules.map(({ rule }) => rule.reads));
  const lintContext = createLintContext(session);
  const remember = options.remembered ?? useCache;
  const stores = remember ? openRemembered(repo, reads.remembered, lintContext) : new Map();
  const canShare = workersAvailable(options.workerUrl);
  if (targets.length >= MANY_FILES) keepHeapSmall();

  const lintNow = async (files: readonly string[]): Promise<Map<string, Linted>> => {
    const results = new Map<string, Linted>();
    if (files.length === 0) return results;
    const lint = createFileLinter(splitRules(rules).perFile, known, reads.facts, collectedFacts(rules));
    const lintHere = async (target: string): Promise<void> => {
      const { file, factsDigest, collected } = await lint(target, lintContext);
      // Findings stay vfile messages; the syntax tree and the text are dropped.
      file.value = '';
      delete file.data.decoded;
      delete file.data.lintContext;
      results.set(target, { file, factsDigest, collected });
    };
    const sized = canShare ? files.map((target) => ({ target, bytes: fileBytes(repo, target) })) : [];
    const threads = options.workers ?? automaticThreads(sized.reduce((sum, { bytes }) => sum + bytes, 0));
    if (!canShare || threads <= 1 || files.length < 2) {
      for (const target of files) await lintHere(target);
      return results;
    }
    const setup = {
      root: repo.path,
      contentDir: session.contentDir,
      config: session.config,
      rules: rules.map(({ rule, severity, options: ruleOptions }) => ({ id: rule.id, severity, options: ruleOptions })),
      knownRuleIds: known,
      remembered: remember,
    };
    const shared = await lintSharedWithHelpers(sized, { lintHere, workerUrl: options.workerUrl as URL, setup, helpers: threads - 1 });
    for (const [key, entries] of shared.learned) await stores.get(key)?.merge(entries);
    for (const [target, result] of shared.results) results.set(target, result);
    return results;
  };

  const key = runKey({
    config: session.config,
    contentDir: session.contentDir,
    rules: rules.map(({ rule, severity, options: ruleOptions }) => [rule.id, severity, ruleOptions]),
  });
  const previous = useCache ? loadLintCache(repo, key) : undefined;
  const replayAs = useCache ? options.replayAs : undefined;
  const tree = useCache && (reads.fileTree || replayAs !== undefined) ? treeDigests(repo.path) : undefined;
  const state = useCache ? [reads.fileTree ? (tree?.names ?? '') : '', reads.gitIndex ? gitIndexDigest(repo.path) : ''].join('\0') : '';

  const hashes = useCache ? fileHashes(repo, targets) : new Map<string, string | undefined>();
  const hits = new Map<string, CacheEntry>();
  const misses: string[] = [];
  for (const target of targets) {
    const entry = previous?.entries[target];
    const hash = hashes.get(target);
    if (entry && hash !== undefined && entry.hash === hash) hits.set(target, entry);
    else misses.push(target);
  }

  const results = await lintNow(misses);
  const digests = new Map<string, string>();
  for (const [target, entry] of hits) digests.set(target, entry.factsDigest);
  for (const [target, result] of results) digests.set(target, result.factsDigest);
  const world = worldDigest(state, digests);
  let cached = hits.size;
  if (hits.size > 0 && previous?.world !== world) {
    // Something a rule reads from other files changed (as the rules declare it): cached findings may be stale.
    for (const [target, result] of await lintNow([...hits.keys()])) results.set(target, result);
    hits.clear();
    cached = 0;
  }

  for (const store of stores.values()) store.save();
  const entries: Record<string, CacheEntry> = {};
  if (useCache) {
    for (const target of targets) {
      const hash = hashes.get(target);
      const hit = hits.get(target);
      const result = results.get(target);
      if (hash === undefined) continue;
      if (hit) entries[target] = hit;
      else if (result && result.factsDigest !== 'unreadable' && result.factsDigest !== 'failed') {
        entries[target] = { hash, factsDigest: result.factsDigest, messages: result.messages ?? storeMessages(result.file as VFile), collected: result.collected };
      }
    }
  }

  const files = targets.map((target) => {
    const result = results.get(target);
    if (result?.file) return result.file;
    const file = new VFile({ path: target, cwd: repo.path });
    restoreMessages(file, hits.get(target)?.messages ?? result?.messages ?? []);
    return file;
  });
  // Rules whose findings depend on every file report now, from the facts of this run and of the cache.
  const { afterFiles } = splitRules(rules);
  const ownFindings = files.map((file) => file.messages.length);
  if (afterFiles.length > 0) {
    const collected = new Map<string, Record<string, unknown>>();
    for (const target of targets) collected.set(target, results.get(target)?.collected ?? hits.get(target)?.collected ?? {});
    await runAfterFiles(afterFiles, collected, lintContext, new Map(files.map((file, index) => [targets[index] as string, file])), known);
  }
  if (useCache) {
    const lastRun =
      replayAs !== undefined && tree !== undefined
        ? recordRun({ session, context: lintContext, selection: replayAs, runKey: key, reads, layout: tree.layout, targets, files, ownFindings, entries, afterFiles: afterFiles.length > 0 })
        : undefined;
    saveLintCache(repo, { format: 2, runKey: key, world, entries, ...(lastRun ? { lastRun } : {}) });
  }
  return { files, cached };
}

/** Size of a target on disk (0 when it cannot be read: the linter reports that). */
function fileBytes(repo: RepoRoot, target: string): number {
  try {
    return statSync(repo.resolve(target)).size;
  } catch {
    return 0;
  }
}
