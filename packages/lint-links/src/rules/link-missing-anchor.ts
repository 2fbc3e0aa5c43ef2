import { defineRule, normalizeFragment, report } from '@llm-notes/core';
import { anchorsFact } from '../cross-file-facts.js';
import type { LinkUse } from '../facts.js';
import { type NoteScope, noteScope, visitLinks } from '../link-walk.js';
import { anchorsOfNote, isMarkdownPath, rememberAnchors } from '../note-anchors.js';
import { closestCandidate } from '../suggest.js';

/** Fragments every page has: the top of the page. */
const ALWAYS = new Set(['', 'top']);

/** The fragment as GitHub compares it; `user-content-` is the prefix GitHub puts on rendered ids. */
function comparable(fragment: string): string {
  const normal = normalizeFragment(fragment);
  return normal.startsWith('user-content-') ? normal.slice('user-content-'.length) : normal;
}

/** A fix replacing the fragment bytes, written like the original (percent-encoded or raw). */
function fragmentFix(scope: NoteScope, link: LinkUse, suggestion: string) {
  if (!link.range) return undefined;
  const raw = scope.source.slice(link.range.start, link.range.end);
  const hash = raw.indexOf('#');
  if (hash === -1) return undefined;
  const written = raw.slice(hash + 1);
  const text = /%[\da-f]{2}/iu.test(written) ? encodeURIComponent(suggestion) : suggestion;
  return { start: link.range.start + hash + 1, end: link.range.end, text };
}

/** `#fragment` (same note, another note, the README) that matches no anchor GitHub renders. */
export const linkMissingAnchor = defineRule(
  {
    id: 'link-missing-anchor',
    description: 'A `#fragment` must match a heading slug or an HTML `id`/`name` of the target note, as GitHub renders it.',
    fixable: true,
    defaultSeverity: 'error',
    docs: {
      fail: '## 注意力机制\n\nSee [above](#注意力).\n',
      messages: [
        '3:5: Cannot find heading `#注意力` in this note; expected the anchor of one of its headings or HTML ids',
      ],
      pass: '## 注意力机制\n\nSee [above](#注意力机制).\n',
    },
    reads: { fileTree: true, facts: [anchorsFact] },
  },
  (tree, file) => {
    const scope = noteScope(tree, file);
    if (!scope) return;
    const own = new Set(scope.facts.anchors);
    rememberAnchors(scope.env, scope.facts.anchors);
    for (const { link, target } of visitLinks(scope)) {
      let anchors: ReadonlySet<string>;
      let where: string;
      // A link without a fragment asks nothing of the target's headings: its note is not parsed for them.
      if ((target.kind !== 'self' && target.kind !== 'found') || target.fragment === undefined) continue;
      const { fragment } = target;
      if (target.kind === 'self') {
        anchors = own;
        where = 'this note';
      } else if (isMarkdownPath(target.absolute)) {
        anchors = target.absolute === scope.env.notePath ? own : anchorsOfNote(scope.env, target.absolute);
        where = `\`${target.relPath}\``;
      } else {
        continue;
      }
      const wanted = comparable(fragment);
      if (ALWAYS.has(wanted) || anchors.has(wanted)) continue;
      const sameButCase = [...anchors].find((anchor) => anchor.toLowerCase() === wanted.toLowerCase());
      if (sameButCase !== undefined) {
        // github.com finds it (its anchors ignore case); other renderers and sites do not.
        const caseFix = fragmentFix(scope, link, sameButCase);
        report(file, `Heading \`#${wanted}\` in ${where} differs only in letter case from \`#${sameButCase}\`; GitHub finds it, other renderers may not`, link.position, {
          fix: caseFix ? [caseFix] : undefined,
          expected: [`#${sameButCase}`],
          warningOnly: true,
        });
        continue;
      }
      const suggestion = closestCandidate(wanted, anchors);
      const edit = suggestion === undefined ? undefined : fragmentFix(scope, link, suggestion);
      const hint = suggestion === undefined ? '; expected the anchor of one of its headings or HTML ids' : `; did you mean \`#${suggestion}\`?`;
      report(file, `Cannot find heading \`#${wanted}\` in ${where}${hint}`, link.position, {
        fix: edit ? [edit] : undefined,
        expected: suggestion === undefined ? undefined : [`#${suggestion}`],
      });
    }
  },
);
