import { existsSync } from 'node:fs';
import type { VFile } from 'vfile';
import type { LintContext } from '../lint-context.js';
import { type CacheEntry, fileHash } from './cache.js';
import { type StoredMessage, storeMessageList } from './messages.js';
import { type RunRecord, replayKey } from './replay.js';
import type { LintSession } from './targets.js';

export interface FinishedRun {
  readonly session: LintSession;
  readonly context: LintContext;
  /** What chose the rules (`ProjectLintOptions.replayAs`). */
  readonly selection: string;
  /** The cache's key of the enabled rules. */
  readonly runKey: string;
  readonly reads: { readonly fileTree: boolean; readonly gitIndex: boolean };
  /** `treeDigests(root).layout` taken when the run started. */
  readonly layout: string;
  readonly targets: readonly string[];
  /** The run's vfiles, in target order, with every finding. */
  readonly files: readonly VFile[];
  /** How many findings of each file are its own; the rest came from after-files phases. */
  readonly ownFindings: readonly number[];
  /** The cache entries written for this run. */
  readonly entries: Readonly<Record<string, CacheEntry>>;
  /** Whether after-files phases ran (they may read the notes the run did not lint). */
  readonly afterFiles: boolean;
}

/** The notes an after-files phase may read besides the run's targets: every note of the content and the README. */
function notesBesidesTargets(run: FinishedRun): string[] {
  const { repo, config } = run.session;
  const notes = (run.context.content?.notes ?? []).map((note) => note.relPath);
  const readme = repo.tryResolve(config.readme.output);
  if (readme !== undefined && existsSync(readme)) notes.push(repo.relative(readme));
  const targets = new Set(run.targets);
  return [...new Set(notes)].filter((note) => !targets.has(note));
}

/**
 * The record of a finished run for `replayLastRun`, or undefined when the run
 * cannot be replayed (a target without a cache entry, an unreadable note).
 */
export function recordRun(run: FinishedRun): RunRecord | undefined {
  if (run.targets.some((target) => !Object.hasOwn(run.entries, target))) return undefined;
  const added: Record<string, StoredMessage[]> = {};
  run.files.forEach((file, index) => {
    const extra = file.messages.slice(run.ownFindings[index]);
    if (extra.length > 0) added[run.targets[index] as string] = storeMessageList(extra);
  });
  const otherNotes: Record<string, string> = {};
  if (run.afterFiles) {
    for (const note of notesBesidesTargets(run)) {
      const hash = fileHash(run.session.repo, note);
      if (hash === undefined) return undefined;
      otherNotes[note] = hash;
    }
  }
  return {
    key: replayKey(run.session, run.selection),
    runKey: run.runKey,
    targets: [...run.targets],
    fileTree: run.reads.fileTree,
    gitIndex: run.reads.gitIndex,
    layout: run.layout,
    otherNotes,
    added,
  };
}
