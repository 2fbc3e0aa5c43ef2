import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The notes repositories the corpus tests read. They live outside this
// repository and are never copied into it: beside the checkout in
// `../shared/corpora/`, or wherever `NOTES_CORPORA` points (CI points it at
// the stand-ins `scripts/corpus-stand-in.mjs` generates).

export type CorpusName = 'awesome-llm-learning' | 'llm-action';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The folder holding the corpora. */
export function corporaFolder(): string {
  const configured = process.env.NOTES_CORPORA;
  return configured ? path.resolve(configured) : path.resolve(repoRoot, '../shared/corpora');
}

/** First line of the `SOURCE.md` the stand-in generator writes in each corpus it makes. */
export const STAND_IN_HEADING = '# Generated stand-in corpus';

export interface CorpusState {
  readonly folder: string;
  readonly present: boolean;
  /** A generated stand-in of the same shape, not the real repository. */
  readonly standIn: boolean;
}

export function corpusState(name: CorpusName): CorpusState {
  const folder = path.join(corporaFolder(), name);
  const present = existsSync(folder);
  const source = path.join(folder, 'SOURCE.md');
  const standIn = present && existsSync(source) && readFileSync(source, 'utf8').startsWith(STAND_IN_HEADING);
  return { folder, present, standIn };
}

/** A folder as the run's output names it: relative to this repository. */
export function shown(folder: string): string {
  return path.relative(repoRoot, folder).split(path.sep).join('/');
}

/** A notice that cannot be missed in the run's output. */
export function skipNotice(what: string, why: string): void {
  console.warn(`\n*** SKIPPED: ${what}\n*** because ${why}\n`);
}

/**
 * The corpus folder for `what` (a test suite), or undefined — after saying
 * loudly that `what` is skipped and why. With `needsReal`, a generated
 * stand-in does not do: the suite checks facts of the real repository
 * (`needsReal` names them).
 */
export function corpusFor(name: CorpusName, what: string, needsReal?: string): string | undefined {
  const state = corpusState(name);
  if (!state.present) {
    skipNotice(what, `the ${name} corpus is absent (looked in ${shown(state.folder)}; set NOTES_CORPORA, or run \`node scripts/corpus-stand-in.mjs <folder>\` and point NOTES_CORPORA at it)`);
    return undefined;
  }
  if (needsReal !== undefined && state.standIn) {
    skipNotice(what, `it checks ${needsReal}, and ${shown(state.folder)} is the generated stand-in`);
    return undefined;
  }
  return state.folder;
}
