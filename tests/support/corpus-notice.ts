import { type CorpusName, corporaFolder, corpusState, shown } from './corpus.js';

// Vitest global set-up: says at the start and again at the end of the run
// which corpora the corpus tests read, so a run where they skipped (or ran on
// the generated stand-ins) cannot pass for a full one.

const NAMES: readonly CorpusName[] = ['awesome-llm-learning', 'llm-action'];

function notice(): string | undefined {
  const lines = NAMES.flatMap((name) => {
    const state = corpusState(name);
    if (!state.present) return [`  ${name}: ABSENT (${shown(state.folder)}): its corpus tests are SKIPPED`];
    if (state.standIn) return [`  ${name}: generated stand-in (${shown(state.folder)}): tests of the real repository's facts are SKIPPED`];
    return [];
  });
  if (lines.length === 0) return undefined;
  const how = `Corpora are read from ${shown(corporaFolder())} (NOTES_CORPORA, else ../shared/corpora); \`node scripts/corpus-stand-in.mjs <folder>\` makes stand-ins.`;
  return ['', '*** Corpus tests:', ...lines, `*** ${how}`, ''].join('\n');
}

export function setup(): () => void {
  const text = notice();
  if (text) console.warn(text);
  return () => {
    if (text) console.warn(text);
  };
}
