import path from 'node:path';
import { generatedMarkdown } from '@llm-notes/core';
import { encodePath } from './destination-format.js';
import { type LinkEntry, linkList } from './link-list.js';
import type { ReadmeAnchors } from './readme-anchors.js';
import type { TocPart } from './readme-parts.js';

/**
 * The README's table of contents: chapters, sections nested with two spaces.
 * Entries link to the README's own headings, or (`tocLinks: "files"`, as the
 * old generator did) to the chapter folders and note files.
 */
export function renderToc(toc: TocPart, anchors: ReadmeAnchors, tocLinks: 'headings' | 'files', readmeFolder: string): string {
  const fileUrl = (relPath: string) => encodePath(path.posix.relative(readmeFolder || '.', relPath));
  const entries: LinkEntry[] = [];
  for (const entry of toc.entries) {
    const chapterUrl = tocLinks === 'files' ? fileUrl(entry.chapter.relPath) : `#${anchors.fixed.get(entry.heading) ?? ''}`;
    entries.push({ depth: 1, text: entry.chapter.title.trim(), url: chapterUrl });
    for (const { section, heading } of entry.sections) {
      const url = tocLinks === 'files' ? fileUrl(section.relPath) : `#${anchors.fixed.get(heading) ?? ''}`;
      entries.push({ depth: 2, text: section.title.trim(), url });
    }
  }
  return entries.length === 0 ? '' : generatedMarkdown([linkList(entries)]);
}
