import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../config/schema.js';
import { discoverContent } from '../content-model.js';
import { getLintContext } from '../lint-context.js';
import { report } from '../report.js';
import { defineRule } from '../rule.js';
import { RepoRoot } from '../safe-path.js';
import type { CrossFileFact, PersistentStore } from './declarations.js';
import { selectRules } from './linter.js';
import { type LintSession, lintProject } from './project.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function repository(files: Record<string, string>): LintSession {
  const root = mkdtempSync(path.join(os.tmpdir(), 'engine-project-'));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
  const repo = new RepoRoot(root);
  return { repo, config: configSchema.parse({}), contentDir: 'content', loadContent: () => discoverContent(repo, 'content') };
}

const titleFact: CrossFileFact = { id: 'title', of: (_tree, file) => String(file.value).split('\n')[0] };

/** Reports each note's first line; declares that it reads the first line of other notes. */
const readsTitles = defineRule(
  { id: 'reads-titles', description: 'd', fixable: false, defaultSeverity: 'warn', docs: { fail: '', messages: [], pass: '' }, reads: { facts: [titleFact] } },
  (_tree, file) => {
    const message = report(file, `title ${String(file.value).split('\n')[0]}`, { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } });
    // Not part of what the cache stores: only a message that never went through storage keeps it.
    (message as unknown as { extra: string }).extra = 'in memory';
  },
);

/** Reads nothing beyond its own file. */
const ownFileOnly = defineRule(
  { id: 'own-file-only', description: 'd', fixable: false, defaultSeverity: 'warn', docs: { fail: '', messages: [], pass: '' } },
  (_tree, file) => {
    report(file, 'seen', { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } });
  },
);

function enable(rule: typeof readsTitles) {
  return selectRules([rule], configSchema.parse({}), [rule.id]);
}

describe('lintProject', () => {
  it('keys the cache on the facts the enabled rules declare', async () => {
    const session = repository({ 'a.md': '# A\n', 'b.md': '# B\n' });
    const targets = ['a.md', 'b.md'];
    expect((await lintProject(session, targets, enable(readsTitles))).cached).toBe(0);
    expect((await lintProject(session, targets, enable(readsTitles))).cached).toBe(2);
    // b's declared fact changes: a's cached findings may depend on it, so both are linted again.
    writeFileSync(path.join(session.repo.path, 'b.md'), '# B2\n');
    const after = await lintProject(session, targets, enable(readsTitles));
    expect(after.cached).toBe(0);
    expect(after.files[1]?.messages.map((message) => message.reason)).toEqual(['title # B2']);
  });

  it('keeps cached findings of rules that read nothing beyond their file when another file changes', async () => {
    const session = repository({ 'a.md': '# A\n', 'b.md': '# B\n' });
    const targets = ['a.md', 'b.md'];
    await lintProject(session, targets, enable(ownFileOnly));
    writeFileSync(path.join(session.repo.path, 'b.md'), '# B2\n');
    writeFileSync(path.join(session.repo.path, 'new.md'), '# new\n');
    expect((await lintProject(session, targets, enable(ownFileOnly))).cached).toBe(1);
  });

  it('hands back the messages the rules reported, not copies, when it lints in this thread', async () => {
    const session = repository({ 'a.md': '# A\n' });
    const { files } = await lintProject(session, ['a.md'], enable(readsTitles), { cache: false });
    expect((files[0]?.messages[0] as unknown as { extra?: string }).extra).toBe('in memory');
    expect(files[0]?.value).toBe('');
  });

  it('opens the stores rules remember values in, hands them to the rules and saves them once', async () => {
    const events: string[] = [];
    const remembering = defineRule(
      {
        id: 'remembers',
        description: 'd',
        fixable: false,
        defaultSeverity: 'warn',
        docs: { fail: '', messages: [], pass: '' },
        reads: {
          remembered: [
            {
              key: 'test:store',
              file: 'test-store.json',
              open: (file): PersistentStore => {
                events.push(`open ${path.basename(file)}`);
                return { takeAdded: () => [], merge: () => {}, save: () => events.push('save') };
              },
            },
          ],
        },
      },
      (_tree, file) => {
        if (getLintContext(file)?.cache.has('test:store')) events.push(`use ${file.path}`);
      },
    );
    const session = repository({ 'a.md': '# A\n', 'b.md': '# B\n' });
    await lintProject(session, ['a.md', 'b.md'], enable(remembering as typeof readsTitles), { cache: false, remembered: true });
    expect(events).toEqual(['open test-store.json', 'use a.md', 'use b.md', 'save']);
    events.length = 0;
    await lintProject(session, ['a.md'], enable(remembering as typeof readsTitles), { cache: false });
    expect(events).toEqual([]);
  });

  it('turns a failing after-files phase into a fatal finding instead of an exception', async () => {
    const failing = defineRule(
      {
        id: 'fails-after-files',
        description: 'd',
        fixable: false,
        defaultSeverity: 'warn',
        docs: { fail: '', messages: [], pass: '' },
        afterFiles: {
          collects: [],
          run: () => {
            throw new RangeError('Maximum call stack size exceeded');
          },
        },
      },
      () => {},
    );
    const session = repository({ 'a.md': '# A\n' });
    const result = await lintProject(session, ['a.md'], enable(failing as typeof readsTitles), { cache: false });
    const messages = result.files.flatMap((file) => file.messages).map((message) => [message.fatal, message.ruleId, message.reason]);
    expect(messages).toEqual([[true, 'internal-error', 'cannot run rule fails-after-files over all files: Maximum call stack size exceeded']]);
  });
});
