import { existsSync } from 'node:fs';
import { linkedPathsFact } from '../cross-file-facts.js';
import path from 'node:path';
import { type LintContext, cached, defineRule, listContentImages, report } from '@llm-notes/core';
import { type LinkEnv, linkEnv } from '../link-env.js';
import { referencedByNotes } from '../referenced-paths.js';

/** Orphan images per note that reports them: note path (root-relative) → image paths (root-relative). */
function orphansByNote(env: LinkEnv, context: LintContext): ReadonlyMap<string, string[]> {
  return cached(env.cache, 'lint-links:orphan-images', () => {
    const content = context.content;
    const byNote = new Map<string, string[]>();
    if (!content || content.notes.length === 0) return byNote;
    const notes = content.notes.map((note) => note.path);
    const readme = env.repo.tryResolve(context.config.readme.output);
    if (readme && existsSync(readme)) notes.push(readme);
    const referenced = referencedByNotes(env.repo, notes);
    const fallback = content.notes[0]?.relPath ?? '';
    // Chapter folder → its first note, looked up by the image's enclosing folders (a scan of every
    // chapter per image would grow with the square of the repository).
    const firstNotes = new Map<string, string | undefined>();
    for (const chapter of [...(content.introChapter ? [content.introChapter] : []), ...content.chapters]) {
      if (!firstNotes.has(chapter.relPath)) firstNotes.set(chapter.relPath, chapter.sections[0]?.relPath);
    }
    for (const image of listContentImages(env.repo, content)) {
      if (referenced.has(image.normalize('NFC').toLowerCase())) continue;
      // Reported once, on the first note of the chapter holding the image (else the first note).
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
  });
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
      pass: '# 第一节\n\n![架构](./images/arch.png)\n\n![损失](./images/loss.png)\n',
    },
    reads: { fileTree: true, facts: [linkedPathsFact] },
  },
  (_tree, file) => {
    const env = linkEnv(file);
    if (!env?.context) return;
    const here = env.repo.relative(env.notePath);
    const orphans = orphansByNote(env, env.context).get(here) ?? [];
    const folder = path.posix.dirname(here);
    for (const image of orphans) {
      const relative = path.posix.relative(folder, image);
      report(file, `Image \`${relative}\` is not referenced by any note; expected a link to it, or deleting it`, { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } });
    }
  },
);
