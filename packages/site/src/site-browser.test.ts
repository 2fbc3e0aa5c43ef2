/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageLink, planSite } from './site-plan.js';
import { type NoteExpectation, expectationsFor } from './test-support/note-expectations.js';
import { type StaticSite, serveStatic } from './test-support/static-server.js';

// The whole path a reader takes: `site build` on this repository's notes, the
// result served on 127.0.0.1 under a project-pages base path, and Debian's
// Chromium opening every page. Expected counts come from the notes' sources
// through the linters' own readers, never from the built HTML.
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
// Debian's package first (what .ci/run installs), then the names other systems use.
const chromiumCandidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const chromiumPath = chromiumCandidates.find((candidate) => candidate !== undefined && existsSync(candidate)) ?? '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
const hasBuild = existsSync(path.join(root, 'packages/site/dist/bin.js'));
const BASE = '/notes-site/';
const REPOSITORY = { server: 'https://github.com', name: 'example-owner/example-notes' };
/** Screenshots for a person to look at; the folder is ignored by git. */
const screenshots = path.join(root, 'test-output', 'site');

if (!hasChromium) {
  const message = `site browser test: no Chromium at ${chromiumPath} (install Debian's \`chromium\`; .ci/run does)`;
  if (process.env.CI) throw new Error(message);
  console.warn(`SKIPPING ${message}`);
}
if (!hasBuild) console.warn('SKIPPING site browser test: packages/site is not built (run `pnpm build`)');

const plan = planSite(root);
const expectations = plan.pages.map(expectationsFor);

// Browser steps are slow on a busy machine: every test here gets minutes, not vitest's default.
const BROWSER_TIMEOUT = 120_000;

