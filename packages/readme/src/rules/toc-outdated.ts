import path from 'node:path';
import { defineRule, getLintContext, report } from '@llm-notes/core';
import { outdatedTocs } from '../note-toc.js';

/**
 * A `<!-- toc -->` … `<!-- tocstop -->` block must list the note's headings as
 * they are now. The generated README is skipped: its blocks point at README
 * anchors on purpose.
 */
export const tocOutdated = defineRule(
  {
    id: 'toc-outdated',
    description: 'A `<!-- toc -->` … `<!-- tocstop -->` block does not list the note’s current headings.',
    fixable: true,
    defaultSeverity: 'error',
    docs: {
      fail: '# Notes\n\n<!-- toc -->\n\n- [Old title](#old-title)\n\n<!-- tocstop -->\n\n## Attention\n',
      messages: [
        '3:1: table of contents is out of date',
      ],
      pass: '# Notes\n\n<!-- toc -->\n\n- [Notes](#notes)\n  - [Attention](#attention)\n\n<!-- tocstop -->\n\n## Attention\n',
    },
  },
  (tree, file) => {
    const context = getLintContext(file);
    const readme = context ? context.config.readme.output : 'README.md';
    if (file.path && path.posix.normalize(file.path.split(path.sep).join('/')) === path.posix.normalize(readme)) return;
    const text = String(file.value);
    for (const { block, edit } of outdatedTocs(text, tree)) {
      report(file, 'table of contents is out of date', block.open, {
        fix: [edit],
        note: 'Run `notes fix` or `notes gen-readme` to regenerate it.',
      });
    }
  },
);
