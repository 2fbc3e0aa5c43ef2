import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { CACHE_FOLDER, COMMENTED_CONFIG_FILE, CONFIG_FILES, UserError, acquireWriteLock, detectLineEnding, writeFileAtomic } from '@llm-notes/core';
import type { Command, CommandContext } from '../command.js';
import { type Layout, detectLayout } from '../init/detect-layout.js';
import { addToGitignore } from '../init/gitignore.js';
import { type ConfigEntry, renderCommentedConfig } from '../init/render-config.js';
import { readRepositoryFacts } from '../init/repository-facts.js';
import { cliPackageName, cliVersion } from '../version.js';

/** Where an installed package's schema sits, for `$schema` (editors validate and complete the file). */
const INSTALLED_SCHEMA = 'node_modules/llm-notes-toolchain/notes.config.schema.json';

function describeLayout(layout: Layout): string {
  if (layout.kind === 'other') {
    return `No numbered chapters (\`<n>.<chapter>/<m>.<section>.md\`) found; ${layout.markdownFiles} Markdown files in another layout.`;
  }
  const where = layout.content === '.' ? 'at the repository root' : `under \`${layout.content}/\``;
  return `Found ${layout.chapters} numbered chapters with ${layout.notes} notes ${where}.`;
}

function configEntries(context: CommandContext, root: string, layout: Layout, contentOption: string | undefined): ConfigEntry[] {
  const content = contentOption ?? (layout.kind === 'numbered' ? layout.content : '.');
  const facts = readRepositoryFacts(root, layout.kind === 'numbered' || contentOption !== undefined ? content : undefined);
  const entries: ConfigEntry[] = [];
  if (existsSync(path.join(root, INSTALLED_SCHEMA))) entries.push({ key: '$schema', value: `./${INSTALLED_SCHEMA}` });
  entries.push({
    key: 'content',
    value: content,
    because: contentOption !== undefined ? 'given with --content' : layout.kind === 'numbered' ? 'where the numbered chapters are' : 'no numbered chapters: every Markdown file is linted',
  });
  entries.push({ key: 'readme.title', value: facts.title, because: existsSync(path.join(root, 'README.md')) ? 'the first heading of README.md' : 'the folder name' });
  if (!facts.awesomeBadge) entries.push({ key: 'readme.badge', value: null, because: 'README.md shows no Awesome badge' });
  if (layout.kind === 'numbered' && layout.introTitle !== undefined) {
    entries.push({ key: 'readme.introHeading', value: layout.introTitle, because: 'the title of the chapter numbered 0' });
  }
  entries.push({
    key: 'images.style',
    value: facts.imageStyle,
    because: facts.imageStyle === 'html-centered' ? 'the notes mostly use HTML <img>' : 'the notes mostly use Markdown images',
  });
  if (facts.htmlWidth !== undefined) entries.push({ key: 'images.htmlWidth', value: facts.htmlWidth, because: 'the most common width' });
  if (facts.repositoryUrl !== undefined) entries.push({ key: 'links.repositoryUrl', value: facts.repositoryUrl, because: 'from package.json or the git remote' });
  return entries;
}

/** Writes `files` in order; when one fails, puts back every file written before it. */
function writeAll(root: string, files: readonly { target: string; text: string }[]): void {
  const written: { target: string; before: Buffer | undefined }[] = [];
  try {
    for (const { target, text } of files) {
      const before = existsSync(target) ? readFileSync(target) : undefined;
      writeFileAtomic(target, text, { root });
      written.push({ target, before });
    }
  } catch (error) {
    for (const { target, before } of written.reverse()) {
      if (before === undefined) rmSync(target, { force: true });
      else writeFileAtomic(target, before, { root });
    }
    throw error;
  }
}

export const initCommand: Command = {
  name: 'init',
  summary: 'set up this toolchain in an existing notes repository: config, .gitignore, next steps',
  help: `Usage: notes init [--force]

Looks at the repository (numbered chapter folders at the root or under a
folder, or another layout), writes ${COMMENTED_CONFIG_FILE} with what it found,
each key explained in a comment, adds the cache folder to .gitignore and
prints the commands to run next. An existing config is never replaced
without --force. \`--content <dir>\` sets the content folder instead of
detecting it.

Options:
  --force           replace an existing config file`,
  options: { force: { type: 'boolean' } },
  allowPositionals: false,
  usesConfig: false,
  async run(context, args) {
    const root = context.repo.path;
    const existing = CONFIG_FILES.filter((name) => existsSync(path.join(root, name)));
    if (existing.length > 0 && args.values.force !== true) {
      throw new UserError(`${existing.join(' and ')} already exists; nothing written (replace it with \`${context.invocation.command('init', '--force')}\`)`, {
        file: existing[0],
      });
    }
    const contentOption = typeof args.values.content === 'string' ? args.values.content : undefined;
    if (contentOption !== undefined) context.repo.resolve(contentOption);
    const layout = detectLayout(root);
    const entries = configEntries(context, root, layout, contentOption);
    const header = `Config of ${cliPackageName() === '@llm-notes/cli' ? 'llm-notes-toolchain' : cliPackageName()}, written by \`init\` (${cliVersion()}). Every key has a default; the comments say what each one does. All keys: docs/config.md in the package.`;
    const configText = renderCommentedConfig(header, entries);
    const gitignorePath = path.join(root, '.gitignore');
    const gitignoreBefore = existsSync(gitignorePath) ? readFileSync(gitignorePath, 'utf8') : '';
    const gitignoreAfter = addToGitignore(gitignoreBefore, CACHE_FOLDER, detectLineEnding(gitignoreBefore));

    const release = acquireWriteLock(root, 'notes init');
    try {
      const files = [{ target: path.join(root, COMMENTED_CONFIG_FILE), text: configText }];
      if (gitignoreAfter !== gitignoreBefore) files.push({ target: gitignorePath, text: gitignoreAfter });
      writeAll(root, files);
      // Replaced with --force: only one config file may remain.
      for (const name of existing) if (name !== COMMENTED_CONFIG_FILE) rmSync(path.join(root, name), { force: true });
    } finally {
      release();
    }

    const out = context.stdout;
    out.write(`${describeLayout(layout)}\n`);
    out.write(`wrote ${COMMENTED_CONFIG_FILE}${existing.length > 0 ? ` (replacing ${existing.join(', ')})` : ''}\n`);
    out.write(gitignoreAfter === gitignoreBefore ? `.gitignore already ignores ${CACHE_FOLDER}/\n` : `added /${CACHE_FOLDER}/ to .gitignore\n`);
    const steps: [string, string][] = [[context.invocation.command('lint'), 'links, anchors, math and image markup']];
    if (layout.kind === 'numbered' || contentOption !== undefined) {
      steps.push([context.invocation.command('gen-readme'), 'write README.md from the chapters (and the notes’ <!-- toc --> blocks)']);
    }
    steps.push([context.invocation.command('images', '--check'), 'image budgets; `images` optimizes them losslessly']);
    steps.push([
      context.invocation.command('check', layout.kind === 'other' && contentOption === undefined ? '--only lint,images' : ''),
      'everything CI checks, read-only',
    ]);
    const width = Math.max(...steps.map(([command]) => command.length));
    out.write(`\nNext:\n${steps.map(([command, what]) => `  ${command.padEnd(width)}  # ${what}`).join('\n')}\n`);
    if (layout.kind === 'other' && contentOption === undefined) {
      out.write('\ngen-readme needs numbered chapters; `check --only lint,images` leaves it out.\n');
    }
    return 0;
  },
};
