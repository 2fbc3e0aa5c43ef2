import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../../../../tests/support/temp-folder.js';
import { HELPER_MIN_BYTES, type SizedTarget, automaticThreads, lintSharedWithHelpers } from './pool.js';
import type { WorkerSetup } from './worker.js';

// A helper that speaks the engine's batch protocol (`worker.ts`) and answers
// each target with one message naming the thread and the batch, so the test
// sees how the queue was split. `fail-on` makes it die on a named target.
const HELPER = `
import { parentPort, workerData } from 'node:worker_threads';
parentPort.on('message', (request) => {
  if (request.targets.includes(workerData.failOn)) process.exit(3);
  const results = request.targets.map((target) => ({ target, messages: [{ reason: 'helper batch ' + request.targets.join(','), ruleId: 'split', fatal: false }], factsDigest: 'd-' + target, collected: {} }));
  parentPort.postMessage({ id: request.id, results, learned: [['verdicts', request.targets]] });
});
`;

function helperScript(): URL {
  const file = path.join(tempFolder('pool-helper-'), 'helper.mjs');
  writeFileSync(file, HELPER);
  return pathToFileURL(file);
}

const setup = (failOn?: string) => ({ root: '', contentDir: 'content', config: {}, rules: [], knownRuleIds: [], remembered: false, failOn }) as unknown as WorkerSetup;

function sized(count: number, bytes: number): SizedTarget[] {
  return Array.from({ length: count }, (_, index) => ({ target: `note-${String(index).padStart(2, '0')}.md`, bytes }));
}

async function split(targets: SizedTarget[], failOn?: string) {
  const here: string[] = [];
  const lintHere = async (target: string) => {
    here.push(target);
    // As slow as a real parse, so the helper gets a turn.
    await new Promise((resolve) => setTimeout(resolve, 20));
  };
  const shared = await lintSharedWithHelpers(targets, { lintHere, workerUrl: helperScript(), setup: setup(failOn), helpers: 1 });
  return { here, helper: [...shared.results.keys()], shared };
}

describe('lint pool: this thread and a helper share one queue', () => {
  it('lints every file exactly once, this thread from the front and the helper in batches from the back', async () => {
    const targets = sized(40, 10_000);
    const { here, helper, shared } = await split(targets);
    expect([...here, ...helper].sort()).toEqual(targets.map(({ target }) => target));
    expect(new Set([...here, ...helper]).size).toBe(40);
    expect(here.length).toBeGreaterThan(0);
    expect(helper.length).toBeGreaterThan(0);
    // This thread went in order from the first file; the helper took the last ones.
    expect(here).toEqual(targets.slice(0, here.length).map(({ target }) => target));
    expect(helper).toContain('note-39.md');
    // Batches hold about 48 kB (here 5 files of 10 kB) and carry their facts and learned values back.
    const batches = new Set([...shared.results.values()].map((result) => result.messages[0]?.reason));
    for (const batch of batches) expect((batch as string).split(',').length).toBeLessThanOrEqual(5);
    expect(shared.results.get('note-39.md')?.factsDigest).toBe('d-note-39.md');
    expect((shared.learned.get('verdicts') ?? []).sort()).toEqual(helper.sort());
  });

  it('never hands the helper more than half of what is left, so both threads lint even a small run', async () => {
    const { here, helper } = await split(sized(2, 200_000));
    expect(here).toEqual(['note-00.md']);
    expect(helper).toEqual(['note-01.md']);
  });

  it('gives the batch of a helper that dies back to this thread: no file is lost', async () => {
    const targets = sized(12, 30_000);
    const { here, helper } = await split(targets, 'note-11.md');
    expect(helper).toEqual([]);
    expect([...here].sort()).toEqual(targets.map(({ target }) => target));
  });
});

describe('automatic thread choice', () => {
  it('adds a helper only for a large run with an idle core', () => {
    expect(automaticThreads(10 * HELPER_MIN_BYTES, 2, 0.2)).toBe(2);
    expect(automaticThreads(HELPER_MIN_BYTES - 1, 2, 0.2)).toBe(1);
    // Both cores busy with other work: a helper would only compete with this thread.
    expect(automaticThreads(10 * HELPER_MIN_BYTES, 2, 1.5)).toBe(1);
    expect(automaticThreads(10 * HELPER_MIN_BYTES, 1, 0)).toBe(1);
    expect(automaticThreads(3 * HELPER_MIN_BYTES, 8, 1)).toBe(4);
  });
});
