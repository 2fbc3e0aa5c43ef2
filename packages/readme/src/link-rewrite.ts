import path from 'node:path';
import { type TextEdit, definitionDestinationRange, htmlElements, inlineDestinationRange, normalizeFragment, splitUrl, unescapeDestination } from '@llm-notes/core';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { decodePath, encodePath, isLocationIndependent, markdownDestination } from './destination-format.js';

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
  const { path: urlPath, query, fragment } = splitUrl(url);
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

/** Edits for `src` / `href` of `<img>` and `<a>` tags in an HTML node's source (read by core's HTML model). */
function htmlEdits(text: string, start: number, end: number, context: RewriteContext): TextEdit[] {
  const source = text.slice(start, end);
  const edits: TextEdit[] = [];
  for (const element of htmlElements(source)) {
    if (element.tagName !== 'img' && element.tagName !== 'a') continue;
    for (const attribute of element.attributes.values()) {
      if (attribute.name !== 'src' && attribute.name !== 'href') continue;
      const rewritten = rewriteUrl(attribute.value, context);
      if (rewritten === undefined) continue;
      // The value is written back double-quoted: its own quotes, if any, are part of the replaced bytes.
      const quote = source[attribute.valueStart - 1];
      const quoted = (quote === '"' || quote === "'") && source[attribute.valueEnd] === quote;
      const valueStart = start + attribute.valueStart - (quoted ? 1 : 0);
      const valueEnd = start + attribute.valueEnd + (quoted ? 1 : 0);
      edits.push({ start: valueStart, end: valueEnd, text: `"${rewritten.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;')}"` });
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
    const range = (node.type === 'definition' ? definitionDestinationRange(text, start, end) : inlineDestinationRange(text, start, end))?.raw;
    // Autolinks and anything not located exactly are left alone.
    if (!range || unescapeDestination(text.slice(range.start, range.end)) !== node.url) return;
    const rewritten = rewriteUrl(node.url, context);
    if (rewritten !== undefined) edits.push({ start: range.start, end: range.end, text: markdownDestination(rewritten) });
  });
  return edits;
}
