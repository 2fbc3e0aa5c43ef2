import { defineRule, report } from '@llm-notes/core';
import { READS_FILE_TREE } from '../cross-file-facts.js';
import { noteScope, visitLinks, writtenPath } from '../link-walk.js';

/** A relative link that climbs out of the repository: it cannot work once published, and is never read. */
export const linkOutsideRepository = defineRule(
  {
    id: 'link-outside-repository',
    description: 'Relative links must stay inside the repository (no `../` past the root, no symlink out).',
    fixable: false,
    defaultSeverity: 'error',
    docs: {
      fail: '[other project](../../other-project/README.md)\n',
      messages: [
        '1:1: Link `../../other-project/README.md` leads outside the repository; expected a path inside it',
      ],
      pass: '[next note](./valid.md)\n',
    },
    reads: READS_FILE_TREE,
  },
  (tree, file) => {
    const scope = noteScope(tree, file);
    if (!scope) return;
    for (const { link, target } of visitLinks(scope)) {
      if (target.kind !== 'outside') continue;
      report(file, `Link \`${writtenPath(link)}\` leads outside the repository; expected a path inside it`, link.position);
    }
  },
);
