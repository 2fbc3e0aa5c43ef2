import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { readRegularFile, writeFileAtomic } from '@llm-notes/core';

/** MathJax's verdict on one formula: its error message, or null when it is valid. */
export type TexVerdict = string | null;

interface StoredVerdicts {
  readonly format: 1;
  /** MathJax version and package set the verdicts were computed with; any change drops them all. */
  readonly engine: string;
  readonly verdicts: Record<string, TexVerdict>;
}

/** Old entries beyond this many are dropped when saving, so the file stays small. */
const MAX_ENTRIES = 200_000;
/** A store larger than this is not read (200,000 entries take far less). */
const MAX_BYTES = 256 * 1024 * 1024;

/**
 * MathJax's verdicts remembered across runs, in one JSON file (the caller
 * chooses where: the lint cache folder). Keyed by formula (with its inline or
 * display mode) under the identity of the MathJax build, so a MathJax upgrade
 * or another package set starts afresh. Only formulas that needed MathJax are
 * stored. Read on first use; a missing or broken file is an empty store, and
 * a file that cannot be written only costs speed next time.
 */
export class TexVerdictStore {
  private known: Map<string, TexVerdict> | undefined;
  private engine = '';
  private readonly added = new Map<string, TexVerdict>();

  constructor(
    readonly file: string,
    private readonly identity: () => Promise<string>,
  ) {}

  private async open(): Promise<Map<string, TexVerdict>> {
    if (this.known) return this.known;
    this.engine = await this.identity();
    const known = new Map<string, TexVerdict>();
    try {
      // A regular file only (no symlink, fifo or device), of bounded size.
      const stored = JSON.parse(readRegularFile(this.file, path.basename(this.file), { maxBytes: MAX_BYTES, noFollow: true }).toString('utf8')) as StoredVerdicts;
      if (stored.format === 1 && stored.engine === this.engine && stored.verdicts && typeof stored.verdicts === 'object') {
        for (const [key, verdict] of Object.entries(stored.verdicts)) if (verdict === null || typeof verdict === 'string') known.set(key, verdict);
      }
    } catch {
      // No store yet, or an unreadable one: start empty.
    }
    this.known ??= known;
    return this.known;
  }

  /** The remembered verdict, or undefined when this formula was never validated. */
  async get(key: string): Promise<TexVerdict | undefined> {
    return (await this.open()).get(key);
  }

  async set(key: string, verdict: TexVerdict): Promise<void> {
    (await this.open()).set(key, verdict);
    this.added.set(key, verdict);
  }

  /** Verdicts learned since the last call (what a worker hands to the main thread). */
  takeAdded(): [string, TexVerdict][] {
    const entries = [...this.added];
    this.added.clear();
    return entries;
  }

  /** Adds verdicts learned elsewhere (by a worker). */
  async merge(entries: Iterable<readonly [string, TexVerdict]>): Promise<void> {
    for (const [key, verdict] of entries) await this.set(key, verdict);
  }

  /** Writes the store when it learned something (atomically; errors are ignored). */
  save(): void {
    if (!this.known || this.added.size === 0) return;
    const entries = [...this.known];
    const kept = entries.length > MAX_ENTRIES ? entries.slice(entries.length - MAX_ENTRIES) : entries;
    const stored: StoredVerdicts = { format: 1, engine: this.engine, verdicts: Object.fromEntries(kept) };
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      // The store lives in `<root>/.cache/`: its temp file goes to the root's temp folder.
      writeFileAtomic(this.file, JSON.stringify(stored), { root: path.dirname(path.dirname(this.file)) });
      this.added.clear();
    } catch {
      // Read-only checkout: validation still works, only slower next time.
    }
  }
}
