import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The suite's longest files, longest first (14–137 s each in a full run from a
 * fresh clone on two cores shared with other work, load 8–10). With one worker
 * per core, a long file started last leaves one core idle while it finishes;
 * started first, the short files fill in beside it.
 * Vitest orders by last run's durations when it has them for every file, and
 * otherwise (a fresh clone, CI) by file size, which says little here: these
 * files are short and spend their time in spawned commands and large inputs.
 */
export const LONGEST_FILES = [
  'packages/site/src/site-browser.test.ts',
  'tests/reliability/bad-input.test.ts',
  'packages/lint-math/src/tex/tex-validity.test.ts',
  'tests/reliability/crash-safety.test.ts',
  'tests/reliability/config-paths.test.ts',
  'tests/reliability/fuzz-rules.test.ts',
  'tests/pre-commit.test.ts',
  'packages/cli/src/lint-run.test.ts',
  'tests/reliability/special-files.test.ts',
  'tests/package.test.ts',
  'packages/cli/src/layouts.test.ts',
  'packages/cli/src/lint-replay.test.ts',
  'packages/image-markup/src/rules-properties.test.ts',
  'packages/readme/src/generated-round-trip.test.ts',
  'packages/core/src/atomic-write.test.ts',
];

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const key = (file: TestSpecification) => `${file.project.name}:${path.relative(root, file.moduleId)}`;
    if (sorted.every((file) => this.ctx.cache.getFileTestResults(key(file)))) return sorted;
    const rank = (file: TestSpecification) => {
      const index = LONGEST_FILES.indexOf(path.relative(root, file.moduleId).split(path.sep).join('/'));
      return index === -1 ? LONGEST_FILES.length : index;
    };
    // Array sort is stable: the other files keep vitest's order after the listed ones.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
