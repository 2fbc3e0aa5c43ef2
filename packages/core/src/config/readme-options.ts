import { z } from 'zod';

/** Options of `gen-readme`. Defaults reproduce the old generator's title, badge and headings. */
export const readmeOptionsSchema = z
  .strictObject({
    /** README path relative to the repository root. */
    output: z.string().min(1).default('README.md'),
    title: z.string().min(1).default('Awesome-LLM-Learning'),
    /** Badge after the title; `null` for none. */
    badge: z
      .strictObject({ image: z.string().min(1), link: z.string().min(1), alt: z.string().default('Awesome') })
      .nullable()
      .default({
        image: 'https://awesome.re/badge.svg',
        link: 'https://awesome.re',
        alt: 'Awesome',
      }),
    /** Hand-written Markdown placed after the title line (survives regeneration). */
    header: z.string().default(''),
    /** Hand-written Markdown placed at the very end. */
    footer: z.string().default(''),
    /** A hand-written Markdown file (relative to the root) placed after `header`; `null` for none. */
    headerFile: z.string().min(1).nullable().default(null),
    /** A hand-written Markdown file (relative to the root) placed after `footer`; `null` for none. */
    footerFile: z.string().min(1).nullable().default(null),
    introHeading: z.string().min(1).default('引言'),
    tocHeading: z.string().min(1).default('目录'),
    /** `headings`: TOC entries link to README anchors; `files`: to the note files, as the old script did. */
    tocLinks: z.enum(['headings', 'files']).default('headings'),
  })
  .prefault({});

export type ReadmeOptions = z.infer<typeof readmeOptionsSchema>;
