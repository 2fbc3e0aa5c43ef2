import { GithubSlugger, headingAnchors, parseMarkdown } from '@llm-notes/core';
import { htmlLinks } from '@llm-notes/lint-links';
import { type Formula, type MathScan, scanMath } from '@llm-notes/lint-math';
import type { MarkdownRenderer as MarkdownIt } from 'vitepress';
import type { MathRenderer } from './math-svg.js';
import type { LinkRewriter } from './site-links.js';
import type { SitePage, SitePlan } from './site-plan.js';

type CoreRule = Parameters<MarkdownIt['core']['ruler']['push']>[1];
type StateCore = Parameters<CoreRule>[0];
type Token = StateCore['tokens'][number];

/** What one render of a note carries from the source pass to the token passes. */
interface NoteRender {
  readonly page: SitePage;
  /** Rendered markup of each formula, by placeholder number. */
  readonly math: string[];
  /** Source text of each formula (shown where markup cannot go, like an image's alt text). */
  readonly sources: string[];
  readonly display: boolean[];
}

export interface NoteMarkdownOptions {
  readonly plan: SitePlan;
  readonly math: MathRenderer;
  readonly rewriteLink: LinkRewriter;
  /** Told once per formula whose TeX MathJax rejects (`file:line: message`). */
  readonly warn: (message: string) => void;
}

const RENDER_KEY = 'llmNotes';
const TITLE_ANCHOR = 'Title';
const PLACEHOLDER = /\uE000(\d+)\uE001/gu;

/** Anchors of the note being rendered, handed to the heading-anchor plugin's `slugify` in order. */
let pendingAnchors: string[] = [];

/**
 * `slugify` for VitePress's heading anchors: the next anchor GitHub gives the
 * note's headings (core's model of GitHub's heading anchors, which the README
 * and the link rules use too), so `#锚点` links work the same on the site.
 */
export function githubHeadingSlug(text: string): string {
  return pendingAnchors.shift() ?? new GithubSlugger().slug(text);
}

/**
 * markdown-it plugin for notes: formulas found by the math linter's scanner
 * (GitHub's reading of `$`) rendered with MathJax at build time, links between
 * notes turned into site links, relative HTML images kept relative to the note.
 */
export function noteMarkdown(options: NoteMarkdownOptions): (md: MarkdownIt) => void {
  const warned = new Set<string>();
  return (md) => {
    md.core.ruler.before('normalize', 'llm-notes-math-source', (state) => replaceFormulas(state, options, warned));
    md.core.ruler.after('text_join', 'llm-notes-tokens', (state) => {
      const render = state.env?.[RENDER_KEY] as NoteRender | undefined;
      if (!render) return;
      placeFormulas(state, render);
      rewriteLinks(state.tokens, render.page, options.rewriteLink);
      state.tokens.unshift(titleToken(state, render.page.title));
    });
    const renderTokens = md.renderer.render.bind(md.renderer);
    md.renderer.render = (tokens, renderOptions, env) => {
      const html = renderTokens(tokens, renderOptions, env);
      const render = env?.[RENDER_KEY] as NoteRender | undefined;
      // A formula in an attribute (a link title, say) stays as the text the author wrote.
      return render ? html.replace(PLACEHOLDER, (_, index: string) => escapeHtml(render.sources[Number(index)] ?? '')) : html;
    };
    guardInterpolation(md, 'text');
    guardInterpolation(md, 'code_inline');
  };
}

