import { defineRule, report } from '@llm-notes/core';
import { READS_FILE_TREE } from '../cross-file-facts.js';
import { noteScope, pathFix, visitLinks, writtenPath } from '../link-walk.js';

/** The target exists only with other letter case: fine on macOS and Windows, a 404 on GitHub. */
export const linkCaseMismatch = defineRule(
  {
    id: 'link-case-mismatch',
    description: 'A link must spell its target with the exact letter case of the file (GitHub is case-sensitive).',
    fixable: true,
    defaultSeverity: 'error',
    docs: {
      fail: '![MoE](./images/moe.png)\n\n<!-- the file is images/MOE.png -->\n',
      messages: [
        '1:1: Letter case of `./images/moe.png` differs from the file on disk (404 on GitHub); did you mean `./images/MOE.png`?',
      ],
      pass: '![MoE](./images/MOE.png)\n',
    },
    reads: READS_FILE_TREE,
  },
  (tree, file) => {
    const scope = noteScope(tree, file);
    if (!scope) return;
    for (const { link, target } of visitLinks(scope)) {
      if (target.kind !== 'found' || !target.caseFixed) continue;
      const fix = pathFix(scope, link, target.segments, target.caseFixed);
      const actual = target.caseFixed.join('/');
      const hint = fix ? `did you mean \`${fix.written}\`?` : `the file is \`${actual}\``;
      report(file, `Letter case of \`${writtenPath(link)}\` differs from the file on disk (404 on GitHub); ${hint}`, link.position, {
        fix: fix ? [fix.edit] : undefined,
        expected: fix ? [fix.written] : undefined,
      });
    }
  },
);
