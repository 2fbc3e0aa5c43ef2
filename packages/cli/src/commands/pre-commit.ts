import path from 'node:path';
import {
  type ContentModel,
  IMAGE_EXTENSIONS,
  RepoRoot,
  checkConfigPaths,
  discoverContent,
  imageManifestPath,
  loadConfig,
  readRegularFileIfExists,
  resolveConfigOutput,
  hasErrors,
  lintFiles,
  lintTargets,
  selectRules,
  writeFileAtomic,
} from '@llm-notes/core';
import { generateReadme } from '@llm-notes/readme';
import { formatStylish } from '@llm-notes/reporters';
import { type Command, type CommandContext, useColor } from '../command.js';
import { type GitRunner, type Snapshot, gitEnvironment, gitRunner, snapshotIndex, stageBlob, stagedChanges, unstagedPaths, writeBlob } from '../index-snapshot.js';
import { plural } from '../plural.js';
import { firstDifferentLine } from '../readme-diff.js';
import { allRules, engineHost, ruleIds } from '../rules-table.js';
import { manifestForStagedImages } from '../staged-manifest.js';
import { checkImages } from './images.js';

/** As gen-readme: a larger file at the README's path is not one we wrote. */
const MAX_README_BYTES = 256 * 1024 * 1024;

function isImage(file: string): boolean {
  const extension = path.extname(file).slice(1).toLowerCase();
  return (IMAGE_EXTENSIONS as readonly string[]).includes(extension);
}

const GIT_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE'] as const;

/**
 * Runs `work` with git's variables pointing at the snapshot, so that the
 * rules which ask git (which files are tracked) see the index being
 * committed; restores them afterwards.
 */
