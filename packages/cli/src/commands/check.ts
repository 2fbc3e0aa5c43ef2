import { selectRules } from '@llm-notes/core';
import { listImages, markdownTable } from '@llm-notes/images';
import { generateReadme } from '@llm-notes/readme';
import { FORMATS, formatReport } from '@llm-notes/reporters';
import type { VFile } from 'vfile';
import { CHECK_RULES, imageFindings, readmeFindings } from '../check-findings.js';
import { type Command, useColor } from '../command.js';
import { parseFormat } from '../format-option.js';
import { hasErrors, lintProject, lintTargets } from '../lint-run.js';
import { plural } from '../plural.js';
import { printDiff } from '../readme-diff.js';
import { allRules } from '../rules-table.js';
import { appendStepSummary, lintSummaryMarkdown } from '../step-summary.js';
import { checkImages, imageCheckVerdict } from './images.js';

/** Findings of several checks, one vfile per path. */
function mergeByPath(groups: readonly (readonly VFile[])[]): VFile[] {
  const byPath = new Map<string, VFile>();
  for (const file of groups.flat()) {
    const known = byPath.get(file.path);
    if (!known) byPath.set(file.path, file);
    else known.messages.push(...file.messages);
  }
  return [...byPath.values()];
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'everything CI checks, read-only: README up to date, lint, image budgets',
  help: `Usage: notes check [--format <name>] [--full-diff]

Checks what \`gen-readme --check\`, \`lint\` and \`images --check\` check, and
writes nothing. Every failure is a finding in the report: a stale generated
file at its first differing line, lint findings, and each image that is not
optimized or over a budget at the image. The report alone goes to stdout;
progress and the README diff go to stderr. Exit 0 when all pass, 1 when any
fails.

Options:
  --format <name>   ${FORMATS.join(', ')} (default: stylish)
  --full-diff       show the whole diff of a stale README (default: its first 40 lines)`,
  options: { format: { type: 'string' }, 'full-diff': { type: 'boolean' } },
  allowPositionals: false,
  async run(context, args) {
    const format = parseFormat(args.values.format);
    const log = context.stderr;
    // Progress, diffs and verdicts of the steps go to stderr: stdout holds only the report.
    const quiet = { ...context, stdout: log };
    const cwd = context.repo.path;

    log.write('check: gen-readme\n');
    const generated = generateReadme(context.repo, context.config, context.loadContent());
    const stale = [...generated.notes, generated.readme].filter((update) => update.changed);
    for (const update of stale) {
      log.write(`${update.relPath}: ${update.before === undefined ? 'missing' : 'out of date'}\n`);
      printDiff(update, log, args.values['full-diff'] === true);
    }
    if (stale.length === 0) log.write(`${generated.readme.relPath} and the notes' tables of contents are up to date\n`);
    appendStepSummary(
      context.env,
      `### README\n\n${stale.some((update) => update === generated.readme) ? `${generated.readme.relPath} is out of date: run \`pnpm gen-readme\`.` : `${generated.readme.relPath} is up to date.`}\n`,
    );

    log.write('check: lint\n');
    // Read-only: the lint cache is neither read nor written.
    const { files: linted } = await lintProject(quiet, lintTargets(quiet, []), selectRules(allRules, context.config), { cache: false });
    appendStepSummary(context.env, lintSummaryMarkdown(linted));
    // A note's stale TOC is already a lint finding when `toc-outdated` is on: not reported twice.
    const tocReported = new Set(linted.filter((file) => file.messages.some((message) => message.ruleId === 'toc-outdated')).map((file) => file.path));
    const readmeFiles = readmeFindings(stale.filter((update) => !tocReported.has(update.relPath)), cwd);

    log.write('check: images\n');
    const { files: images, symlinks } = listImages(context.repo, context.contentDir);
    for (const link of symlinks) log.write(`${link}: symbolic link, not followed\n`);
    const imageCheck = await checkImages(quiet, images, true, log);
    if (imageCheck.result.rows.length > 0) appendStepSummary(context.env, markdownTable('Image check', imageCheck.result.rows));
    log.write(imageCheckVerdict(context, imageCheck));
    const imageFiles = imageFindings(imageCheck.result.rows, imageCheck.result, context.config.images, cwd);

    const files = mergeByPath([readmeFiles, linted, imageFiles]);
    const rules = [...allRules.map((rule) => ({ id: rule.id, description: rule.description })), ...CHECK_RULES];
    const report = formatReport(format, files, { color: useColor(context), rules });
    context.stdout.write(report);
    if (format === 'stylish' && report === '') {
      context.stdout.write(`${plural(linted.length, 'file')} and ${plural(images.length, 'image')} checked, no problems\n`);
    }
    return hasErrors(files) ? 1 : 0;
  },
};
