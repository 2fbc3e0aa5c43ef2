import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LONGEST_FILES } from './support/longest-first-sequencer.js';

const toolchain = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

describe('the longest-first list of test files', () => {
  it('names test files that exist (a renamed file would silently start last again)', () => {
    const missing = LONGEST_FILES.filter((file) => !existsSync(path.join(toolchain, file)));
    expect(missing).toEqual([]);
  });
});
