import path from 'node:path';
import type { DefaultTheme, UserConfig } from 'vitepress';
import { tokenizeCjk } from './cjk-tokenize.js';
import { mathRenderer } from './math-svg.js';
import { githubHeadingSlug, noteMarkdown } from './note-markdown.js';
import { repositoryLocation } from './repository-location.js';
import { createLinkRewriter } from './site-links.js';
import { planSite } from './site-plan.js';

/** Environment variable through which `site --content <folder>` reaches the configuration. */
export const CONTENT_OVERRIDE = 'NOTES_SITE_CONTENT';

/** Where `site:build` writes, relative to the repository root. */
export const SITE_OUT_DIR = 'dist/site';

/** Page styles of the site: MathJax's stylesheet for its SVG output, and the note title. */
const PAGE_CSS = `
mjx-container[jax="SVG"][display="true"] { overflow-x: auto; overflow-y: hidden; max-width: 100%; }
.vp-doc h1.note-title { margin-bottom: 24px; }
`;

/**
 * The VitePress configuration of the reading site, read from the content
 * folder the way `gen-readme` reads it: pages in the numbered order, titles as
 * in the README, the introduction as the home page.
 */
export function notesSiteConfig(root: string): UserConfig<DefaultTheme.Config> {
  const plan = planSite(root, process.env[CONTENT_OVERRIDE]);
  const math = mathRenderer();
  const repository = repositoryLocation(plan.config);
  const rewriteLink = createLinkRewriter(plan, repository);
  const titles = new Map(plan.pages.map((page) => [page.source, page.title]));
  const contentPath = path.relative(plan.repo.path, plan.content.path).split(path.sep).join('/');

  return {
    lang: 'zh-CN',
    title: plan.config.readme.title,
    srcDir: plan.content.path,
    outDir: path.join(plan.repo.path, SITE_OUT_DIR),
    cacheDir: path.join(plan.repo.path, '.cache', 'vitepress'),
    rewrites: plan.rewrites,
    srcExclude: plan.excluded,
    cleanUrls: false,
    head: [['style', {}, `${math.css}\n${PAGE_CSS}`]],
    markdown: {
      math: false,
      anchor: { slugify: githubHeadingSlug },
      config: (md) => {
        md.use(noteMarkdown({ plan, math, rewriteLink, warn: (message) => console.warn(`warning: ${message}`) }));
      },
    },
    vue: { template: { compilerOptions: { isCustomElement: (tag: string) => tag.startsWith('mjx-') } } },
    transformPageData(pageData) {
      const title = titles.get(pageData.filePath);
      if (title !== undefined) pageData.title = title;
    },
    themeConfig: {
      sidebar: plan.sidebar.map((group) => ({ ...group, items: [...group.items] })),
      outline: { level: 'deep', label: '本页目录' },
      docFooter: { prev: '上一节', next: '下一节' },
      darkModeSwitchLabel: '外观',
      lightModeSwitchTitle: '切换到浅色模式',
      darkModeSwitchTitle: '切换到深色模式',
      sidebarMenuLabel: '目录',
      returnToTopLabel: '回到顶部',
      ...(repository
        ? {
            editLink: { pattern: `${repository.url}/edit/${repository.branch}/${contentPath}/:path`, text: '在 GitHub 上编辑此页' },
            socialLinks: [{ icon: 'github', link: repository.url }],
          }
        : {}),
      search: {
        provider: 'local',
        options: {
          miniSearch: {
            options: { tokenize: tokenizeCjk },
            searchOptions: { combineWith: 'AND', fuzzy: 0.2, prefix: true, boost: { title: 4, text: 2, titles: 1 } },
          },
          translations: {
            button: { buttonText: '搜索', buttonAriaLabel: '搜索' },
            modal: { noResultsText: '没有找到结果', resetButtonTitle: '清除', footer: { selectText: '选择', navigateText: '切换', closeText: '关闭' } },
          },
        },
      },
    },
  };
}
