import os from 'node:os';
import { type Plugin, defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './tests/support/longest-first-sequencer.js';

/**
 * Dependencies load their production builds in the test workers, as in the shipped bundle (esbuild
 * resolves no `development` condition). Vite adds `development` to the conditions the workers are
 * started with, which loads micromark's and mdast-util-from-markdown's development builds: their
 * internal assertions make every in-process parse 15–20 % slower, and no syntax extension of ours
 * runs inside micromark for them to check. Our own packages still load from source.
 */
const productionDependencies: Plugin = {
  name: 'production-builds-of-dependencies',
  configResolved(config) {
    const conditions = config.ssr.resolve?.conditions;
    if (!conditions) return;
    const kept = conditions.filter((condition) => !/\bdevelopment\b/u.test(condition));
    conditions.splice(0, conditions.length, ...kept);
  },
};

// Tests import the workspace packages from their TypeScript sources (the
// `source` export condition); CLI tests spawn the bundled `bundle/notes.js`, which
// `pnpm test` builds first.
export default defineConfig({
  plugins: [productionDependencies],
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
    // A hang guard, not a speed measure: with one worker per core a test that lints a whole corpus shares
    // its core with another file's test (on a busy two-core machine 25 s alone became 42 s).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Forks, not threads: a worker thread's larger stack would hide the "nested too deeply" errors users
    // get. Test files share their worker's module cache (no file mocks or stubs globals; each cleans up
    // what it creates): importing the packages once per worker instead of once per file saves about
    // 40 % of the suite's CPU time. Vitest's default on two cores is a single worker; many tests wait on
    // a spawned CLI, so one worker per core keeps both busy.
    pool: 'forks',
    isolate: false,
    maxWorkers: Math.max(2, os.availableParallelism()),
    // The longest files start first, so the two workers finish together.
    sequence: { sequencer: LongestFirstSequencer },
    // Names the corpora that are absent or stand-ins, at the start and the end of the run.
    globalSetup: ['tests/support/corpus-notice.ts'],
    // Removes, after each test file, the temp folders its set-up made.
    setupFiles: ['tests/support/temp-folder-setup.ts'],
  },
});
