import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../packages/cli/src/test-support.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

describe('this repository', () => {
  it('passes its own `pnpm check`: README current, notes lint clean, images within budget', () => {
    const result = runCli(['check', '--root', root], root);
    expect(result.code, `${result.stdout}${result.stderr}`).toBe(0);
  });

  it('has rule docs and a config schema that match the rules table', () => {
    const result = runCli(['docs', '--check', '--root', root], root);
    expect(result.code, result.stderr).toBe(0);
  });
});
