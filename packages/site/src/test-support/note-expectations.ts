import { readFileSync } from 'node:fs';
import { decodeText, parseMarkdown } from '@llm-notes/core';
import { noteFacts } from '@llm-notes/lint-links';
import { scanMath } from '@llm-notes/lint-math';
import type { SitePage } from '../site-plan.js';

/** What a note's page must show, counted from the note's source by the toolchain's own readers. */
export interface NoteExpectation {
  readonly page: SitePage;
  /** Formulas GitHub renders, as the math linter's scanner finds them. */
  readonly formulas: number;
  /** Images written in the note (Markdown images and HTML `<img>`). */
  readonly images: number;
  /** A Chinese word from the note's text, for the search test. */
  readonly chineseWord: string | undefined;
}

export function expectationsFor(page: SitePage): NoteExpectation {
  const { text } = decodeText(readFileSync(page.section.path), page.section.relPath);
  const tree = parseMarkdown(text);
  const formulas = scanMath(tree, text).formulas.filter((formula) => formula.rendered).length;
  const images = noteFacts(tree, text).links.filter((link) => link.kind === 'image' || link.kind === 'html-img').length;
  // The first run of four Han characters in the prose (not in code or math: those are masked out of the tree's text).
  let chineseWord: string | undefined;
  const visit = (node: { type: string; value?: string; children?: unknown[] }): void => {
    if (chineseWord) return;
    if (node.type === 'text' && node.value) chineseWord = /\p{Script=Han}{4}/u.exec(node.value)?.[0];
    for (const child of node.children ?? []) visit(child as typeof node);
  };
  visit(tree);
  return { page, formulas, images, chineseWord };
}
