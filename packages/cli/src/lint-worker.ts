import { parentPort, workerData } from 'node:worker_threads';
import { type Config, type ContentModel, type LintContext, RepoRoot, discoverContent } from '@llm-notes/core';
import { TEX_VERDICT_STORE, type TexVerdict, openTexVerdictStore } from '@llm-notes/lint-math';
import { createNoteLinter } from './lint-one.js';
import { type StoredMessage, storeMessages } from './lint-messages.js';
import { allRules } from './rules-table.js';

/** What the pool sends once, when it starts a worker. */
export interface WorkerSetup {
  readonly root: string;
  readonly contentDir: string;
  readonly config: Config;
  readonly rules: readonly { id: string; severity: 'warn' | 'error'; options: unknown }[];
  readonly knownRuleIds: readonly string[];
  /** Where MathJax verdicts of earlier runs are (read here; only the main thread writes it). */
  readonly texVerdictsFile: string | undefined;
}

export interface BatchRequest {
  readonly id: number;
  readonly targets: readonly string[];
}

export interface BatchResult {
  readonly id: number;
  readonly results: readonly { target: string; messages: StoredMessage[]; factsDigest: string }[];
  /** MathJax verdicts computed for this batch. */
  readonly texVerdicts: [string, TexVerdict][];
}

const setup = workerData as WorkerSetup;
const repo = new RepoRoot(setup.root);
let content: ContentModel | undefined;
try {
  content = discoverContent(repo, setup.contentDir);
} catch {
  // The main thread reported it already; rules that need the content stay silent.
}
// One context per worker for the whole run: folder listings, `git ls-files`, anchors… are computed once here.
const context: LintContext = { repo, config: setup.config, content, cache: new Map() };
const texVerdicts = setup.texVerdictsFile === undefined ? undefined : openTexVerdictStore(setup.texVerdictsFile);
if (texVerdicts) context.cache.set(TEX_VERDICT_STORE, texVerdicts);
const enabled = setup.rules.flatMap(({ id, severity, options }) => {
  const rule = allRules.find((candidate) => candidate.id === id);
  return rule ? [{ rule, severity, options }] : [];
});
const lint = createNoteLinter(enabled, setup.knownRuleIds);

parentPort?.on('message', async (request: BatchRequest) => {
  const results: BatchResult['results'][number][] = [];
  for (const target of request.targets) {
    const { file, factsDigest } = await lint(target, context);
    results.push({ target, messages: storeMessages(file), factsDigest });
  }
  parentPort?.postMessage({ id: request.id, results, texVerdicts: texVerdicts?.takeAdded() ?? [] } satisfies BatchResult);
});
