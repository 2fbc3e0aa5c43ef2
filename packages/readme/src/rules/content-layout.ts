import path from 'node:path';
import { defineRule, getLintContext, report } from '@llm-notes/core';

/**
 * A Markdown file inside a numbered chapter of the content folder that does
 * not fit the `<n>.<chapter>/<m>.<section>.md` layout gen-readme reads. Only
 * the folders named `<n>.<title>` are chapters; everything else in the
 * repository (assets, site folders, other notes) is not part of the layout
 * and never reported.
 */
export const contentLayout = defineRule(
  {
    id: 'content-layout',
    description: 'A Markdown file in a numbered chapter folder has no number of its own, or shares its number with another note.',
    fixable: false,
    defaultSeverity: 'warn',
    docs: {
      fail: '<!-- content/1.基础/notes.md: in a numbered chapter, with no number -->\n# Notes\n',
      messages: ['1:1: Note `notes.md` in chapter `1.基础` has no number; expected a name like `1.notes.md` (or move it out of the chapter)'],
      pass: '<!-- content/1.基础/1.notes.md -->\n# Notes\n',
    },
    // The content model: every Markdown file's name in the chapters.
    reads: { fileTree: true },
  },
  (_tree, file) => {
    const context = getLintContext(file);
    if (!context?.content || !file.path) return;
    const here = path.relative(context.repo.path, path.resolve(context.repo.path, file.path)).split(path.sep).join('/');
    for (const problem of context.content.problems) {
      if (problem.file === here) report(file, problem.message, { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } });
    }
  },
);
