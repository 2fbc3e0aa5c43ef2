import { defineRule, report } from '@llm-notes/core';
import { READS_FILE_TREE } from '../cross-file-facts.js';
import { noteScope, pathFix, visitLinks, writtenPath } from '../link-walk.js';

/** A relative link or image whose target does not exist (after GitHub's own resolution). */
export const linkMissingFile = defineRule(
  {
    id: 'link-missing-file',
    description: 'Relative links and images (Markdown or HTML) must point to a file or folder that exists.',
    fixable: true,
    defaultSeverity: 'error',
    docs: {
      fail: '![Attention](./images/atention.png)\n',
      messages: [
        '1:1: Cannot find image `./images/atention.png`; did you mean `./images/attention.png`?',
      ],
      pass: '![Attention](./images/attention.png)\n',
    },
    reads: READS_FILE_TREE,
  },
  (tree, file) => {
    const scope = noteScope(tree, file);
    if (!scope) return;
    for (const { link, target } of visitLinks(scope)) {
      if (target.kind !== 'missing') continue;
      // `www.…` without a scheme is a web address gone wrong: link-suspicious-destination says so.
      if (/^www\./iu.test(link.url)) continue;
      const what = link.kind === 'image' || link.kind === 'html-img' ? 'image' : 'file';
      const fix = target.suggestion ? pathFix(scope, link, target.segments, target.suggestion) : undefined;
      const hint = fix ? `; did you mean \`${fix.written}\`?` : '; expected the path of an existing file or folder';
      report(file, `Cannot find ${what} \`${writtenPath(link)}\`${hint}`, link.position, {
        fix: fix ? [fix.edit] : undefined,
        expected: fix ? [fix.written] : undefined,
      });
    }
  },
);
