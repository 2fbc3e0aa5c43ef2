import path from 'node:path';
import { escapeInline } from './heading-text.js';
import { encodePath, markdownDestination } from './destination-format.js';
import type { ReadmeAnchors } from './readme-anchors.js';
import type { TocPart } from './readme-parts.js';

/**
 * The README's table of contents: chapters, sections nested with two spaces.
 * Entries link to the README's own headings, or (`tocLinks: "files"`, as the
 * old generator did) to the chapter folders and note files.
 */
export function renderToc(toc: TocPart, anchors: ReadmeAnchors, tocLinks: 'headings' | 'files', readmeFolder: string): string {
  const fileLink = (relPath: string) => markdownDestination(encodePath(path.posix.relative(readmeFolder || '.', relPath)));
  const lines: string[] = [];
  for (const entry of toc.entries) {
    const chapterTarget = tocLinks === 'files' ? fileLink(entry.chapter.relPath) : `#${anchors.fixed.get(entry.heading) ?? ''}`;
    lines.push(`- [${escapeInline(entry.chapter.title)}](${chapterTarget})`);
    for (const { section, heading } of entry.sections) {
      const target = tocLinks === 'files' ? fileLink(section.relPath) : `#${anchors.fixed.get(heading) ?? ''}`;
      lines.push(`  - [${escapeInline(section.title)}](${target})`);
    }
  }
  return lines.join('\n');
}
