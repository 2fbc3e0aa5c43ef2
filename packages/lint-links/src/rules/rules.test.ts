import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ContentModel,
  type LintContext,
  RepoRoot,
  applyEdits,
  createLinter,
  createParser,
  discoverContent,
  loadConfig,
  selectCompatibleEdits,
} from '@llm-notes/core';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { rules } from '../index.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const allIds = rules.map((rule) => rule.id);

interface Expected {
  line: number;
  column: number;
  ruleId: string;
  message: string;
  /** `warning` or `error`, when the fixture pins it (the rule runs as an error). */
  severity?: string;
}

/** A copy of the fixture folder as a git repository: every file tracked but `*.untracked.*` (and what `gitignore` ignores). */
function materialize(ruleId: string): string {
  const root = path.join(mkdtempSync(path.join(os.tmpdir(), 'lint-links-')), ruleId);
  cpSync(path.join(fixtures, ruleId), root, { recursive: true });
  if (existsSync(path.join(root, 'gitignore'))) renameSync(path.join(root, 'gitignore'), path.join(root, '.gitignore'));
  execFileSync('git', ['init', '-q'], { cwd: root });
  execFileSync('git', ['add', '-A', '--', '.', ':(exclude)*.untracked.*'], { cwd: root });
  return root;
}

function markdownFiles(folder: string, base = folder): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (name === '.git') return [];
    if (statSync(full).isDirectory()) return markdownFiles(full, base);
    return /(?:^|\.)(?:in)?valid[^/]*\.md$/u.test(name) && !name.endsWith('.fixed.md') ? [path.relative(base, full)] : [];
  });
}

function contextFor(root: string): LintContext {
  const repo = new RepoRoot(root);
  const config = loadConfig(root);
  let content: ContentModel | undefined;
  try {
    content = discoverContent(repo, config.content);
  } catch {
    content = undefined;
  }
  return { repo, config, content, cache: new Map() };
}

async function lintText(root: string, relPath: string, text: string, ruleId: string): Promise<VFile> {
  const rule = rules.find((candidate) => candidate.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const lint = createLinter([{ rule, severity: 'error', options: undefined }], allIds);
  const file = new VFile({ path: relPath, cwd: root, value: text });
  return lint(file, contextFor(root));
}

/** Applies the fixes pass after pass, like `notes fix`. */
async function fixText(root: string, relPath: string, text: string, ruleId: string): Promise<string> {
  for (let pass = 0; pass < 5; pass++) {
    const file = await lintText(root, relPath, text, ruleId);
    const edits = selectCompatibleEdits(file.messages.flatMap((message) => message.fix ?? []));
    if (edits.length === 0) return text;
    text = applyEdits(text, edits);
  }
  throw new Error('fixes did not settle');
}

const ruleIds = readdirSync(fixtures).filter((name) => statSync(path.join(fixtures, name)).isDirectory());

describe('link rule fixtures', () => {
  it('has a fixture folder for every rule and a rule for every fixture folder', () => {
    expect([...ruleIds].sort()).toEqual([...allIds].sort());
  });

  for (const ruleId of ruleIds) {
    describe(ruleId, () => {
      const root = materialize(ruleId);
      for (const relPath of markdownFiles(root)) {
        const text = readFileSync(path.join(root, relPath), 'utf8');
        const posix = relPath.split(path.sep).join('/');
        if (/(?:^|\.)valid[^/]*\.md$/u.test(path.basename(relPath))) {
          it(`${posix} has no findings`, async () => {
            const file = await lintText(root, posix, text, ruleId);
            expect(file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`)).toEqual([]);
          });
          continue;
        }
        const expectedFile = path.join(root, relPath.replace(/\.md$/u, '.expected.json'));
        it(`${posix} reports what ${path.basename(expectedFile)} lists`, async () => {
          const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected[];
          const file = await lintText(root, posix, text, ruleId);
          const actual = file.messages.map((message) => ({
            line: message.line,
            column: message.column,
            ruleId: message.ruleId,
            reason: message.reason,
            severity: message.fatal === true ? 'error' : 'warning',
          }));
          expect(actual).toHaveLength(expected.length);
          for (const [index, want] of expected.entries()) {
            expect(actual[index]).toMatchObject({ line: want.line, column: want.column, ruleId: want.ruleId });
            expect(actual[index]?.reason).toContain(want.message);
            if (want.severity !== undefined) expect(actual[index]?.severity).toBe(want.severity);
          }
        });
        const fixedFile = path.join(root, relPath.replace(/\.md$/u, '.fixed.md'));
        if (existsSync(fixedFile)) {
          it(`${posix} fixes to ${path.basename(fixedFile)}, and a second fix changes nothing`, async () => {
            const fixed = await fixText(root, posix, text, ruleId);
            expect(fixed).toBe(readFileSync(fixedFile, 'utf8'));
            expect(await fixText(root, posix, fixed, ruleId)).toBe(fixed);
          });
        }
      }
    });
  }
});

/** Where each rule's docs examples are linted inside its fixture repository. */
const EXAMPLE_PATH: Record<string, string> = { 'link-orphan-image': 'content/1.基础/1.invalid.md' };

describe('docs examples', () => {
  for (const rule of rules) {
    it(`${rule.id}: the failing example is reported, the passing one is not`, async () => {
      const root = materialize(rule.id);
      const where = EXAMPLE_PATH[rule.id] ?? 'docs-example.md';
      // Written to disk too: the orphan scan reads every note from disk.
      writeFileSync(path.join(root, where), rule.docs.fail);
      expect((await lintText(root, where, rule.docs.fail, rule.id)).messages.length).toBeGreaterThan(0);
      writeFileSync(path.join(root, where), rule.docs.pass);
      expect((await lintText(root, where, rule.docs.pass, rule.id)).messages.map((message) => message.reason)).toEqual([]);
    });
  }
});

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
