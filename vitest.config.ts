import { defineConfig } from 'vitest/config';

// Tests import the workspace packages from their TypeScript sources (the
// `source` export condition); CLI tests spawn the bundled `bundle/notes.js`, which
// `pnpm test` builds first.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Names the corpora that are absent or stand-ins, at the start and the end of the run.
    globalSetup: ['tests/support/corpus-notice.ts'],
  },
});
