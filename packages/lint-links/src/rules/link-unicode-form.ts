import { defineRule, report } from '@llm-notes/core';
import { READS_FILE_TREE } from '../cross-file-facts.js';
import { parseDestination } from '../destination.js';
import { noteScope, pathFix, visitLinks, writtenPath } from '../link-walk.js';

/** Composed (NFC: é is one character), decomposed (NFD: e + ◌́) or a mix. */
function unicodeForm(text: string): string {
  if (text === text.normalize('NFC')) return 'composed Unicode (NFC)';
  if (text === text.normalize('NFD')) return 'decomposed Unicode (NFD)';
  return 'a mix of Unicode forms';
}

/**
 * The link names its target with the same letters in another Unicode form
 * than the name on disk (a name made on macOS is often NFD, one typed
 * elsewhere NFC): macOS finds the file either way, GitHub compares bytes and
 * answers 404.
 */
export const linkUnicodeForm = defineRule(
  {
    id: 'link-unicode-form',
    description: 'A link must spell its target in the Unicode form of the name on disk (NFC or NFD): GitHub compares paths byte for byte.',
    fixable: true,
    defaultSeverity: 'error',
    docs: {
      fail: '![图](./images/cafe\u0301.png)\n\n<!-- written decomposed (e + U+0301); the file is images/caf\u00e9.png, composed -->\n',
      messages: [
        '1:1: `./images/cafe\u0301.png` is written in decomposed Unicode (NFD) but the name on disk is in composed Unicode (NFC): GitHub compares paths byte for byte (a 404 there); did you mean `./images/caf\u00e9.png` (the same letters in composed Unicode (NFC))?',
      ],
      pass: '![图](./images/caf\u00e9.png)\n',
    },
    reads: READS_FILE_TREE,
  },
  (tree, file) => {
    const scope = noteScope(tree, file);
    if (!scope) return;
    for (const { link, target } of visitLinks(scope)) {
      if (target.kind !== 'found' || !target.formFixed) continue;
      const fix = pathFix(scope, link, target.segments, target.formFixed);
      const actual = target.formFixed.join('/');
      // The names the link writes, aligned with the last segments of the path on disk; the forms of those that differ.
      const spelled = parseDestination(link.url).spelled.split('/').filter((part) => part !== '' && part !== '.' && part !== '..');
      const disk = target.formFixed.slice(-spelled.length);
      const differing = spelled.map((name, index) => [name, disk[index] ?? name] as const).filter(([name, onDisk]) => name !== onDisk);
      const linkForm = unicodeForm(differing.map(([name]) => name).join(''));
      const diskForm = unicodeForm(differing.map(([, onDisk]) => onDisk).join(''));
      const hint = fix ? `did you mean \`${fix.written}\` (the same letters in ${diskForm})?` : `the file is \`${actual}\``;
      report(
        file,
        `\`${writtenPath(link)}\` is written in ${linkForm} but the name on disk is in ${diskForm}: GitHub compares paths byte for byte (a 404 there); ${hint}`,
        link.position,
        { fix: fix ? [fix.edit] : undefined, expected: fix ? [fix.written] : undefined },
      );
    }
  },
);
