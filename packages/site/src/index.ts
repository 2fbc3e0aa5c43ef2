export { tokenizeCjk } from './cjk-tokenize.js';
export { type MathRenderer, type RenderedMath, mathRenderer } from './math-svg.js';
export { githubHeadingSlug, noteMarkdown } from './note-markdown.js';
export { repositoryLocation } from './repository-location.js';
export { type LinkRewriter, type RepositoryLocation, createLinkRewriter } from './site-links.js';
export { type SitePage, type SitePlan, pageLink, planSite } from './site-plan.js';
export { SITE_OUT_DIR, notesSiteConfig } from './vitepress-config.js';
