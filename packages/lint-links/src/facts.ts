import { slugsFor } from '@llm-notes/core';
import type { Heading, Html, Nodes, Root, Text } from 'mdast';
import type { Position } from 'unist';
import { visit } from 'unist-util-visit';
import { htmlAnchors, htmlLinks } from './html-attributes.js';
import { type SourceRange, definitionDestinationRange, inlineDestinationRange } from './source-ranges.js';

export type LinkKind = 'link' | 'image' | 'definition' | 'html-img' | 'html-a';

/** One destination written in a note. */
export interface LinkUse {
  readonly kind: LinkKind;
  /** The destination as Markdown reads it (escapes and entities decoded, no angle brackets). */
  readonly url: string;
  readonly position: Position | undefined;
  /** Where the destination's bytes are in the source, when they could be found exactly. */
  readonly range: SourceRange | undefined;
}

export interface ReferenceUse {
  readonly identifier: string;
  readonly label: string;
  readonly position: Position | undefined;
}

/** What the link rules need from one note; the syntax tree can be dropped once this is taken. */
export interface NoteFacts {
  readonly links: LinkUse[];
  /** Anchors GitHub renders for this note (heading slugs, HTML `id`/`name`), NFC. */
  readonly anchors: string[];
  readonly definitions: ReferenceUse[];
  readonly references: ReferenceUse[];
  /** `[text][id]` left as plain text because `id` has no definition. */
  readonly undefinedReferences: ReferenceUse[];
}

/** Plain text of a heading as GitHub slugs it: no HTML tags, no image alt. */
function headingText(node: Nodes): string {
  if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference') return '';
  if ('value' in node) return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(headingText).join('');
  return '';
}

/** Line/column positions for offsets inside a source, computed on demand. */
export function offsetLocator(source: string): (offset: number) => { line: number; column: number; offset: number } {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) starts.push(index + 1);
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1, offset };
  };
}

function checkedRange(source: string, range: SourceRange | undefined): SourceRange | undefined {
  return range && range.end <= source.length ? range : undefined;
}

const UNDEFINED_REFERENCE = /(?<![\w\]\\])\[([^[\]\n]+)\]\[([^[\]\n]*)\]/gu;

function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/gu, ' ').trim().toLowerCase().toUpperCase();
}

function collectUndefined(node: Text, source: string, defined: Set<string>, out: ReferenceUse[], locate: ReturnType<typeof offsetLocator>): void {
  const start = node.position?.start.offset;
  for (const match of node.value.matchAll(UNDEFINED_REFERENCE)) {
    const label = match[2] === '' ? (match[1] ?? '') : (match[2] ?? '');
    if (defined.has(normalizeLabel(label))) continue;
    let position = node.position;
    if (start !== undefined && source.slice(start + match.index, start + match.index + match[0].length) === match[0]) {
      position = { start: locate(start + match.index), end: locate(start + match.index + match[0].length) };
    }
    out.push({ identifier: normalizeLabel(label), label, position });
  }
}

const factsOfTree = new WeakMap<Root, NoteFacts>();

/** Links, anchors and references of a parsed note (computed once per tree). */
export function noteFacts(tree: Root, source: string): NoteFacts {
  const known = factsOfTree.get(tree);
  if (known) return known;
  const locate = offsetLocator(source);
  const links: LinkUse[] = [];
  const headings: string[] = [];
  const extraAnchors: string[] = [];
  const definitions: ReferenceUse[] = [];
  const references: ReferenceUse[] = [];
  const texts: Text[] = [];

  visit(tree, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    switch (node.type) {
      case 'heading':
        headings.push(headingText(node as Heading));
        break;
      case 'link':
      case 'image': {
        const range = start === undefined || end === undefined ? undefined : inlineDestinationRange(source, start, end);
        links.push({ kind: node.type, url: node.url, position: node.position, range: checkedRange(source, range) });
        break;
      }
      case 'definition': {
        const range = start === undefined || end === undefined ? undefined : definitionDestinationRange(source, start, end);
        links.push({ kind: 'definition', url: node.url, position: node.position, range: checkedRange(source, range) });
        definitions.push({ identifier: normalizeLabel(node.identifier), label: node.label ?? node.identifier, position: node.position });
        break;
      }
      case 'linkReference':
      case 'imageReference':
        references.push({ identifier: normalizeLabel(node.identifier), label: node.label ?? node.identifier, position: node.position });
        break;
      case 'html':
        collectHtml(node as Html, source, links, extraAnchors, locate);
        break;
      case 'text':
        texts.push(node as Text);
        break;
      default:
        break;
    }
  });

  const defined = new Set(definitions.map((definition) => definition.identifier));
  const undefinedReferences: ReferenceUse[] = [];
  for (const text of texts) if (text.value.includes('][')) collectUndefined(text, source, defined, undefinedReferences, locate);

  const anchors = [...slugsFor(headings), ...extraAnchors].map((anchor) => anchor.normalize('NFC'));
  const facts: NoteFacts = { links, anchors, definitions, references, undefinedReferences };
  factsOfTree.set(tree, facts);
  return facts;
}

function collectHtml(node: Html, source: string, links: LinkUse[], anchors: string[], locate: ReturnType<typeof offsetLocator>): void {
  anchors.push(...htmlAnchors(node.value));
  const base = node.position?.start.offset;
  for (const link of htmlLinks(node.value)) {
    let range: SourceRange | undefined;
    let position = node.position;
    // The node's value equals its source unless container prefixes (`> `) were stripped.
    if (base !== undefined && source.slice(base, base + node.value.length) === node.value) {
      range = { start: base + link.offset, end: base + link.offset + rawLength(node.value, link.offset) };
      position = { start: locate(range.start), end: locate(range.end) };
    }
    links.push({ kind: link.tag === 'img' ? 'html-img' : 'html-a', url: link.url, position, range });
  }
}

/** Length of the raw attribute value starting at `offset` (up to its closing quote or a space). */
function rawLength(html: string, offset: number): number {
  const quote = html[offset - 1];
  const stop = quote === '"' || quote === "'" ? html.indexOf(quote, offset) : html.slice(offset).search(/[\s>]/u) + offset;
  return Math.max(0, (stop < offset ? html.length : stop) - offset);
}
