import { existsSync } from 'node:fs';
import path from 'node:path';
import { type LintContext, type RepoRoot, type RunFinding, cached, defineRule, listContentImages, report } from '@llm-notes/core';
import { linkedPathsFact } from '../cross-file-facts.js';
import { linkEnv } from '../link-env.js';
import { referencedByNotes } from '../referenced-paths.js';

/** The notes whose links count: every note of the content, and the README when it exists (absolute paths). */
function linkingNotes(repo: RepoRoot, context: LintContext): string[] {
  const notes = (context.content?.notes ?? []).map((note) => note.path);
  const readme = repo.tryResolve(context.config.readme.output);
  if (readme && existsSync(readme)) notes.push(readme);
  return notes;
}

/** The notes an orphan can be reported on: the first note of each chapter, and the first note of all. */
function reportingNotes(context: LintContext): Set<string> {
  const content = context.content;
  const notes = new Set<string>();
  if (!content || content.notes.length === 0) return notes;
  notes.add(content.notes[0]?.relPath ?? '');
  for (const chapter of [...(content.introChapter ? [content.introChapter] : []), ...content.chapters]) {
    const first = chapter.sections[0]?.relPath;
    if (first !== undefined) notes.add(first);
  }
  return notes;
}

/**
 * Orphan images per note that reports them: note path (root-relative) → image
 * paths (root-relative). `referenced` holds every path the linking notes link
 * to (root-relative, NFC, lower-cased).
 */
function orphansByNote(repo: RepoRoot, context: LintContext, referenced: ReadonlySet<string>): Map<string, string[]> {
  const content = context.content;
  const byNote = new Map<string, string[]>();
  if (!content || content.notes.length === 0) return byNote;
  const fallback = content.notes[0]?.relPath ?? '';
  const firstNotes = new Map<string, string | undefined>();
  for (const chapter of [...(content.introChapter ? [content.introChapter] : []), ...content.chapters]) {
    if (!firstNotes.has(chapter.relPath)) firstNotes.set(chapter.relPath, chapter.sections[0]?.relPath);
  }
  for (const image of listContentImages(repo, content)) {
    if (referenced.has(image.normalize('NFC').toLowerCase())) continue;
    let owner: string | undefined;
    for (let slash = image.lastIndexOf('/'); slash > 0 && owner === undefined; slash = image.lastIndexOf('/', slash - 1)) {
      const folder = image.slice(0, slash);
      if (firstNotes.has(folder)) owner = firstNotes.get(folder) ?? fallback;
    }
    owner ??= fallback;
    const list = byNote.get(owner);
    if (list) list.push(image);
    else byNote.set(owner, [image]);
  }
  return byNote;
}

function orphanMessage(note: string, image: string): string {
  const relative = path.posix.relative(path.posix.dirname(note), image);
  return `Image \`${relative}\` is not referenced by any note; expected a link to it, or deleting it`;
}

/** An image under the content folder that no note (nor the README) references. */
export const linkOrphanImage = defineRule(
  {
    id: 'link-orphan-image',
    description: 'Every image under the content folder must be used by a note or the README; reported once per run on the first note of the chapter holding it.',
    fixable: false,
    defaultSeverity: 'warn',
    docs: {
      fail: '# 第一节\n\n![架构](./images/arch.png)\n\n<!-- images/loss.png is in this chapter too, and no note links to it -->\n',
      messages: [
        '1:1: Image `images/loss.png` is not referenced by any note; expected a link to it, or deleting it',
      ],
      pass: '# 第一节\n\n![架构](./images/arch.png)\n\n![损失](./images/loss.png)\n',
    },
    // In the lint engine: the paths each linted note links to are collected as it is linted
    // (no second parse); only notes the run did not lint are read here.
    afterFiles: {
      collects: [linkedPathsFact],
      run: (files, context) => {
        // A run without a note that could carry the findings (`lint README.md`) reads nothing.
        if (![...reportingNotes(context)].some((note) => files.paths.has(note))) return [];
        const linked = files.facts(linkedPathsFact.id);
        const referenced = new Set<string>();
        const unread: string[] = [];
        for (const note of linkingNotes(context.repo, context)) {
          const paths = linked.get(context.repo.relative(note));
          if (Array.isArray(paths)) for (const linkedPath of paths) referenced.add(String(linkedPath));
          else unread.push(note);
        }
        for (const linkedPath of referencedByNotes(context.repo, unread)) referenced.add(linkedPath);
        const findings: RunFinding[] = [];
        for (const [note, images] of orphansByNote(context.repo, context, referenced)) {
          for (const image of images) findings.push({ path: note, reason: orphanMessage(note, image) });
        }
        return findings;
      },
    },
  },
  // Outside the engine (a plain linter over some files): every linking note is read once per run.
  (_tree, file) => {
    const env = linkEnv(file);
    const context = env?.context;
    if (!env || !context) return;
    const orphans = cached(env.cache, 'lint-links:orphan-images', () => orphansByNote(env.repo, context, referencedByNotes(env.repo, linkingNotes(env.repo, context))));
    const here = env.repo.relative(env.notePath);
    for (const image of orphans.get(here) ?? []) {
      report(file, orphanMessage(here, image), { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } });
    }
  },
);
