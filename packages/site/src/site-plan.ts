import path from 'node:path';
import { type Chapter, type Config, type ContentModel, RepoRoot, type Section, discoverContent, loadConfig } from '@llm-notes/core';
import { globbySync } from 'globby';

/** One note as a page of the site. */
export interface SitePage {
  readonly section: Section;
  /** Its chapter; undefined for the introduction. */
  readonly chapter: Chapter | undefined;
  /** Path of the note inside the content folder, with `/` (VitePress's page id). */
  readonly source: string;
  /** The page's path after rewriting: the introduction is `index.md`. */
  readonly route: string;
  /** Title as the README gives it (the introduction's heading for the home page). */
  readonly title: string;
}

export interface SiteLink {
  readonly text: string;
  readonly link: string;
}

export interface SidebarGroup {
  readonly text: string;
  readonly collapsed: boolean;
  readonly items: SiteLink[];
}

/** Everything the site is built from: the content model read the way `gen-readme` reads it. */
export interface SitePlan {
  readonly repo: RepoRoot;
  readonly config: Config;
  readonly content: ContentModel;
  /** Every page in reading order, the home page first. */
  readonly pages: readonly SitePage[];
  readonly rewrites: Record<string, string>;
  /** Markdown files under the content folder that are not notes (never pages). */
  readonly excluded: string[];
  readonly sidebar: SidebarGroup[];
  /** The page of a note, by absolute path. */
  pageOf(absolutePath: string): SitePage | undefined;
}

/** Sections the README gives no heading of their own (their text sits under the chapter's heading). */
const NO_HEADING_TITLE = 'ignore';

/** A page's URL path from its rewritten Markdown path, as VitePress writes it (no clean URLs). */
export function pageLink(route: string): string {
  return route === 'index.md' ? '/' : `/${route.replace(/\.md$/u, '.html')}`;
}

/** The site of the notes under `root`; `contentDir` overrides the config's content folder. */
export function planSite(root: string, contentDir?: string): SitePlan {
  const repo = new RepoRoot(root);
  const config = loadConfig(repo.path);
  const content = discoverContent(repo, contentDir ?? config.content);
  const relativeToContent = (section: Section): string => path.relative(content.path, section.path).split(path.sep).join('/');

  const pages: SitePage[] = [];
  if (content.intro) {
    pages.push({ section: content.intro, chapter: undefined, source: relativeToContent(content.intro), route: 'index.md', title: config.readme.introHeading });
  }
  const sidebar: SidebarGroup[] = [];
  for (const chapter of content.chapters) {
    const items: SiteLink[] = [];
    for (const section of chapter.sections) {
      const source = relativeToContent(section);
      const title = section.title === NO_HEADING_TITLE ? chapter.title : section.title;
      const page: SitePage = { section, chapter, source, route: source, title };
      pages.push(page);
      items.push({ text: title, link: pageLink(page.route) });
    }
    sidebar.push({ text: chapter.title, collapsed: false, items });
  }
  if (content.intro) sidebar.unshift({ text: config.readme.introHeading, collapsed: false, items: [{ text: config.readme.introHeading, link: '/' }] });

  const rewrites: Record<string, string> = {};
  for (const page of pages) if (page.route !== page.source) rewrites[page.source] = page.route;
  const noteSources = new Set(pages.map((page) => page.source));
  const excluded = globbySync('**/*.md', { cwd: content.path, followSymbolicLinks: false }).filter((file) => !noteSources.has(file));
  const byPath = new Map(pages.map((page) => [page.section.path, page]));
  return { repo, config, content, pages, rewrites, excluded, sidebar, pageOf: (absolutePath) => byPath.get(path.resolve(absolutePath)) };
}