function replaceFormulas(state: StateCore, options: NoteMarkdownOptions, warned: Set<string>): void {
  const env = state.env as Record<string, unknown> | undefined;
  // Pages get the rewritten path in `path` and the note's own in `realPath`; the search index only `path`.
  const file = typeof env?.realPath === 'string' ? env.realPath : typeof env?.path === 'string' ? env.path : undefined;
  const page = file === undefined ? undefined : options.plan.pageOf(file);
  pendingAnchors = [];
  if (!env || !page) return;
  const source = state.src;
  const scan = analyse(source);
  pendingAnchors = [...scan.anchors];
  const render: NoteRender = { page, math: [], sources: [], display: [] };
  let text = '';
  let cursor = 0;
  for (const formula of scan.formulas) {
    // A formula holding Markdown (a link, HTML, a code span) is read as Markdown first, as on GitHub
    // and by the link rules: the link stays a link instead of vanishing into the formula.
    if (!formula.rendered || formula.markdown || formula.start < cursor) continue;
    const display = isDisplay(formula);
    const rendered = options.math.render(formula.tex, display);
    if (rendered.error !== undefined) {
      const where = `${page.section.relPath}:${scan.positions.point(formula.start).line}`;
      if (!warned.has(`${where}:${formula.tex}`)) {
        warned.add(`${where}:${formula.tex}`);
        options.warn(`${where}: MathJax cannot render this formula: ${rendered.error}`);
      }
    }
    text += `${source.slice(cursor, formula.start)}\uE000${render.math.length}\uE001`;
    render.math.push(rendered.html);
    render.sources.push(source.slice(formula.start, formula.end));
    render.display.push(display);
    cursor = formula.end;
  }
  state.src = text + source.slice(cursor);
  env[RENDER_KEY] = render;
}

interface NoteAnalysis {
  readonly anchors: readonly string[];
  readonly formulas: readonly Formula[];
  readonly positions: MathScan['positions'];
}

/** The last analyses by source text: a build renders each note twice (its page, then the search index). */
const analyses = new Map<string, NoteAnalysis>();
const MAX_ANALYSES = 256;

function analyse(source: string): NoteAnalysis {
  const known = analyses.get(source);
  if (known) return known;
  const tree = parseMarkdown(source);
  const { formulas, positions } = scanMath(tree, source);
  const analysis = { anchors: headingAnchors(tree), formulas, positions };
  if (analyses.size >= MAX_ANALYSES) analyses.delete(analyses.keys().next().value as string);
  analyses.set(source, analysis);
  return analysis;
}

function isDisplay(formula: Formula): boolean {
  return formula.kind === 'display' || formula.kind === 'fence';
}

/**
 * Placeholders become MathJax markup: a paragraph holding display formulas
 * only becomes a block of its own; anywhere else the markup goes inline.
 */
function placeFormulas(state: StateCore, render: NoteRender): void {
  const tokens = state.tokens;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token?.type !== 'inline' || !token.children) continue;
    const open = tokens[index - 1];
    const close = tokens[index + 1];
    const alone = displayOnly(token.children, render);
    if (alone && open?.type === 'paragraph_open' && close?.type === 'paragraph_close') {
      const block = new state.Token('html_block', '', 0);
      block.content = `${alone.map((formula) => render.math[formula]).join('\n')}\n`;
      block.map = open.map;
      block.block = true;
      tokens.splice(index - 1, 3, block);
      index -= 1;
      continue;
    }
    token.children = token.children.flatMap((child) => splitText(child, state, render));
  }
}

/** The formulas of an inline run made of display formulas and white space only. */
function displayOnly(children: Token[], render: NoteRender): number[] | undefined {
  const found: number[] = [];
  for (const child of children) {
    if (child.type === 'softbreak') continue;
    if (child.type !== 'text') return undefined;
    const rest = child.content.replace(PLACEHOLDER, (_, index: string) => {
      found.push(Number(index));
      return '';
    });
    if (rest.trim() !== '') return undefined;
  }
  return found.length > 0 && found.every((formula) => render.display[formula]) ? found : undefined;
}

