import type { Heading, PhrasingContent } from 'mdast';
import {
  type Chapter,
  type Config,
  type ContentModel,
  MAX_NOTE_BYTES,
  type RepoRoot,
  type Section,
  UserError,
  decodeText,
  generatedMarkdown,
  readRegularFile,
  resolveConfigInput,
} from '@llm-notes/core';
import { type PreparedNote, prepareNote } from './prepared-note.js';

/** Fixed Markdown the generator writes itself (title line, headings, header, footer). */
export interface FixedPart {
  readonly kind: 'fixed';
  readonly text: string;
  /** Text of the headings in `text` when known without parsing it (the generator's own headings). */
  readonly headingTexts?: readonly string[];
}

/** A note's text, its headings nested `top` levels deep. */
export interface NotePart {
  readonly kind: 'note';
  readonly note: PreparedNote;
  readonly top: number;
  /** The heading the note's links land on: its section's, else its chapter's. */
  readonly heading: FixedPart;
}

export interface TocPart {
  readonly kind: 'toc';
  readonly entries: readonly { readonly chapter: Chapter; readonly heading: FixedPart; readonly sections: readonly { readonly section: Section; readonly heading: FixedPart }[] }[];
}

export type Part = FixedPart | NotePart | TocPart;

/** Title used by the old generator for sections whose note must not get a heading. */
const NO_HEADING_TITLE = 'ignore';

function heading(depth: Heading['depth'], children: PhrasingContent[]): string {
  return generatedMarkdown([{ type: 'heading', depth, children }]);
}

/** A heading whose text renders exactly as `title` (trimmed, as GitHub trims heading text). */
export function headingLine(depth: Heading['depth'], title: string): FixedPart {
  const text = title.trim();
  return { kind: 'fixed', text: heading(depth, [{ type: 'text', value: text }]), headingTexts: [text] };
}

function titleLine(options: Config['readme']): FixedPart {
  const title = options.title.trim();
  if (!options.badge) return headingLine(1, title);
  const badge: PhrasingContent = {
    type: 'link',
    url: options.badge.link,
    children: [{ type: 'image', url: options.badge.image, alt: options.badge.alt }],
  };
  // The badge is an image: it adds nothing to the heading's text but the space before it.
  return { kind: 'fixed', text: heading(1, [{ type: 'text', value: `${title} ` }, badge]), headingTexts: [`${title} `] };
}

/** Hand-written Markdown from the config: inline text, then the text of a file; kept verbatim. */
function handWritten(repo: RepoRoot, key: string, inline: string, file: string | null): FixedPart[] {
  const texts = [inline];
  if (file !== null) {
    let bytes: Buffer;
    try {
      bytes = readRegularFile(resolveConfigInput(repo, key, file), file, { maxBytes: MAX_NOTE_BYTES });
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw new UserError(`cannot read the README's hand-written part (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { file });
    }
    texts.push(decodeText(bytes, file).text);
  }
  return texts
    .map((text) => text.replace(/\r\n?/gu, '\n').replace(/^(?:[ \t]*\n)+/u, '').trimEnd())
    .filter((text) => text !== '')
    .map((text) => ({ kind: 'fixed', text }));
}

/**
 * The README as an ordered list of parts: title, header, introduction, table
 * of contents, every chapter and section, footer. Notes are read here.
 */
export function planReadme(repo: RepoRoot, config: Config, content: ContentModel): Part[] {
  const options = config.readme;
  const parts: Part[] = [titleLine(options), ...handWritten(repo, 'readme.headerFile', options.header, options.headerFile)];
  if (content.intro) {
    const heading = headingLine(2, options.introHeading);
    parts.push(heading, { kind: 'note', note: prepareNote(repo, content.intro), top: 3, heading });
  }
  const entries: TocPart['entries'][number][] = [];
  parts.push(headingLine(2, options.tocHeading), { kind: 'toc', entries });
  for (const chapter of content.chapters) {
    const chapterHeading = headingLine(2, chapter.title);
    parts.push(chapterHeading);
    const sections: { section: Section; heading: FixedPart }[] = [];
    for (const section of chapter.sections) {
      const note = prepareNote(repo, section);
      if (section.title === NO_HEADING_TITLE) {
        parts.push({ kind: 'note', note, top: 3, heading: chapterHeading });
        continue;
      }
      const heading = headingLine(3, section.title);
      sections.push({ section, heading });
      parts.push(heading, { kind: 'note', note, top: 4, heading });
    }
    entries.push({ chapter, heading: chapterHeading, sections });
  }
  parts.push(...handWritten(repo, 'readme.footerFile', options.footer, options.footerFile));
  return parts;
}
