import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { StoredMessage } from './messages.js';
import type { BatchRequest, BatchResult, WorkerSetup } from './worker.js';

export interface PooledResult {
  readonly messages: StoredMessage[];
  readonly factsDigest: string;
  readonly collected: Record<string, unknown>;
}

/** Files per message to a worker: large enough to amortize messaging, small enough to balance. */
const BATCH_SIZE = 24;

/** True when the host's compiled worker script is there (not when running from TypeScript sources). */
export function workersAvailable(workerUrl: URL | undefined): workerUrl is URL {
  return workerUrl !== undefined && workerUrl.protocol === 'file:' && existsSync(fileURLToPath(workerUrl));
}

/**
 * Workers are opt-in (`--workers <n>`): on 2 shared cores two workers took
 * 1.48× and 1.15× the time of one thread at 210 and 1,050 files (each worker
 * pays its own start: code, content listing, `git ls-files`, MathJax), and
 * each holds its own parser and caches, so a run of 20,000 notes on two
 * workers would miss its memory goal (≤ 300 MiB). By default a run lints in
 * one thread.
 */
export const DEFAULT_WORKERS = 0;

/**
 * Lints `targets` on `count` worker threads, batch by batch (workers pull the
 * next batch when done, so slow files do not leave a core idle). Each worker
 * parses one file at a time and sends back only findings and a facts digest.
 */
export async function lintInWorkers(
  workerUrl: URL,
  setup: WorkerSetup,
  targets: readonly string[],
  count: number,
): Promise<{ results: Map<string, PooledResult>; learned: Map<string, unknown[]> }> {
  const batches: string[][] = [];
  for (let start = 0; start < targets.length; start += BATCH_SIZE) batches.push(targets.slice(start, start + BATCH_SIZE));
  const results = new Map<string, PooledResult>();
  // Values the workers learned (MathJax verdicts…), for the main thread to remember.
  const learned = new Map<string, unknown[]>();
  let next = 0;
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: Math.min(count, batches.length) }, () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(workerUrl, { workerData: setup });
          workers.push(worker);
          const send = () => {
            const targetsOfBatch = batches[next];
            if (targetsOfBatch === undefined) {
              resolve();
              return;
            }
            worker.postMessage({ id: next++, targets: targetsOfBatch } satisfies BatchRequest);
          };
          worker.on('message', (reply: BatchResult) => {
            for (const { target, messages, factsDigest, collected } of reply.results) results.set(target, { messages, factsDigest, collected });
            for (const [key, entries] of reply.learned) {
              const known = learned.get(key);
              if (known) known.push(...entries);
              else learned.set(key, [...entries]);
            }
            send();
          });
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (code !== 0) reject(new Error(`lint worker stopped with code ${code}`));
          });
          send();
        }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return { results, learned };
}
