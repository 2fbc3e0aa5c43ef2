import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { StoredMessage } from './messages.js';
import type { BatchRequest, BatchResult, WorkerSetup } from './worker.js';

export interface PooledResult {
  readonly messages: StoredMessage[];
  readonly factsDigest: string;
  readonly collected: Record<string, unknown>;
}

/** A file to lint and its size, the measure of its cost that the split goes by. */
export interface SizedTarget {
  readonly target: string;
  readonly bytes: number;
}

/**
 * Markdown from which a helper worker pays for itself on an idle core. A
 * helper costs about 0.2 s of CPU to start (code, content listing, `git
 * ls-files`) and 1.3–1.5 s more over a run (its own warm-up of the parser,
 * MathJax loaded a second time, per-thread caches): measured on 1.5 MB and on
 * the 0.7 MB math-heavy repository, where one thread needs 3.5–4.5 s of CPU.
 * Sharing ~2–4 µs of CPU per byte between two cores repays that from about
 * 400 kB. Wall gains could not be measured on the shared cores (always
 * loaded); `scripts/bench-lint.mjs` reports the forced two threads beside one.
 */
export const HELPER_MIN_BYTES = 400_000;

/**
 * Most Markdown handed to a helper at once: large enough that messaging costs
 * nothing next to parsing, small enough that neither thread waits long for
 * the other at the end. A batch never takes more than half of the files left.
 */
const BATCH_BYTES = 48_000;

/** True when the host's compiled worker script is there (not when running from TypeScript sources). */
export function workersAvailable(workerUrl: URL | undefined): workerUrl is URL {
  return workerUrl !== undefined && workerUrl.protocol === 'file:' && existsSync(fileURLToPath(workerUrl));
}

/**
 * Threads a run lints on when the user does not say: this thread, plus one
 * helper per further core that is idle (by the one-minute load average, as
 * `make --load-average` judges it), at most one per `HELPER_MIN_BYTES` of
 * Markdown. A helper costs CPU of its own (its start, its own warm-up of the
 * parser, MathJax loaded twice: +1.3–1.5 s of CPU on 1.5 MB), so it only pays
 * where a core would otherwise stay idle; a small run never starts one.
 */
export function automaticThreads(totalBytes: number, cores: number = os.availableParallelism(), load: number = os.loadavg()[0] ?? 0): number {
  const idleCores = Math.floor(cores - load);
  return 1 + Math.max(0, Math.min(cores - 1, idleCores, Math.floor(totalBytes / HELPER_MIN_BYTES)));
}

export interface SharedRun {
  /** Lints one file in this thread (its result is kept by the caller). */
  readonly lintHere: (target: string) => Promise<void>;
  readonly workerUrl: URL;
  readonly setup: WorkerSetup;
  /** Helper workers beside this thread. */
  readonly helpers: number;
}

/** Lets pending messages from helpers (their requests for more work) in between two files. */
const yieldToHelpers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Lints `targets` on this thread and `helpers` worker threads at once. One
 * queue: this thread takes files one at a time from the front, each helper
 * takes a batch of about `BATCH_BYTES` from the back whenever it is done with
 * the last (its first batch waits for it while it starts), so the split
 * follows each thread's real speed. Helpers send back findings and facts
 * digests only; their syntax trees and texts never leave them. A helper that
 * fails gives its batch back to this thread: no file is lost. Returns the
 * helpers' results (this thread's go through `lintHere`) and the values they
 * learned (MathJax verdicts…), for the main thread to remember.
 */
export async function lintSharedWithHelpers(
  targets: readonly SizedTarget[],
  run: SharedRun,
): Promise<{ results: Map<string, PooledResult>; learned: Map<string, unknown[]> }> {
  const queue = [...targets];
  let front = 0;
  let back = queue.length;
  const results = new Map<string, PooledResult>();
  const learned = new Map<string, unknown[]>();
  const takeBatch = (): SizedTarget[] => {
    const batch: SizedTarget[] = [];
    let bytes = 0;
    const most = Math.max(1, Math.floor((back - front) / 2));
    while (back > front && batch.length < most && (batch.length === 0 || bytes < BATCH_BYTES)) {
      const next = queue[--back] as SizedTarget;
      batch.push(next);
      bytes += next.bytes;
    }
    return batch;
  };

  const workers: Worker[] = [];
  const helpersDone = Array.from({ length: Math.min(run.helpers, Math.max(0, queue.length - 1)) }, (_, index) =>
    new Promise<void>((resolve) => {
      const worker = new Worker(run.workerUrl, { workerData: run.setup });
      workers.push(worker);
      let inFlight: SizedTarget[] = [];
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        resolve();
      };
      const send = () => {
        inFlight = takeBatch();
        if (inFlight.length === 0) {
          // Nothing left for it: its memory goes now, not at the end of the run.
          finish();
          void worker.terminate();
          return;
        }
        worker.postMessage({ id: index, targets: inFlight.map(({ target }) => target) } satisfies BatchRequest);
      };
      const giveBack = () => {
        // Whatever the helper did not answer goes back to the queue for this thread.
        queue.splice(back, 0, ...inFlight.reverse());
        back += inFlight.length;
        inFlight = [];
        finish();
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
      worker.on('error', giveBack);
      worker.on('exit', giveBack);
      send();
    }),
  );
  try {
    for (;;) {
      while (front < back) {
        await run.lintHere((queue[front++] as SizedTarget).target);
        await yieldToHelpers();
      }
      await Promise.all(helpersDone);
      // A helper that failed gave its batch back: lint it here.
      if (front >= back) break;
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return { results, learned };
}
