import {
  type SourceLocator,
  type SourceRange,
  definitionDestinationRange,
  headingText,
  htmlAnchors,
  inlineDestinationRange,
  normalizeLabel,
  slugsFor,
  sourceLocator,
} from '@llm-notes/core';
import type { Heading, Html, Nodes, Root, Text } from 'mdast';
import type { Position } from 'unist';
import { visit } from 'unist-util-visit';
import { htmlLinks } from './html-attributes.js';

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

function checkedRange(source: string, range: SourceRange | undefined): SourceRange | undefined {
  return range && range.end <= source.length ? range : undefined;
}

const UNDEFINED_REFERENCE = /(?<![\w\]\\])\[([^[\]\n]+)\]\[([^[\]\n]*)\]/gu;

function collectUndefined(node: Text, source: string, defined: Set<string>, out: ReferenceUse[], locator: SourceLocator): void {
  const start = node.position?.start.offset;
  for (const match of node.value.matchAll(UNDEFINED_REFERENCE)) {
    const label = match[2] === '' ? (match[1] ?? '') : (match[2] ?? '');
    if (defined.has(normalizeLabel(label))) continue;
    let position = node.position;
    if (start !== undefined && source.slice(start + match.index, start + match.index + match[0].length) === match[0]) {
      position = { start: locator.point(start + match.index), end: locator.point(start + match.index + match[0].length) };
    }
    out.push({ identifier: normalizeLabel(label), label, position });
  }
}

const factsOfTree = new WeakMap<Root, NoteFacts>();

/** Links, anchors and references of a parsed note (computed once per tree). */
export function noteFacts(tree: Root, source: string): NoteFacts {
  const known = factsOfTree.get(tree);
  if (known) return known;
  const locator = sourceLocator(source);
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
        const range = start === undefined || end === undefined ? undefined : inlineDestinationRange(source, start, end)?.inner;
        links.push({ kind: node.type, url: node.url, position: node.position, range: checkedRange(source, range) });
        break;
      }
      case 'definition': {
        const range = start === undefined || end === undefined ? undefined : definitionDestinationRange(source, start, end)?.inner;
        links.push({ kind: 'definition', url: node.url, position: node.position, range: checkedRange(source, range) });
        definitions.push({ identifier: normalizeLabel(node.identifier), label: node.label ?? node.identifier, position: node.position });
        break;
      }
      case 'linkReference':
      case 'imageReference':
        references.push({ identifier: normalizeLabel(node.identifier), label: node.label ?? node.identifier, position: node.position });
        break;
      case 'html':
        collectHtml(node as Html, source, links, extraAnchors, locator);
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
  for (const text of texts) if (text.value.includes('][')) collectUndefined(text, source, defined, undefinedReferences, locator);

  const anchors = [...slugsFor(headings), ...extraAnchors].map((anchor) => anchor.normalize('NFC'));
  const facts: NoteFacts = { links, anchors, definitions, references, undefinedReferences };
  factsOfTree.set(tree, facts);
  return facts;
}

function collectHtml(node: Html, source: string, links: LinkUse[], anchors: string[], locator: SourceLocator): void {
  anchors.push(...htmlAnchors(node.value));
  const base = node.position?.start.offset;
  for (const link of htmlLinks(node.value)) {
    let range: SourceRange | undefined;
    let position = node.position;
    // The node's value equals its source unless container prefixes (`> `) were stripped.
    if (base !== undefined && source.slice(base, base + node.value.length) === node.value) {
      range = { start: base + link.offset, end: base + link.end };
      position = { start: locator.point(range.start), end: locator.point(range.end) };
    }
    links.push({ kind: link.tag === 'img' ? 'html-img' : 'html-a', url: link.url, position, range });
  }
}
