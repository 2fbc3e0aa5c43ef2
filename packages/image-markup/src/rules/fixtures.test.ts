// The image rules through core's rule harness: fixtures/<rule-id>/, each note with LF and CRLF.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMarkdown } from '@llm-notes/core';
import { describeRules } from '@llm-notes/core/testing';
import type { Node, Parent } from 'unist';
import { describe, expect } from 'vitest';
import { rules } from '../index.js';

/** How many nodes of each container-ish type a document has: a fix must not change these. */
function structure(text: string): Record<string, number> {
  const counts: Record<string, number> = { code: 0, list: 0, listItem: 0, blockquote: 0 };
  const walk = (node: Node): void => {
    if (node.type in counts) counts[node.type] = (counts[node.type] ?? 0) + 1;
    for (const child of (node as Parent).children ?? []) walk(child);
  };
  walk(parseMarkdown(text));
  return counts;
}

describe('image rules', () => {
  describeRules({
    rules,
    fixtures: path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures'),
    // A fix keeps code, lists and blockquotes as they were.
    checkFixed: (input, output) => expect(structure(output)).toEqual(structure(input)),
  });
});
