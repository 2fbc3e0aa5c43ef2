import { defineRule, report } from '@llm-notes/core';
import { trackedFiles } from '../git-tracked.js';
import { noteScope, visitLinks, writtenPath } from '../link-walk.js';

/** In a git checkout: the target exists on disk but git does not track it, so it will 404 once pushed. */
export const linkUntrackedTarget = defineRule(
  {
    id: 'link-untracked-target',
    description: 'A link target must be tracked by git (not ignored, not forgotten by `git add`).',
    fixable: false,
    defaultSeverity: 'error',
    docs: {
      fail: '![plot](./images/plot.untracked.png)\n\n<!-- the image exists, but was never `git add`ed -->\n',
      messages: [
        '1:1: Target `./images/plot.untracked.png` exists but is not tracked by git (untracked or ignored): it will 404 once pushed; expected `git add images/plot.untracked.png`',
      ],
      pass: '![plot](./images/tracked.png)\n\n<!-- tracked by git -->\n',
    },
    reads: { fileTree: true, gitIndex: true },
  },
  (tree, file) => {
    const scope = noteScope(tree, file);
    if (!scope) return;
    const tracked = trackedFiles(scope.env);
    if (!tracked) return;
    for (const { link, target } of visitLinks(scope)) {
      if (target.kind !== 'found') continue;
      const name = target.relPath.normalize('NFC');
      if (tracked.files.has(name) || tracked.folders.has(name)) continue;
      report(file, `Target \`${writtenPath(link)}\` exists but is not tracked by git (untracked or ignored): it will 404 once pushed; expected \`git add ${target.relPath}\``, link.position);
    }
  },
);
