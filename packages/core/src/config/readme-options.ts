import { z } from 'zod';

/** Options of `gen-readme`. Defaults reproduce the old generator's title, badge and headings. */
export const readmeOptionsSchema = z
  .strictObject({
    output: z.string().min(1).default('README.md').describe('The generated README, relative to the repository root.'),
    title: z.string().min(1).default('Awesome-LLM-Learning').describe("The README's title line."),
    badge: z
      .strictObject({
        image: z.string().min(1).describe('Badge image URL.'),
        link: z.string().min(1).describe('Where the badge links to.'),
        alt: z.string().default('Awesome').describe('Alternative text of the badge image.'),
      })
      .nullable()
      .default({
        image: 'https://awesome.re/badge.svg',
        link: 'https://awesome.re',
        alt: 'Awesome',
      })
      .describe('Badge after the title; `null` for none.'),
    header: z.string().default('').describe('Hand-written Markdown placed after the title line (kept on regeneration).'),
    footer: z.string().default('').describe('Hand-written Markdown placed at the very end.'),
    headerFile: z
      .string()
      .min(1)
      .nullable()
      .default(null)
      .describe('A hand-written Markdown file (relative to the root) placed after `header`; `null` for none.'),
    footerFile: z
      .string()
      .min(1)
      .nullable()
      .default(null)
      .describe('A hand-written Markdown file (relative to the root) placed after `footer`; `null` for none.'),
    introHeading: z.string().min(1).default('引言').describe('Heading of the introduction section.'),
    tocHeading: z.string().min(1).default('目录').describe('Heading of the table of contents.'),
    tocLinks: z
      .enum(['headings', 'files'])
      .default('headings')
      .describe('`headings`: table-of-contents entries link to README anchors; `files`: to the note files.'),
  })
  .prefault({})
  .describe('Options of `gen-readme`.');

export type ReadmeOptions = z.infer<typeof readmeOptionsSchema>;
