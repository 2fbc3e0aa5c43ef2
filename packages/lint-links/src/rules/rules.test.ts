import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createParser } from '@llm-notes/core';
import { describeRules, materializeFixtures } from '@llm-notes/core/testing';
import { VFile } from 'vfile';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { UrlResult } from '../external/check-url.js';
import { rules } from '../index.js';
import { EXTERNAL_RESULTS, linkExternal } from './link-external.js';

// The link rules through core's rule harness: fixtures/<rule-id>/ is copied into a
// temp git repository (`*.untracked.*` left untracked), each note linted with LF and CRLF.
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** What `lint --external` would have learnt from the network, handed to link-external as a run would. */
const answers: readonly UrlResult[] = [
  { url: 'https://example.com/', verdict: 'ok', status: 200, detail: 'HTTP 200' },
  { url: 'https://example.com/a-page-that-is-gone', verdict: 'broken', status: 404, detail: 'HTTP 404' },
  { url: 'https://example.com/slow', verdict: 'warning', status: undefined, detail: 'not checked in time (overall deadline passed)' },
  { url: 'https://example.com/forbidden', verdict: 'broken', status: 403, detail: 'HTTP 403' },
];

describe('link rules', () => {
  describeRules({
    rules: [...rules, linkExternal],
    fixtures,
    // The orphan scan only looks at notes in the content folder.
    examplePaths: { 'link-orphan-image': 'content/1.基础/1.invalid.md' },
    prepareContext: (context, ruleId) => {
      if (ruleId === 'link-external') context.cache.set(EXTERNAL_RESULTS, new Map(answers.map((answer) => [answer.url, answer])));
    },
  });
});

/** A rule's fixture repository, removed when the test finishes. */
function materialize(ruleId: string): string {
  const repository = materializeFixtures(path.join(fixtures, ruleId));
  onTestFinished(repository.remove);
  return repository.root;
}

describe('rules as plain remark-lint plugins (no toolchain context)', () => {
  it('link-missing-file reports relative to the working folder', async () => {
    const root = materialize('link-missing-file');
    const rule = rules.find((candidate) => candidate.id === 'link-missing-file');
    const processor = createParser().use(rule?.plugin ?? (() => {}), ['error']);
    const file = new VFile({ path: 'invalid.md', cwd: root, value: readFileSync(path.join(root, 'invalid.md'), 'utf8') });
    await processor.run(processor.parse(file), file);
    expect(file.messages.map((message) => message.line)).toEqual([3, 5, 7, 9, 11]);
    expect(file.messages[0]?.ruleId).toBe('link-missing-file');
  });

  it('rules that need the run context (orphan images) stay silent without it', async () => {
    const root = materialize('link-orphan-image');
    const rule = rules.find((candidate) => candidate.id === 'link-orphan-image');
    const processor = createParser().use(rule?.plugin ?? (() => {}));
    const file = new VFile({ path: 'content/1.基础/1.invalid.md', cwd: root, value: '# x\n' });
    await processor.run(processor.parse(file), file);
    expect(file.messages).toEqual([]);
  });

  it('a file without a path (stdin) gets no findings rather than a crash', async () => {
    const rule = rules.find((candidate) => candidate.id === 'link-missing-anchor');
    const processor = createParser().use(rule?.plugin ?? (() => {}));
    const file = new VFile({ value: '[x](#nowhere)\n' });
    await processor.run(processor.parse(file), file);
    expect(file.messages).toEqual([]);
  });
});
