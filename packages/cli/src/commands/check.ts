import { SOURCE, UserError, hasErrors, lintProject, lintTargets, selectRules } from '@llm-notes/core';
import { listImages, markdownTable } from '@llm-notes/images';
import { type FileUpdate, generateReadme } from '@llm-notes/readme';
import { FORMATS, formatReport } from '@llm-notes/reporters';
import type { VFile } from 'vfile';
import { CHECK_RULES, imageFindings, readmeFindings } from '../check-findings.js';
import { type Command, useColor } from '../command.js';
import { parseFormat } from '../format-option.js';
import { plural } from '../plural.js';
import { printDiff } from '../readme-diff.js';
import { allRules, engineHost } from '../rules-table.js';
import { cliVersion } from '../version.js';
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

/** The checks `--only` can name, in the order they run. */
const CHECKS = ['readme', 'lint', 'images'] as const;
type CheckName = (typeof CHECKS)[number];

/** The checks named by `--only` (comma-separated), every check without it. */
function selectChecks(only: unknown): Set<CheckName> {
  if (typeof only !== 'string') return new Set(CHECKS);
  const names = only.split(',').map((name) => name.trim()).filter(Boolean);
  for (const name of names) {
    if (!CHECKS.includes(name as CheckName)) throw new UserError(`--only: unknown check \`${name}\` (checks: ${CHECKS.join(', ')})`);
  }
  if (names.length === 0) throw new UserError(`--only: name at least one check (${CHECKS.join(', ')})`);
  return new Set(names as CheckName[]);
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'everything CI checks, read-only: README up to date, lint, image budgets',
  help: `Usage: notes check [--format <name>] [--only <checks>] [--full-diff]

Checks what \`gen-readme --check\`, \`lint\` and \`images --check\` check, and
writes nothing. Every failure is a finding in the report: a stale generated
file at its first differing line, lint findings, and each image that is not
optimized or over a budget at the image. The report alone goes to stdout;
progress and the README diff go to stderr. Exit 0 when all pass, 1 when any
fails.

Options:
  --format <name>   ${FORMATS.join(', ')} (default: stylish)
  --only <checks>   comma-separated subset of ${CHECKS.join(', ')} (default: all)
  --full-diff       show the whole diff of a stale README (default: its first 40 lines)`,
  options: { format: { type: 'string' }, only: { type: 'string' }, 'full-diff': { type: 'boolean' } },
  allowPositionals: false,
  async run(context, args) {
    const format = parseFormat(args.values.format);
    const only = selectChecks(args.values.only);
    const log = context.stderr;
    // Progress, diffs and verdicts of the steps go to stderr: stdout holds only the report.
    const quiet = { ...context, stdout: log };
    const cwd = context.repo.path;
    const regenerate = context.invocation.command('gen-readme');

    let stale: FileUpdate[] = [];
    if (only.has('readme')) {
      log.write('check: gen-readme\n');
      const generated = generateReadme(context.repo, context.config, context.loadContent());
      stale = [...generated.notes, generated.readme].filter((update) => update.changed);
      for (const update of stale) {
        log.write(`${update.relPath}: ${update.before === undefined ? 'missing' : 'out of date'}\n`);
        printDiff(update, log, args.values['full-diff'] === true);
      }
      if (stale.length === 0) log.write(`${generated.readme.relPath} and the notes' tables of contents are up to date\n`);
      appendStepSummary(
        context.env,
        `### README\n\n${stale.some((update) => update === generated.readme) ? `${generated.readme.relPath} is out of date: run \`${regenerate}\`.` : `${generated.readme.relPath} is up to date.`}\n`,
      );
    }

    let linted: VFile[] = [];
    if (only.has('lint')) {
      log.write('check: lint\n');
      // Read-only: the lint cache is neither read nor written.
      ({ files: linted } = await lintProject(quiet, lintTargets(quiet, []), selectRules(allRules, context.config), { cache: false, ...engineHost }));
      appendStepSummary(context.env, lintSummaryMarkdown(linted));
    }
    // A note's stale TOC is already a lint finding when `toc-outdated` is on: not reported twice.
    const tocReported = new Set(linted.filter((file) => file.messages.some((message) => message.ruleId === 'toc-outdated')).map((file) => file.path));
    const readmeFiles = readmeFindings(stale.filter((update) => !tocReported.has(update.relPath)), cwd, regenerate);

    let images: string[] = [];
    let imageFiles: VFile[] = [];
    if (only.has('images')) {
      log.write('check: images\n');
      const listed = listImages(context.repo, context.contentDir);
      images = listed.files;
      for (const link of listed.symlinks) log.write(`${link}: symbolic link, not followed\n`);
      const imageCheck = await checkImages(quiet, images, true, log);
      if (imageCheck.result.rows.length > 0) appendStepSummary(context.env, markdownTable('Image check', imageCheck.result.rows));
      log.write(imageCheckVerdict(context, imageCheck));
      imageFiles = imageFindings(imageCheck.result.rows, imageCheck.result, context.config.images, cwd);
    }

    const files = mergeByPath([readmeFiles, linted, imageFiles]);
    const rules = [...allRules.map((rule) => ({ id: rule.id, description: rule.description })), ...CHECK_RULES];
    const report = formatReport(format, files, { color: useColor(context), toolName: SOURCE, toolVersion: cliVersion(), rules });
    context.stdout.write(report);
    if (format === 'stylish' && report === '') {
      context.stdout.write(`${plural(linted.length, 'file')} and ${plural(images.length, 'image')} checked, no problems\n`);
    }
    return hasErrors(files) ? 1 : 0;
  },
};
