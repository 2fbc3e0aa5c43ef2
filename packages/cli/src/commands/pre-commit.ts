import { existsSync } from 'node:fs';
import path from 'node:path';
import { IMAGE_EXTENSIONS, readRegularFileIfExists, resolveConfigOutput, selectRules } from '@llm-notes/core';

/** As gen-readme: a larger file at the README's path is not one we wrote. */
const MAX_README_BYTES = 256 * 1024 * 1024;
import { formatStylish } from '@llm-notes/reporters';
import type { Command, CommandContext } from '../command.js';
import { git, stagedPaths } from '../git.js';
import { hasErrors, lintFiles } from '../lint-run.js';
import { allRules } from '../rules-table.js';
import { genReadmeCommand } from './gen-readme.js';
import { imagesCommand } from './images.js';

const SILENT = { write() {} };

function isImage(file: string): boolean {
  const extension = path.extname(file).slice(1).toLowerCase();
  return (IMAGE_EXTENSIONS as readonly string[]).includes(extension);
}

async function updateReadme(context: CommandContext): Promise<number> {
  const readme = resolveConfigOutput(context.repo, 'readme.output', context.config.readme.output, context.contentDir);
  const before = readRegularFileIfExists(readme, context.config.readme.output, { maxBytes: MAX_README_BYTES });
  if (context.config.hooks.readme === 'block') {
    const code = await genReadmeCommand.run({ ...context, stdout: SILENT }, { values: { check: true }, positionals: [] });
    if (code !== 0) context.stderr.write(`pre-commit: ${context.config.readme.output} is out of date: run \`pnpm gen-readme\` and stage it\n`);
    return code;
  }
  const code = await genReadmeCommand.run({ ...context, stdout: SILENT }, { values: {}, positionals: [] });
  if (code !== 0) return code;
  const after = readRegularFileIfExists(readme, context.config.readme.output, { maxBytes: MAX_README_BYTES });
  if (after && (!before || !before.equals(after))) {
    git(context.repo.path, ['add', '--', context.config.readme.output]);
    context.stderr.write(`pre-commit: regenerated and staged ${context.config.readme.output}\n`);
  }
  return 0;
}

export const preCommitCommand: Command = {
  name: 'pre-commit',
  summary: 'the git pre-commit hook: checks what is staged under the content folder',
  help: `Usage: notes pre-commit

Run by git before each commit (installed by \`pnpm install\`). Looks only at
staged files under the content folder: lints staged notes (an error blocks the
commit), checks staged images against the budgets, and regenerates and stages
README.md (or, with \`hooks.readme: "block"\`, stops when it is stale).
A commit that touches nothing under the content folder is not checked.
Skip once with \`git commit --no-verify\`.`,
  options: {},
  allowPositionals: false,
  async run(context) {
    const prefix = `${context.contentDir.replace(/\/+$/u, '')}/`;
    const staged = stagedPaths(context.repo.path).filter((file) => file.startsWith(prefix));
    if (staged.length === 0) return 0;
    const present = staged.filter((file) => existsSync(path.join(context.repo.path, file)));

    const notes = present.filter((file) => file.endsWith('.md'));
    if (notes.length > 0) {
      const files = await lintFiles(context, notes, selectRules(allRules, context.config));
      if (hasErrors(files)) {
        context.stderr.write(formatStylish(files, { color: context.interactive }));
        context.stderr.write('pre-commit: fix the errors above, or skip this check once with `git commit --no-verify`\n');
        return 1;
      }
    }

    const images = present.filter(isImage);
    if (images.length > 0 && imagesCommand.built !== false) {
      const code = await imagesCommand.run(context, { values: { check: true }, positionals: images });
      if (code !== 0) return code;
    }

    return genReadmeCommand.built === false ? 0 : updateReadme(context);
  },
};
