import { VFile } from 'vfile';
import type { Config } from '../config/schema.js';
import type { RepoRoot } from '../safe-path.js';
import { type LintCache, fileHashes, gitIndexDigest, readLintCache, runKey, treeDigests, worldDigest } from './cache.js';
import { type StoredMessage, restoreMessages } from './messages.js';

/**
 * The last cached run as a whole: with it, a run over an unchanged repository
 * takes every finding from the cache without loading the rules, the Markdown
 * parser or the content model. It is valid exactly when the run would have
 * taken every file's findings from the cache (same tool build, config, rules,
 * targets, bytes, file tree, git index and cross-file facts as the rules
 * declare them) and the after-files phases would see the same inputs (the
 * file tree with its `.gitignore` files, the notes the run did not lint).
 */
export interface RunRecord {
  /** `replayKey` of the run: tool build, config, content folder and what chose the rules. */
  readonly key: string;
  /** The cache's `runKey` when the record was written (the enabled rules with their settings). */
  readonly runKey: string;
  /** The files of the run, in order. */
  readonly targets: readonly string[];
  /** Whether the enabled rules read the file tree / git's index (as `combinedReads` gave it). */
  readonly fileTree: boolean;
  readonly gitIndex: boolean;
  /** `treeDigests(root).layout` when the run started. */
  readonly layout: string;
  /** Notes the run did not lint that its after-files phases may read (the content's notes, the README): path → hash. */
  readonly otherNotes: Record<string, string>;
  /** Findings of the after-files phases on each target (after that target's own findings). */
  readonly added: Record<string, StoredMessage[]>;
}

/** What a replay needs of the run's session. */
export interface ReplaySession {
  readonly repo: RepoRoot;
  readonly config: Config;
  readonly contentDir: string;
}

/**
 * Identifies a run without its rules: `selection` names what chose them (the
 * rules the config enables, say); with the tool build and the config that
 * fixes every rule, severity and option.
 */
export function replayKey(session: ReplaySession, selection: string): string {
  return runKey({ replay: selection, config: session.config, contentDir: session.contentDir });
}

function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The cache and its record when the record is for this run (same key, same targets in the same order). */
function recordFor(cache: LintCache | undefined, key: string, targets: readonly string[]): RunRecord | undefined {
  const record = cache?.lastRun;
  if (!cache || !record || record.runKey !== cache.runKey || record.key !== key) return undefined;
  if (record.targets.length !== targets.length || record.targets.some((target, index) => target !== targets[index])) return undefined;
  return record;
}

/**
 * The findings of `targets` when the last cached run with the same `selection`
 * is still valid for them (see `RunRecord`), one vfile per target in order,
 * as `lintProject` would give them; undefined otherwise (lint for real).
 */
export function replayLastRun(session: ReplaySession, targets: readonly string[], selection: string): VFile[] | undefined {
  try {
    return replay(session, targets, selection);
  } catch {
    // A cache of another shape (damaged, hand-edited): lint for real, which rewrites it.
    return undefined;
  }
}

function replay(session: ReplaySession, targets: readonly string[], selection: string): VFile[] | undefined {
  const { repo } = session;
  const cache = readLintCache(repo);
  const record = recordFor(cache, replayKey(session, selection), targets);
  if (!cache || !record) return undefined;
  const digests = new Map<string, string>();
  for (const target of targets) {
    const entry = own(cache.entries, target);
    if (!entry) return undefined;
    digests.set(target, entry.factsDigest);
  }
  const hashes = fileHashes(repo, [...targets, ...Object.keys(record.otherNotes)]);
  for (const target of targets) if (hashes.get(target) !== own(cache.entries, target)?.hash) return undefined;
  for (const [note, hash] of Object.entries(record.otherNotes)) if (hashes.get(note) !== hash) return undefined;
  const tree = treeDigests(repo.path);
  if (tree.layout !== record.layout) return undefined;
  const state = [record.fileTree ? tree.names : '', record.gitIndex ? gitIndexDigest(repo.path) : ''].join('\0');
  if (worldDigest(state, digests) !== cache.world) return undefined;
  return targets.map((target) => {
    const file = new VFile({ path: target, cwd: repo.path });
    restoreMessages(file, own(cache.entries, target)?.messages ?? []);
    restoreMessages(file, own(record.added, target) ?? []);
    return file;
  });
}
