import { parseMarkdown } from '@llm-notes/core';

export interface ImageFields {
  readonly alt: string;
  readonly src: string;
  readonly title: string | undefined;
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/gu;

/** True when `markdown` parses to exactly one image with these fields. */
function parsesTo(markdown: string, fields: ImageFields): boolean {
  const paragraph = parseMarkdown(markdown).children;
  if (paragraph.length !== 1 || paragraph[0]?.type !== 'paragraph') return false;
  const only = paragraph[0].children;
  const image = only[0];
  return (
    only.length === 1 &&
    image?.type === 'image' &&
    image.alt === fields.alt &&
    image.url === fields.src &&
    (image.title ?? undefined) === fields.title
  );
}

function altCandidates(alt: string): string[] {
  // Least escaping first; the first spelling that parses back to the same alt wins.
  return [alt.replace(/[\\[\]]/gu, '\\$&'), alt.replace(/[\\[\]*_`<&!~$]/gu, '\\$&'), alt.replace(ASCII_PUNCTUATION, '\\$&')];
}

function destinationCandidates(src: string): string[] {
  const angled = `<${src.replace(/[\\<>]/gu, '\\$&')}>`;
  // Spaces and parentheses read best (and parse safely) inside `<…>`.
  if (src === '' || /[\s()<>]/u.test(src)) return [angled];
  return [src, src.replace(/[\\&]/gu, '\\$&'), angled];
}

function titleCandidates(title: string | undefined): string[] {
  if (title === undefined) return [''];
  return [` "${title.replace(/["\\]/gu, '\\$&')}"`, ` "${title.replace(ASCII_PUNCTUATION, '\\$&')}"`];
}

/**
 * The Markdown `![alt](src "title")` for these fields: the least escaped
 * spelling that parses back to exactly them (`[`, `]` and `\` escaped in
 * the alt, `<…>` around a destination with spaces or parentheses), or
 * undefined when Markdown cannot say it on one line.
 */
export function markdownImage(fields: ImageFields): string | undefined {
  if (/[\r\n]/u.test(fields.alt + fields.src + (fields.title ?? ''))) return undefined;
  for (const alt of altCandidates(fields.alt)) {
    for (const destination of destinationCandidates(fields.src)) {
      for (const title of titleCandidates(fields.title)) {
        const markdown = `![${alt}](${destination}${title})`;
        if (parsesTo(markdown, fields)) return markdown;
      }
    }
  }
  return undefined;
}
