import { GithubSlugger, parseMarkdown } from '@llm-notes/core';
import { collectHeadings } from './note-headings.js';
import type { FixedPart, NotePart, Part } from './readme-parts.js';

export interface ReadmeAnchors {
  /** Anchor of the first heading of each fixed part that has one. */
  readonly fixed: ReadonlyMap<FixedPart, string>;
  /** README anchor of each heading of each note, in the note's order. */
  readonly notes: ReadonlyMap<NotePart, readonly string[]>;
}

/**
 * The anchors GitHub gives every heading of the README: one slugger over all
 * headings in their final order (the generator's own and those inside the
 * notes), so repeated titles get the same `-1`, `-2` suffixes as on GitHub.
 */
export function assignAnchors(parts: readonly Part[]): ReadmeAnchors {
  const slugger = new GithubSlugger();
  const fixed = new Map<FixedPart, string>();
  const notes = new Map<NotePart, readonly string[]>();
  for (const part of parts) {
    if (part.kind === 'fixed') {
      const texts = part.headingTexts ?? collectHeadings(parseMarkdown(part.text)).map((heading) => heading.text);
      const anchors = texts.map((text) => slugger.slug(text));
      if (anchors[0] !== undefined) fixed.set(part, anchors[0]);
    } else if (part.kind === 'note') {
      notes.set(part, part.note.headings.map((heading) => slugger.slug(heading.text)));
    }
  }
  return { fixed, notes };
}