describe.skipIf(!hasChromium || !hasBuild)('reading site in a real browser', () => {
  let outDir: string;
  let site: StaticSite;
  let browser: Browser;
  let page: Page;
  /** Element ids of every page visited, by URL path (decoded). */
  const idsByPath = new Map<string, Set<string>>();
  /** Same-site links found on note pages: [from, href]. */
  const internalLinks: Array<[string, string]> = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(os.tmpdir(), 'notes-site-'));
    const built = spawnSync(process.execPath, ['packages/site/dist/bin.js', 'build', '--out-dir', outDir, '--base', BASE], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_SERVER_URL: REPOSITORY.server, GITHUB_REPOSITORY: REPOSITORY.name },
    });
    if (built.status !== 0) throw new Error(`site build failed:\n${built.stdout}\n${built.stderr}`);
    site = await serveStatic(outDir, BASE);
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) pageErrors.push(`${response.status()} ${response.url()}`);
    });
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  const urlOf = (route: string): string => new URL(`.${encodeURI(pageLink(route))}`, site.url).href;

  async function visit(url: string): Promise<void> {
    await page.goto(url, { waitUntil: 'load' });
    const pathname = decodeURIComponent(new URL(page.url()).pathname);
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((element) => element.id));
    idsByPath.set(pathname, new Set(ids));
  }

  it('has a page for every note, with its title, every formula rendered and every image loaded', async () => {
    expect(expectations.length).toBeGreaterThan(0);
    for (const expected of expectations) {
      await visit(urlOf(expected.page.route));
      const where = expected.page.section.relPath;
      // The heading ends with its permalink: a zero-width space.
      expect((await page.locator('.vp-doc h1.note-title').textContent())?.replace(/[\s\u200B]+$/u, ''), where).toBe(expected.page.title);
      expect(await page.locator('.vp-doc mjx-container').count(), `${where}: formulas`).toBe(expected.formulas);
      expect(await page.locator('.vp-doc [data-mjx-error], .vp-doc mjx-merror').count(), `${where}: MathJax errors`).toBe(0);
      const images = page.locator('.vp-doc img');
      expect(await images.count(), `${where}: images`).toBe(expected.images);
      for (const image of await images.all()) {
        await image.scrollIntoViewIfNeeded();
        const loaded = await image.evaluate(async (element: HTMLImageElement) => {
          if (!element.complete) await new Promise((resolve) => element.addEventListener('load', resolve, { once: true }));
          return element.naturalWidth > 0;
        });
        expect(loaded, `${where}: ${await image.getAttribute('src')}`).toBe(true);
      }
      const links = await page.locator('.vp-doc a[href]').evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
      for (const href of links) if (href.startsWith(site.url)) internalLinks.push([where, href]);
    }
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('resolves every link between pages, anchors included', async () => {
    expect(internalLinks.length).toBeGreaterThan(0);
    for (const [from, href] of internalLinks) {
      const url = new URL(href);
      const pathname = decodeURIComponent(url.pathname);
      if (!idsByPath.has(pathname)) await visit(url.href);
      const ids = idsByPath.get(pathname);
      expect(ids, `${from} → ${pathname}`).toBeDefined();
      expect(pageErrors, `${from} → ${href}`).toEqual([]);
      if (url.hash) expect(ids?.has(decodeURIComponent(url.hash.slice(1))), `${from} → ${decodeURIComponent(href)}`).toBe(true);
    }
  }, BROWSER_TIMEOUT);

  it('lists every note in the sidebar in reading order, with previous/next and edit links', async () => {
    await visit(site.url);
    const sidebar = await page.locator('.VPSidebar a.VPLink').evaluateAll((anchors) => anchors.map((anchor) => decodeURIComponent(new URL((anchor as HTMLAnchorElement).href).pathname)));
    expect(sidebar).toEqual(plan.pages.map((each) => decodeURIComponent(new URL(urlOf(each.route)).pathname)));
    const second = plan.pages[1];
    const third = plan.pages[2];
    if (second && third) {
      await visit(urlOf(second.route));
      expect(await page.locator('.pager-link.next .title').textContent()).toBe(third.title);
      expect(await page.locator('.pager-link.prev .title').textContent()).toBe(plan.pages[0]?.title);
      const edit = await page.locator('.edit-link-button').getAttribute('href');
      // The config's `links.repositoryUrl` wins over the Actions variables the build was given.
      const repositoryUrl = plan.config.links.repositoryUrl ?? `${REPOSITORY.server}/${REPOSITORY.name}`;
      expect(decodeURI(edit ?? '')).toBe(`${repositoryUrl}/edit/main/${plan.config.content}/${second.source}`);
    }
  }, BROWSER_TIMEOUT);

  it('finds a Chinese word with the local search', async () => {
    const target = expectations.find((each) => each.chineseWord !== undefined && each.page.route !== 'index.md') ?? expectations[0];
    expect(target?.chineseWord, 'a note with Chinese prose').toBeDefined();
    await visit(site.url);
    await page.locator('.VPNavBarSearch button').click();
    await page.locator('#localsearch-input').fill(target?.chineseWord ?? '');
    const results = page.locator('.results a.result');
    await results.first().waitFor();
    const hrefs = await results.evaluateAll((anchors) => anchors.map((anchor) => decodeURIComponent(new URL((anchor as HTMLAnchorElement).href).pathname)));
    expect(hrefs).toContain(decodeURIComponent(new URL(urlOf(target?.page.route ?? '')).pathname));
    await page.keyboard.press('Escape');
  }, BROWSER_TIMEOUT);

  it('saves screenshots of the home page and the most math-heavy note', async () => {
    mkdirSync(screenshots, { recursive: true });
    await page.emulateMedia({ colorScheme: 'light' });
    await visit(site.url);
    await page.screenshot({ path: path.join(screenshots, 'home.png') });
    const heaviest = [...expectations].sort((a, b) => b.formulas - a.formulas)[0] as NoteExpectation;
    expect(heaviest.formulas).toBeGreaterThan(0);
    await visit(urlOf(heaviest.page.route));
    await page.screenshot({ path: path.join(screenshots, 'math-heavy-note.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: path.join(screenshots, 'math-heavy-note-dark.png') });
    for (const name of ['home.png', 'math-heavy-note.png', 'math-heavy-note-dark.png']) expect(existsSync(path.join(screenshots, name))).toBe(true);
  }, BROWSER_TIMEOUT);

  it('switches between light and dark', async () => {
    await visit(site.url);
    const dark = () => page.evaluate(() => document.documentElement.classList.contains('dark'));
    const before = await dark();
    await page.locator('.VPNavBarAppearance .VPSwitchAppearance').click();
    expect(await dark()).toBe(!before);
  }, BROWSER_TIMEOUT);
});
