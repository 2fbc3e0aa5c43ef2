import type { Root } from 'mdast';
import type { VFile } from 'vfile';

/**
 * A fact of one note that rules linting other notes read (its anchors, the
 * paths it links to…). The rule that reads it says how to take it from a
 * parsed note; the engine takes it from every linted note, and when any
 * note's fact changes, cached findings of the rules reading it are stale.
 */
export interface CrossFileFact {
  /** Shared by every rule that reads the same fact (it is taken once per note). */
  readonly id: string;
  /** The fact of `file` (JSON-serializable, in a stable order). */
  readonly of: (tree: Root, file: VFile) => unknown;
}

/**
 * Values a rule remembers across runs in the cache folder (verdicts of a slow
 * validator…): the engine opens the store, hands it to the rule through the
 * run's shared data under `key`, carries what workers learn to the main
 * thread, and saves it once at the end of the run. `--no-cache` opens none.
 */
export interface RememberedValues {
  /** Key of the store in the run's shared data, and its name. */
  readonly key: string;
  /** File name inside the cache folder. */
  readonly file: string;
  readonly open: (absoluteFile: string) => PersistentStore;
}

export interface PersistentStore {
  /** Entries learned since the last call (what a worker sends to the main thread). */
  takeAdded(): unknown[];
  /** Adds entries a worker learned. */
  merge(entries: Iterable<unknown>): Promise<void> | void;
  /** Writes the store if it learned something; never throws. */
  save(): void;
}

/** What a rule reads beyond its own file: the lint cache keys on it. */
export interface RuleReads {
  /** Names of the repository's files and folders (a link target exists, the content layout). */
  readonly fileTree?: boolean;
  /** Git's index (which files are tracked). */
  readonly gitIndex?: boolean;
  /** Facts of other notes. */
  readonly facts?: readonly CrossFileFact[];
  /** Values remembered across runs. */
  readonly remembered?: readonly RememberedValues[];
}

/** The union of the declarations of `rules`: each fact and store once, by id. */
export function combinedReads(reads: readonly (RuleReads | undefined)[]): Required<RuleReads> {
  const facts = new Map<string, CrossFileFact>();
  const remembered = new Map<string, RememberedValues>();
  let fileTree = false;
  let gitIndex = false;
  for (const read of reads) {
    if (!read) continue;
    fileTree ||= read.fileTree === true;
    gitIndex ||= read.gitIndex === true;
    for (const fact of read.facts ?? []) if (!facts.has(fact.id)) facts.set(fact.id, fact);
    for (const store of read.remembered ?? []) if (!remembered.has(store.key)) remembered.set(store.key, store);
  }
  return { fileTree, gitIndex, facts: [...facts.values()], remembered: [...remembered.values()] };
}

/** A finding of a rule's after-files phase, on one file of the run. */
export interface RunFinding {
  /** Root-relative path of the file it is reported on. */
  readonly path: string;
  readonly reason: string;
  readonly line?: number;
  readonly column?: number;
}

/** What a rule's after-files phase sees: the facts it collects, per linted file. */
export interface FilesOfRun {
  /** Root-relative paths of the files of the run: findings land only on these. */
  readonly paths: ReadonlySet<string>;
  /** Root-relative path → the fact's value, for every linted file (cached files included). */
  facts(id: string): ReadonlyMap<string, unknown>;
}

/**
 * A rule whose findings depend on every file of the run (an image no note
 * links to), in the spirit of unified-engine's file-set plugins: the engine
 * collects the declared facts while it lints each file (or takes them from
 * the cache), then calls `run` once; its findings are reported on their
 * files through the same severity and `<!-- lint … -->` comments as any
 * finding. Run every time, so a change in one file never invalidates the
 * cached findings of the others. Outside the engine the rule's per-file
 * implementation runs instead.
 *
 * Besides the facts it collects, `run` may read only the content model, the
 * names of the repository's files (and its `.gitignore` files) and the
 * content's notes and the README: a replayed run (`replayLastRun`) reuses its
 * findings while exactly those are unchanged.
 */
export interface AfterFiles {
  readonly collects: readonly CrossFileFact[];
  readonly run: (files: FilesOfRun, context: import('../lint-context.js').LintContext) => RunFinding[];
}
