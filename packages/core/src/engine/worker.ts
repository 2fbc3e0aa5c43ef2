import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config/schema.js';
import { type ContentModel, discoverContent } from '../content-model.js';
import type { LintContext } from '../lint-context.js';
import type { RuleDefinition } from '../rule.js';
import { RepoRoot } from '../safe-path.js';
import { collectedFacts, splitRules } from './after-files.js';
import { combinedReads } from './declarations.js';
import { createFileLinter } from './file-linter.js';
import type { EnabledRule } from './linter.js';
import { type StoredMessage, storeMessages } from './messages.js';
import { openRemembered } from './remembered.js';

/** What the pool sends once, when it starts a worker. */
export interface WorkerSetup {
  readonly root: string;
  readonly contentDir: string;
  readonly config: Config;
  readonly rules: readonly { id: string; severity: 'warn' | 'error'; options: unknown }[];
  readonly knownRuleIds: readonly string[];
  /** Whether to read the values rules remember across runs (only the main thread writes them). */
  readonly remembered: boolean;
}

export interface BatchRequest {
  readonly id: number;
  readonly targets: readonly string[];
}

export interface BatchResult {
  readonly id: number;
  readonly results: readonly { target: string; messages: StoredMessage[]; factsDigest: string; collected: Record<string, unknown> }[];
  /** Values learned for this batch, by store key. */
  readonly learned: [string, unknown[]][];
}

/**
 * The body of a lint worker thread: the host's worker script calls it with
 * its rules table (the worker cannot receive functions), then the worker lints
 * the batches the pool sends, one syntax tree at a time.
 */
export function serveLintWorker(allRules: readonly RuleDefinition[]): void {
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
  const enabled: EnabledRule[] = setup.rules.flatMap(({ id, severity, options }) => {
    const rule = allRules.find((candidate) => candidate.id === id);
    return rule ? [{ rule, severity, options }] : [];
  });
  const reads = combinedReads(enabled.map(({ rule }) => rule.reads));
  const stores = setup.remembered ? openRemembered(repo, reads.remembered, context) : new Map();
  const lint = createFileLinter(splitRules(enabled).perFile, setup.knownRuleIds, reads.facts, collectedFacts(enabled));

  parentPort?.on('message', async (request: BatchRequest) => {
    const results: BatchResult['results'][number][] = [];
    for (const target of request.targets) {
      const { file, factsDigest, collected } = await lint(target, context);
      results.push({ target, messages: storeMessages(file), factsDigest, collected });
    }
    const learned: [string, unknown[]][] = [...stores].map(([key, store]) => [key, store.takeAdded()]);
    parentPort?.postMessage({ id: request.id, results, learned } satisfies BatchResult);
  });
}
