import { parseMarkdown } from '@llm-notes/core';
import { noteFacts } from '../facts.js';

export interface ExternalLink {
  readonly url: string;
  readonly line: number;
  readonly column: number;
}

/** The `http(s)` links and images of a note, with where they are. */
export function externalLinks(text: string): ExternalLink[] {
  const facts = noteFacts(parseMarkdown(text), text);
  return facts.links
    .filter((link) => /^https?:\/\//iu.test(link.url))
    .map((link) => ({ url: link.url, line: link.position?.start.line ?? 1, column: link.position?.start.column ?? 1 }));
}
