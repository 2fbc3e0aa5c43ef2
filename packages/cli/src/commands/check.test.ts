import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SOURCE } from '@llm-notes/core';
import { afterEach, describe, expect, it } from 'vitest';
import { fewColoursPng } from '../../../images/src/__tests__/make-images.js';
import { makeRepo } from '../test-support.js';
import { inProcessCli } from '../../../../tests/support/command-process.js';

// Each command runs in the file's long-lived command process: what is tested is its output, exit code and files.
const cli = inProcessCli();

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const NOTE = 'content/1.a/1.b.md';
const IMAGE = 'content/1.a/images/big.png';

/**
 * A repository failing all three parts of `check`: the README is stale
 * (written before the note changed), a note has a lint error, and an image
 * is over the per-image budget (and not optimized).
 */
async function failingRepo(): Promise<string> {
  const made = makeRepo({
    'notes.config.json': JSON.stringify({ images: { maxBytesPerImage: 200 } }),
    [NOTE]: '#### 1. b\n\n文字。\n',
    [IMAGE]: await fewColoursPng(),
  });
  cleanups.push(made.cleanup);
  expect((await cli(['gen-readme'], made.root)).code).toBe(0);
  // After the README was written: a new heading (README stale from its line) and a broken link.
  const { writeFileSync } = await import('node:fs');
  writeFileSync(path.join(made.root, NOTE), '#### 1. b\n\n文字。\n\n#### 2. c\n\n[缺失](./missing.md)\n\n![大图](./images/big.png)\n');
  return made.root;
}

interface JsonFile {
  path: string;
  messages: { ruleId: string; severity: string; line: number | null; message: string }[];
}

describe('notes check --format', () => {
  it('json: valid JSON on stdout alone, holding the stale README, the lint error and the image over budget', async () => {
    const root = await failingRepo();
    const result = await cli(['check', '--format', 'json'], root);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as JsonFile[];
    const byPath = new Map(report.map((file) => [file.path, file.messages]));

    const readme = byPath.get('README.md') ?? [];
    expect(readme).toEqual([expect.objectContaining({ ruleId: 'readme-outdated', severity: 'error', line: expect.any(Number) })]);
    const readmeText = readFileSync(path.join(root, 'README.md'), 'utf8').split('\n');
    // The line named is the first one that differs: the lines before it are current.
    expect(readme[0]!.line).toBeGreaterThan(1);
    expect(readmeText.length).toBeGreaterThanOrEqual(readme[0]!.line! - 1);

    expect(byPath.get(NOTE)).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'link-missing-file', severity: 'error', line: 7 })]));
    const image = byPath.get(IMAGE) ?? [];
    expect(image).toEqual([expect.objectContaining({ ruleId: 'image-check', severity: 'error' })]);
    expect(image[0]!.message).toContain('over the per-image budget of 200');
    expect(image[0]!.message).toContain('not optimized');

    // The diff and the progress went to stderr.
    expect(result.stderr).toContain('check: gen-readme');
    expect(result.stderr).toContain('+++ b/README.md');
    expect(result.stdout).not.toContain('+++');
  });

  it('github: one annotation for each failure, at its file', async () => {
    const root = await failingRepo();
    const result = await cli(['check', '--format', 'github'], root);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines.every((line) => line.startsWith('::'))).toBe(true);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^::error file=README\.md,line=\d+,col=1,title=readme-outdated::out of date from line \d+/u),
        expect.stringMatching(/^::error file=content\/1\.a\/1\.b\.md,line=7,.*title=link-missing-file::/u),
        expect.stringMatching(/^::error file=content\/1\.a\/images\/big\.png,title=image-check::.*per-image budget/u),
      ]),
    );
  });

  it('sarif: a parseable log whose results cover every part, with the check rules described', async () => {
    const root = await failingRepo();
    const result = await cli(['check', '--format', 'sarif'], root);
    const log = JSON.parse(result.stdout) as { runs: { tool: { driver: { name: string; version: string; rules: { id: string }[] } }; results: { ruleId: string }[] }[] };
    // The tool is named as every message's source is.
    expect(log.runs[0]!.tool.driver.name).toBe(SOURCE);
    expect(log.runs[0]!.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/u);
    const ruleIds = log.runs[0]!.results.map((entry) => entry.ruleId);
    expect(ruleIds).toEqual(expect.arrayContaining(['readme-outdated', 'link-missing-file', 'image-check']));
    const described = log.runs[0]!.tool.driver.rules.map((rule) => rule.id);
    expect(described).toEqual(expect.arrayContaining(['readme-outdated', 'image-check', 'image-total-budget']));
  });

  it('the total image budget is a finding at the largest image', async () => {
    const made = makeRepo({
      'notes.config.json': JSON.stringify({ images: { maxTotalBytes: 100 } }),
      [NOTE]: '#### 1. b\n\n![大图](./images/big.png)\n',
      [IMAGE]: await fewColoursPng(),
    });
    cleanups.push(made.cleanup);
    expect((await cli(['images'], made.root)).code).toBe(0);
    expect((await cli(['gen-readme'], made.root)).code).toBe(0);
    const result = await cli(['check', '--format', 'json'], made.root);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as JsonFile[];
    expect(report.filter((file) => file.messages.length > 0)).toEqual([{ path: IMAGE, messages: [expect.objectContaining({ ruleId: 'image-total-budget', message: expect.stringContaining('over the budget of 100') })] }]);
  });

  it('stylish: the report and its summary on stdout, each ending its line; a clean run says so on stdout', async () => {
    const root = await failingRepo();
    const failing = await cli(['check'], root);
    expect(failing.code).toBe(1);
    expect(failing.stdout.endsWith('\n')).toBe(true);
    expect(failing.stdout).toMatch(/✖ \d+ errors?/u);
    expect(failing.stderr).not.toMatch(/✖ \d+ errors?/u);

    const made = makeRepo({ [NOTE]: '#### 1. b\n\n文字。\n' });
    cleanups.push(made.cleanup);
    expect((await cli(['gen-readme'], made.root)).code).toBe(0);
    const clean = await cli(['check'], made.root);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe('2 files and 0 images checked, no problems\n');
    expect((await cli(['lint'], made.root)).stdout).toBe('2 files checked, no problems\n');
  });
});
