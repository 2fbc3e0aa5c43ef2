import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RepoRoot, discoverContent, lintFiles, loadConfig, selectRules } from '@llm-notes/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { rules } from './index.js';
import { corpusFor } from '../../../tests/support/corpus.js';
import { tempFolder } from '../../../tests/support/temp-folder.js';

const corpusFolder = corpusFor('awesome-llm-learning', 'link rules on the real corpus');
const present = corpusFolder !== undefined;
const corpus = corpusFolder ?? '';

const CHAPTER = '3.大语言模型基础知识';
const NOTE = `content/${CHAPTER}/2.参数高效微调(PEFT).md`;
const OTHER = 'content/1.深度学习基础知识/1.Transformer基础.md';

/** The corpus as a git repository: chapters under `content/`, the committed README beside them. */
function makeRepository(): string {
  const root = tempFolder('lint-links-corpus-');
  cpSync(corpus, path.join(root, 'content'), { recursive: true });
  // The README links to the chapters from the folder that holds them, as in the original repository.
  renameSync(path.join(root, 'content/README.committed.md'), path.join(root, 'content/README.md'));
  for (const extra of ['README.original-generator.md', 'SOURCE.md', 'LICENSE']) rmSync(path.join(root, 'content', extra), { force: true });
  writeFileSync(path.join(root, 'notes.config.json'), '{ "readme": { "output": "content/README.md" } }\n');
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  return root;
}

function git(root: string, ...args: string[]): void {
  execFileSync('git', args, { cwd: root, stdio: 'ignore' });
}

interface Finding {
  file: string;
  line: number | undefined;
  ruleId: string | undefined;
  fatal: boolean | undefined | null;
  reason: string;
}

/** Every note and the README, linted as `notes lint` does (the engine's per-file and after-files phases). */
async function lintAll(root: string): Promise<Finding[]> {
  const repo = new RepoRoot(root);
  const config = loadConfig(root);
  const content = discoverContent(repo, config.content);
  const session = { repo, config, contentDir: config.content, loadContent: () => content };
  const targets = [...content.notes.map((note) => note.relPath), config.readme.output];
  const files = await lintFiles(session, targets, selectRules(rules, config), { knownRuleIds: rules.map((rule) => rule.id) });
  return files.flatMap((file) =>
    file.messages.map((message) => ({ file: file.path, line: message.line, ruleId: message.ruleId, fatal: message.fatal, reason: message.reason })),
  );
}

function lineOf(root: string, file: string, needle: string): number {
  const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(needle));
  if (index === -1) throw new Error(`${needle} not in ${file}`);
  return index + 1;
}

function edit(root: string, file: string, change: (text: string) => string): void {
  const absolute = path.join(root, file);
  writeFileSync(absolute, change(readFileSync(absolute, 'utf8')));
}

describe.skipIf(!present)('link rules on the real corpus', () => {
  let root = '';
  beforeEach(() => {
    root = makeRepository();
  });

  it('report no error on the corpus as published', async () => {
    const errors = (await lintAll(root)).filter((finding) => finding.fatal === true);
    expect(errors).toEqual([]);
  });

  it('report each injected defect at its file and line', async () => {
    // A renamed image.
    renameSync(path.join(root, `content/${CHAPTER}/images/lora_init.png`), path.join(root, `content/${CHAPTER}/images/lora-init.png`));
    // A heading that a (valid) cross-note link points to, then changed.
    edit(root, NOTE, (text) => `${text}\n[位置编码](../1.深度学习基础知识/1.Transformer基础.md#rope-位置编码)\n`);
    edit(root, OTHER, (text) => text.replace('#### RoPE 位置编码', '#### RoPE 旋转位置编码'));
    // A link whose letter case differs from the file.
    edit(root, NOTE, (text) => text.replace('![lora](./images/lora.png)', '![lora](./images/LoRA.png)'));
    // An image that exists but was never added to git.
    writeFileSync(path.join(root, `content/${CHAPTER}/images/new-figure.png`), 'png');
    edit(root, NOTE, (text) => `${text}\n![新图](./images/new-figure.png)\n`);
    // A link out of the repository.
    edit(root, NOTE, (text) => `${text}\n[外部](../../../outside.md)\n`);

    const findings = (await lintAll(root)).filter((finding) => finding.fatal === true);
    const summary = findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`).sort();
    expect(summary).toEqual(
      [
        `${NOTE}:${lineOf(root, NOTE, '](./images/LoRA.png)')} link-case-mismatch`,
        `${NOTE}:${lineOf(root, NOTE, '#rope-位置编码')} link-missing-anchor`,
        `${NOTE}:${lineOf(root, NOTE, 'new-figure.png')} link-untracked-target`,
        `${NOTE}:${lineOf(root, NOTE, 'outside.md')} link-outside-repository`,
        `${NOTE}:${lineOf(root, NOTE, 'lora_init.png')} link-missing-file`,
        `content/README.md:${lineOf(root, 'content/README.md', 'lora_init.png')} link-missing-file`,
      ].sort(),
    );
    const anchor = findings.find((finding) => finding.ruleId === 'link-missing-anchor');
    expect(anchor?.reason).toContain('did you mean `#rope-旋转位置编码`?');
    const renamed = findings.find((finding) => finding.ruleId === 'link-missing-file' && finding.file === NOTE);
    expect(renamed?.reason).toContain('did you mean `./images/lora-init.png`?');
  });
});
