import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The suite's longest files, longest first (8–58 s each in a full run on two
 * shared cores). With one worker per core, a long file started last leaves one
 * core idle while it finishes; started first, the short files fill in beside it.
 * Vitest orders by last run's durations when it has them for every file, and
 * otherwise (a fresh clone, CI) by file size, which says little here: these
 * files are short and spend their time in spawned commands and large inputs.
 */
export const LONGEST_FILES = [
  'tests/reliability/crash-safety.test.ts',
  'tests/reliability/bad-input.test.ts',
  'packages/site/src/site-browser.test.ts',
  'tests/reliability/fuzz-rules.test.ts',
  'packages/cli/src/cli.test.ts',
  'tests/reliability/config-paths.test.ts',
  'packages/lint-math/src/tex/tex-validity.test.ts',
  'tests/reliability/os-errors.test.ts',
  'packages/cli/src/lint-run.test.ts',
  'packages/cli/src/layouts.test.ts',
  'packages/readme/src/generated-round-trip.test.ts',
  'packages/cli/src/lint-external.test.ts',
  'packages/image-markup/src/rules-properties.test.ts',
  'tests/reliability/special-files.test.ts',
  'tests/pre-commit.test.ts',
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
