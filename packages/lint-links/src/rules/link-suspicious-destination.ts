import path from 'node:path';
import { type TextEdit, defineRule, report } from '@llm-notes/core';
import type { LinkUse } from '../facts.js';
import { type NoteScope, noteScope } from '../link-walk.js';

interface Finding {
  readonly reason: string;
  readonly replacement?: string;
}

const QUOTE = /^["'“”‘’「『]/u;
const LINE_BREAK = /[\n\r\t]|%0[ad]/iu;

/** `https://github.com/o/r/blob/<ref>/<path>` → `<path>` (the ref is one segment). */
function repositoryPath(url: string, repositoryUrl: string): { path: string; rest: string } | undefined {
  const base = repositoryUrl.replace(/\/+$/u, '');
  const match = /^\/(?:blob|tree|raw)\/[^/]+\/([^?#]*)([?#].*)?$/u.exec(url.startsWith(base) ? url.slice(base.length) : '');
  if (!match) return undefined;
  return { path: decodeURIComponent(match[1] ?? ''), rest: match[2]?.startsWith('#') ? (match[2] ?? '') : '' };
}

const FULL_WIDTH_SCHEME = /^([a-z][a-z\d+.-]*)：(?:\/\/|／／)/iu;

function examine(scope: NoteScope, link: LinkUse): Finding | undefined {
  const { url } = link;
  if (url === '' && (link.kind === 'link' || link.kind === 'image')) {
    return { reason: 'Destination is empty, so GitHub links to this same page; expected a path or URL (or plain text instead of a link)' };
  }
  if (url.startsWith('##')) {
    const single = `#${url.replace(/^#+/u, '')}`;
    return { reason: `Fragment \`${url}\` has more than one \`#\`, so it matches no heading; did you mean \`${single}\`?`, replacement: single };
  }
  const fullWidth = FULL_WIDTH_SCHEME.exec(url);
  if (fullWidth) {
    const fixed = `${fullWidth[1]}://${url.slice(fullWidth[0].length)}`;
    return { reason: `Destination \`${url}\` has a full-width colon after the scheme, so GitHub treats it as a relative path; did you mean \`${fixed}\`?`, replacement: fixed };
  }
  if (url.includes('\\') && !/^[a-z][a-z\d+.-]*:|^\/\//iu.test(url)) {
    const fixed = url.replace(/\\/gu, '/');
    return { reason: `Path \`${url}\` uses \`\\\` as a separator, which GitHub serves as part of the name (404); did you mean \`${fixed}\`?`, replacement: fixed };
  }
  if (QUOTE.test(url)) return { reason: `Destination \`${url}\` starts with a quote; expected a bare URL (a title goes after it: \`(url "title")\`)` };
  if (LINE_BREAK.test(url)) return { reason: 'Destination contains a line break; expected the URL on one line' };
  if (/^www\./iu.test(url)) return { reason: `Destination \`${url}\` has no scheme, so GitHub treats it as a relative path; did you mean \`https://${url}\`?`, replacement: `https://${url}` };
  const repositoryUrl = scope.env.options?.repositoryUrl;
  if (repositoryUrl) {
    const inside = repositoryPath(url, repositoryUrl);
    if (inside) {
      const noteFolder = path.posix.dirname(scope.env.repo.relative(scope.env.notePath));
      let relative = path.posix.relative(noteFolder, inside.path) || '.';
      if (/[\s<>]/u.test(relative)) relative = encodeURI(relative);
      const replacement = `${relative}${inside.rest}`;
      return { reason: `Link to this repository's own GitHub URL; did you mean the relative \`${replacement}\`?`, replacement };
    }
  }
  return undefined;
}

/**
 * Destinations that are probably typos: empty, `##fragment`, a full-width
 * colon after the scheme, `\` path separators, a leading quote, a broken
 * line, `www.` without scheme, this repo's absolute URL.
 */
export const linkSuspiciousDestination = defineRule(
  {
    id: 'link-suspicious-destination',
    description:
      'Flags destinations that are likely mistakes: empty, a `##` fragment, a full-width colon after the scheme, `\\` path separators, a leading quote, a line break, `www.` without a scheme, or an absolute URL of this repository that should be relative.',
    fixable: true,
    defaultSeverity: 'warn',
    docs: {
      fail: 'See [vLLM](www.github.com/vllm-project/vllm).\n',
      messages: [
        '1:5: Destination `www.github.com/vllm-project/vllm` has no scheme, so GitHub treats it as a relative path; did you mean `https://www.github.com/vllm-project/vllm`?',
      ],
      pass: 'See [vLLM](https://www.github.com/vllm-project/vllm).\n',
    },
  },
  (tree, file) => {
    const scope = noteScope(tree, file);
    if (!scope) return;
    for (const link of scope.facts.links) {
      const finding = examine(scope, link);
      if (!finding) continue;
      let fix: TextEdit[] | undefined;
      if (finding.replacement !== undefined && link.range && scope.source.slice(link.range.start, link.range.end) === link.url) {
        fix = [{ start: link.range.start, end: link.range.end, text: finding.replacement }];
      }
      report(file, finding.reason, link.position, { fix, expected: finding.replacement === undefined ? undefined : [finding.replacement] });
    }
  },
);
