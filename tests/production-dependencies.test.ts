import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, it } from 'vitest';

// vitest.config.ts drops the `development` condition, so the test workers run the
// dependency builds the bundle ships (see `productionDependencies` there).
it('test workers load the production builds of the Markdown parser, as the bundle does', () => {
  expect(process.execArgv.join(' ')).not.toMatch(/--conditions[= ]development/u);
  const requireFromCore = createRequire(path.resolve('packages/core/package.json'));
  for (const dependency of ['micromark', 'mdast-util-from-markdown']) {
    expect(requireFromCore.resolve(dependency)).not.toMatch(/[\\/]dev[\\/]/u);
  }
});
