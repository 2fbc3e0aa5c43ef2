import path from 'node:path';
import { type TextEdit, normalizeFragment } from '@llm-notes/core';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { decodePath, encodePath, isLocationIndependent, markdownDestination } from './destination-format.js';
import { definitionDestination, inlineDestination, unescapeDestination } from './source-scan.js';

/** Where a note lands in the README. */
export interface NoteTarget {
  /** README anchor of the note's section (or of its chapter, for an `ignore` section). */
  readonly anchor: string;
  /** The note's own anchors (as rendered alone, normalised) mapped to README anchors. */
  readonly fragments: ReadonlyMap<string, string>;
}

export interface RewriteContext {
  /** The note, relative to the repository root. */
  readonly notePath: string;
  /** Folder of the README relative to the root (`''` for the root). */
  readonly readmeFolder: string;
  /** Every note by NFC repository-relative path. */
  readonly notes: ReadonlyMap<string, NoteTarget>;
}

function mapFragment(target: NoteTarget, fragment: string | undefined): string {
  if (fragment === undefined || fragment === '') return target.anchor;
  // A fragment that names no heading of the note falls back to the section, never to a dead anchor.
  return target.fragments.get(normalizeFragment(fragment)) ?? target.anchor;
}

/**
 * The URL a note's relative URL becomes in the README, or undefined when it
 * stays as written (absolute, root-relative, leaving the repository, empty).
 */
export function rewriteUrl(url: string, context: RewriteContext): string | undefined {
  if (url === '' || isLocationIndependent(url)) return undefined;
  const hash = url.indexOf('#');
  const beforeHash = hash === -1 ? url : url.slice(0, hash);
  const fragment = hash === -1 ? undefined : url.slice(hash + 1);
  const questionMark = beforeHash.indexOf('?');
  const urlPath = questionMark === -1 ? beforeHash : beforeHash.slice(0, questionMark);
  const query = questionMark === -1 ? '' : beforeHash.slice(questionMark);
  const self = context.notes.get(context.notePath.normalize('NFC'));
  if (urlPath === '' && query === '') return self ? `#${mapFragment(self, fragment)}` : undefined;

  const target = path.posix.normalize(path.posix.join(path.posix.dirname(context.notePath), decodePath(urlPath)));
  if (target === '..' || target.startsWith('../')) return undefined;
  const note = context.notes.get(target.replace(/\/$/u, '').normalize('NFC'));
  if (note && query === '') return `#${mapFragment(note, fragment)}`;
  const fromReadme = path.posix.relative(context.readmeFolder || '.', target) || '.';
  const trailingSlash = urlPath.endsWith('/') && fromReadme !== '.' ? '/' : '';
  return `${encodePath(fromReadme)}${trailingSlash}${query}${fragment === undefined ? '' : `#${fragment}`}`;
}

const TAG = /<(?:img|a)\b(?:[^>"']|"[^"]*"|'[^']*')*>/giu;
const URL_ATTRIBUTE = /(\s(?:src|href)\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/giu;

function decodeEntities(value: string): string {
  return value.replace(/&(amp|quot|apos|lt|gt|#39);/gu, (_match, name: string) => ({ amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', '#39': "'" })[name] ?? '');
}

/** Edits for `src` / `href` of `<img>` and `<a>` tags in an HTML node's source. */
function htmlEdits(text: string, start: number, end: number, context: RewriteContext): TextEdit[] {
  const source = text.slice(start, end);
  const edits: TextEdit[] = [];
  for (const tag of source.matchAll(TAG)) {
    for (const attribute of tag[0].matchAll(URL_ATTRIBUTE)) {
      const raw = attribute[2] ?? attribute[3] ?? attribute[4] ?? '';
      const rewritten = rewriteUrl(decodeEntities(raw), context);
      if (rewritten === undefined) continue;
      const quote = attribute[2] !== undefined ? '"' : attribute[3] !== undefined ? "'" : '';
      const valueStart = start + (tag.index ?? 0) + (attribute.index ?? 0) + (attribute[1]?.length ?? 0);
      const valueEnd = valueStart + raw.length + 2 * quote.length;
      edits.push({ start: valueStart, end: valueEnd, text: `"${rewritten.replace(/&/gu, '&amp;')}"` });
    }
  }
  return edits;
}

/**
 * Edits that make every relative URL of a note resolve from the README:
 * links, images, definitions and `<img src>` / `<a href>` in HTML. Code is
 * never touched (its text is not parsed into these nodes).
 */
export function linkRewriteEdits(text: string, tree: Root, context: RewriteContext): TextEdit[] {
  const edits: TextEdit[] = [];
  visit(tree, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === 'html') {
      edits.push(...htmlEdits(text, start, end, context));
      return;
    }
    if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
    const range = node.type === 'definition' ? definitionDestination(text, start, end) : inlineDestination(text, start, end);
    // Autolinks and anything not located exactly are left alone.
    if (!range || unescapeDestination(text.slice(range.start, range.end)) !== node.url) return;
    const rewritten = rewriteUrl(node.url, context);
    if (rewritten !== undefined) edits.push({ start: range.start, end: range.end, text: markdownDestination(rewritten) });
  });
  return edits;
}