function splitText(child: Token, state: StateCore, render: NoteRender): Token[] {
  if (child.type === 'image' && child.children) {
    // Alt text is plain text: the formula's source stands there, as GitHub shows it.
    for (const part of child.children) part.content = part.content.replace(PLACEHOLDER, (_, index: string) => render.sources[Number(index)] ?? '');
    return [child];
  }
  if (child.type !== 'text' || !child.content.includes('\uE000')) return [child];
  const parts: Token[] = [];
  let cursor = 0;
  for (const match of child.content.matchAll(PLACEHOLDER)) {
    if (match.index > cursor) parts.push(textToken(state, child.content.slice(cursor, match.index)));
    const html = new state.Token('html_inline', '', 0);
    html.content = render.math[Number(match[1])] ?? '';
    parts.push(html);
    cursor = match.index + match[0].length;
  }
  if (cursor < child.content.length) parts.push(textToken(state, child.content.slice(cursor)));
  return parts;
}

function textToken(state: StateCore, content: string): Token {
  const token = new state.Token('text', '', 0);
  token.content = content;
  return token;
}

/** Links in Markdown and in raw HTML (`<a href>`, `<img src>`) written relative to the note. */
function rewriteLinks(tokens: Token[], page: SitePage, rewriteLink: LinkRewriter): void {
  for (const token of tokens) {
    if (token.type === 'html_block') token.content = rewriteHtml(token.content, page, rewriteLink);
    for (const child of token.children ?? []) {
      if (child.type === 'html_inline') child.content = rewriteHtml(child.content, page, rewriteLink);
      if (child.type !== 'link_open') continue;
      const href = child.attrGet('href');
      if (href === null || href.startsWith('#')) continue;
      const rewritten = rewriteLink(href, page.section.path);
      if (rewritten !== undefined) child.attrSet('href', rewritten);
    }
  }
}

function rewriteHtml(html: string, page: SitePage, rewriteLink: LinkRewriter): string {
  const links = htmlLinks(html);
  if (links.length === 0) return html;
  let result = '';
  let cursor = 0;
  for (const link of links) {
    if (link.url === '' || link.url.startsWith('#') || /^[a-z][a-z\d+.-]*:|^\/\//iu.test(link.url)) continue;
    const end = valueEnd(html, link.offset);
    let replacement: string | undefined;
    if (link.tag === 'a') replacement = rewriteLink(link.url, page.section.path);
    // The page compiler bundles `<img src>` that starts with `./` or `../` and leaves the rest to the browser.
    else if (!link.url.startsWith('.') && !link.url.startsWith('/')) replacement = `./${link.url}`;
    if (replacement === undefined) continue;
    result += html.slice(cursor, link.offset) + escapeHtml(replacement);
    cursor = end;
  }
  return result + html.slice(cursor);
}

/** Where an attribute value starting at `offset` ends: its closing quote, or the first space or `>` when unquoted. */
function valueEnd(html: string, offset: number): number {
  const quote = html[offset - 1];
  if (quote === '"' || quote === "'") {
    const closing = html.indexOf(quote, offset);
    return closing === -1 ? html.length : closing;
  }
  const stop = html.slice(offset).search(/[\s>]/u);
  return stop === -1 ? html.length : offset + stop;
}

function titleToken(state: StateCore, title: string): Token {
  const token = new state.Token('html_block', '', 0);
  // An anchor of its own makes the text before the first heading a search section (VitePress
  // indexes from heading to heading); GitHub's anchors are lower-case, so `Title` never collides.
  token.content = `<h1 id="${TITLE_ANCHOR}" class="note-title">${escapeHtml(title)} <a class="header-anchor" href="#${TITLE_ANCHOR}" aria-hidden="true">&ZeroWidthSpace;</a></h1>\n`;
  token.block = true;
  return token;
}

/** Vue compiles each page as a template: `{{` in a note's text must stay text. */
function guardInterpolation(md: MarkdownIt, rule: 'text' | 'code_inline'): void {
  const original = md.renderer.rules[rule];
  if (!original) return;
  md.renderer.rules[rule] = (tokens, index, options, env, self) => original(tokens, index, options, env, self).replace(/\{\{/gu, '&#123;&#123;');
}

function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}