async function withSnapshotGit<T>(snapshot: Snapshot, work: () => Promise<T>): Promise<T> {
  const saved = GIT_VARIABLES.map((key) => [key, process.env[key]] as const);
  for (const key of GIT_VARIABLES) {
    const value = snapshot.env[key];
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  try {
    return await work();
  } finally {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** The staged state as a command context: every read goes to the snapshot; output goes to stderr. */
function stagedContext(context: CommandContext, snapshot: Snapshot): CommandContext {
  const repo = new RepoRoot(snapshot.root);
  const config = loadConfig(repo.realPath, ruleIds);
  checkConfigPaths(repo, config, context.contentDir);
  let content: ContentModel | undefined;
  return {
    ...context,
    repo,
    config,
    loadContent: () => (content ??= discoverContent(repo, context.contentDir)),
    stdout: context.stderr,
  };
}

const SKIP_HINT = 'pre-commit: fix the problems above and stage the fix (or skip this check once with `git commit --no-verify`)\n';

async function lintStagedNotes(context: CommandContext, staged: CommandContext, notes: readonly string[]): Promise<boolean> {
  if (notes.length === 0) return true;
  const rules = selectRules(allRules, staged.config).filter((enabled) => enabled.rule.id !== 'link-external');
  const files = await lintFiles(staged, notes, rules, { knownRuleIds: engineHost.knownRuleIds });
  // Findings name the working-tree path the user edits, not the snapshot.
  for (const file of files) file.cwd = context.repo.path;
  if (!hasErrors(files)) return true;
  context.stderr.write(formatStylish(files, { color: useColor(context) }));
  context.stderr.write(`pre-commit: the staged ${notes.length === 1 ? 'note has' : 'notes have'} errors (the commit holds what is staged, not the working tree)\n`);
  return false;
}

async function checkStagedImages(
  context: CommandContext,
  staged: CommandContext,
  git: GitRunner,
  images: readonly { path: string; deleted: boolean }[],
): Promise<boolean> {
  if (images.length === 0) return true;
  const manifestPath = imageManifestPath(staged.contentDir, staged.config.images);
  const update = manifestForStagedImages(staged.repo, context.repo, manifestPath, images);
  if (update) {
    writeFileAtomic(resolveConfigOutput(staged.repo, 'images.manifest', manifestPath, staged.contentDir), update.text, { root: staged.repo.path });
    stageBlob(git, writeBlob(git, Buffer.from(update.text), manifestPath), manifestPath);
    context.stderr.write(`pre-commit: staged the ${manifestPath} entries of ${update.images.join(', ')}\n`);
  }
  const present = images.filter((image) => !image.deleted).map((image) => image.path);
  if (present.length === 0) return true;
  const { result } = await checkImages(staged, present, false, context.stderr);
  if (!result.failed) return true;
  const unstaged = unstagedPaths(git);
  for (const row of result.rows) {
    if (row.status !== 'failed') continue;
    if (unstaged.has(row.file)) {
      context.stderr.write(`  ${row.file}: the working-tree copy differs from the staged one; if \`${context.invocation.command('images')}\` made it, stage it: git add -- '${row.file}'\n`);
    }
  }
  context.stderr.write(`pre-commit: ${plural(present.length, 'staged image')} checked as staged; fix the failures above\n`);
  return false;
}

/** True in `git commit <paths>`, where git hands the hook a temporary index instead of the real one. */
function isPartialCommit(git: GitRunner, env: NodeJS.ProcessEnv): boolean {
  const indexFile = env.GIT_INDEX_FILE;
  if (indexFile === undefined || indexFile === '') return false;
  const gitDir = git(['rev-parse', '--absolute-git-dir']).toString('utf8').trim();
  return path.resolve(indexFile) !== path.join(gitDir, 'index');
}

/** README from the staged notes: staged (and written to the working tree when that copy was untouched), or, in block mode, a stop. */
function updateStagedReadme(context: CommandContext, staged: CommandContext, git: GitRunner): boolean {
  const readmePath = staged.config.readme.output;
  const result = generateReadme(staged.repo, staged.config, staged.loadContent());
  const stagedReadme = resolveConfigOutput(staged.repo, 'readme.output', readmePath, staged.contentDir);
  const current = readRegularFileIfExists(stagedReadme, readmePath, { maxBytes: MAX_README_BYTES });
  if (current?.equals(result.readme.bytes)) return true;
  if (staged.config.hooks.readme === 'block') {
    const where = current === undefined ? '' : `:${firstDifferentLine(current.toString('utf8'), result.readme.after)}`;
    context.stderr.write(`${readmePath}${where}: out of date for the staged notes: run \`${context.invocation.command('gen-readme')}\` and stage it\n`);
    return false;
  }
  const workingReadme = resolveConfigOutput(context.repo, 'readme.output', readmePath, context.contentDir);
  const working = readRegularFileIfExists(workingReadme, readmePath, { maxBytes: MAX_README_BYTES });
  // The working-tree copy is rewritten only when it holds nothing but what was staged.
  const unstagedReadme = working !== undefined && (current === undefined || !working.equals(current));
  stageBlob(git, writeBlob(git, result.readme.bytes, readmePath), readmePath);
  if (!unstagedReadme) writeFileAtomic(workingReadme, result.readme.bytes, { root: context.repo.path });
  context.stderr.write(`pre-commit: regenerated ${readmePath} from the staged notes and staged it\n`);
  if (isPartialCommit(git, context.env)) {
    // `git commit <paths>` commits a temporary index; the user's own index keeps the old README.
    context.stderr.write(`pre-commit: this is \`git commit <paths>\`: your index still holds the old ${readmePath}; after the commit run \`git reset -q -- ${readmePath}\`\n`);
  }
  if (unstagedReadme) context.stderr.write(`pre-commit: ${readmePath} has unstaged edits in the working tree; they were left alone\n`);
  return true;
}

export const preCommitCommand: Command = {
  name: 'pre-commit',
  summary: 'the git pre-commit hook: checks what is staged under the content folder',
  help: `Usage: notes pre-commit

Run by git before each commit (from a hook runner such as simple-git-hooks
or husky; in the toolchain's own repository \`pnpm install\` installs it). Judges what the
commit will hold, the index, not the working tree: a note staged with
\`git add -p\` is linted as staged. For a commit that touches the content
folder it lints the staged notes (an error blocks the commit), checks the
staged images against the budgets (staging the image manifest's entries for
them when the working tree has them), and regenerates README.md from the
staged notes and stages it (with \`hooks.readme: "block"\`, it stops when the
README is stale instead). Findings name the working-tree paths.
A commit that touches nothing under the content folder is not checked.
Skip once with \`git commit --no-verify\`.`,
  options: {},
  allowPositionals: false,
  async run(context) {
    const root = context.repo.path;
    const env = gitEnvironment(root, context.env);
    const git = gitRunner(root, env);
    const folder = context.contentDir.replace(/\/+$/u, '');
    const prefix = folder === '' || folder === '.' ? '' : `${folder}/`;
    const changes = stagedChanges(git);
    const inContent = changes.filter((change) => change.path.startsWith(prefix));
    const markdown = changes.filter((change) => change.status !== 'D' && /\.md$/iu.test(change.path)).map((change) => change.path);
    if (inContent.length === 0 && markdown.length === 0) return 0;

    const snapshot = snapshotIndex(root, git, env);
    try {
      return await withSnapshotGit(snapshot, async () => {
        const staged = stagedContext(context, snapshot);
        // The staged Markdown files `lint` would look at (its layout and `exclude` config, as staged).
        const lintable = new Set(lintTargets(staged, []));
        const notes = markdown.filter((file) => lintable.has(file));
        const images = inContent.filter((change) => isImage(change.path)).map((change) => ({ path: change.path, deleted: change.status === 'D' }));
        let ok = await lintStagedNotes(context, staged, notes);
        ok = (await checkStagedImages(context, staged, git, images)) && ok;
        if (!ok) {
          context.stderr.write(SKIP_HINT);
          return 1;
        }
        // The README is built from the content folder: only a change there can make it stale.
        if (inContent.length === 0) return 0;
        return updateStagedReadme(context, staged, git) ? 0 : 1;
      });
    } finally {
      snapshot.dispose();
    }
  },
};
