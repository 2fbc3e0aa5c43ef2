import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { headingAnchors, parseMarkdown } from '@llm-notes/core';
import { scanMath } from '@llm-notes/lint-math';
import { type MarkdownRenderer, createMarkdownRenderer } from 'vitepress';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notesSiteConfig } from './vitepress-config.js';

// Renders notes through the site's markdown-it set-up exactly as a page build
// does, and compares with what the toolchain's own readers (the math scanner,
// core's heading anchors) say about the same source.
const NOTE = [
  '行内公式 $a_1 * b_2$ 和 $c_3 * d$ 之间没有强调。',
  '',
  '反引号形式 $`\\sqrt{x}`$ 也会渲染。',
  '',
  '$$',
  '\\frac{1}{2}',
  '$$',
  '',
  '```math',
  'E = mc^2',
  '```',
  '',
  '价格是 $5，另一个是 $6，GitHub 把它们当作文字。',
  '',
  '| 符号 | 含义 |',
  '| --- | --- |',
  '| $\\alpha$ | 学习率 |',
  '',
  '#### 1. 什么是 $QK^\\top$？',
  '',
  '#### 1. 什么是 $QK^\\top$？',
  '',
  '见[另一节](../2.第二章/1.小节.md#2-锚点标题)和[引言](../0.引言/0.ignore.md)。',
  '',
  '<div align="center"><img src="images/fig.png" width="300"></div>',
  '',
  '模板语法 {{ 不应被求值 }} 保持原样。',
  '',
  '公式里的链接 $a [另一节](../2.第二章/1.小节.md) b$ 仍是链接。',
  '',
].join('\n');

let root: string;
let md: MarkdownRenderer;
let notePath: string;

function render(file: string, text: string): string {
  return md.render(text, { path: file, relativePath: path.relative(path.join(root, 'content'), file), cleanUrls: false });
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'site-markdown-'));
  const write = (relative: string, text: string): string => {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };
  write('content/0.引言/0.ignore.md', '引言文字。\n');
  notePath = write('content/1.第一章/1.公式.md', NOTE);
  write('content/2.第二章/1.小节.md', '#### 1. 开头\n\n#### 2. 锚点标题\n');
  const config = notesSiteConfig(root);
  md = await createMarkdownRenderer(path.join(root, 'content'), config.markdown, '/');
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('note Markdown on the site', () => {
  it('renders exactly the formulas the math scanner says GitHub renders, and leaves the rest as text', () => {
    const html = render(notePath, NOTE);
    const formulas = scanMath(parseMarkdown(NOTE), NOTE).formulas;
    const rendered = formulas.filter((formula) => formula.rendered && !formula.markdown);
    expect(rendered.length).toBeGreaterThanOrEqual(7);
    expect(html.match(/<mjx-container /gu)?.length).toBe(rendered.length);
    expect(html).not.toContain('merror');
    // `$5 … $6` is prose on GitHub: the dollars stay in the page's text.
    expect(html).toContain('价格是 $5，另一个是 $6');
    // Markdown never reaches inside a formula: `*` and `_` in TeX make no emphasis.
    expect(html).not.toMatch(/<em>/u);
  });

  it('gives display formulas a block of their own and inline ones a place in the text', () => {
    const html = render(notePath, NOTE);
    expect(html).toMatch(/(^|\n)<mjx-container class="MathJax" jax="SVG" display="true"[^>]*><svg[\s\S]*?<\/mjx-container>\n(?!<\/p>)/u);
    expect(html).not.toMatch(/<p>\s*<mjx-container[^>]*display="true"/u);
    expect(html).toMatch(/<td><mjx-container class="MathJax" jax="SVG"/u);
  });

  it('keeps each formula\'s TeX as hidden text for outlines and search', () => {
    const html = render(notePath, NOTE);
    expect(html).toContain('<mjx-tex class="visually-hidden">QK^\\top</mjx-tex></mjx-container>');
    expect(html).toContain('<mjx-tex class="visually-hidden">a_1 * b_2</mjx-tex>');
  });

  it('gives headings the anchors GitHub gives them, duplicates included', () => {
    const html = render(notePath, NOTE);
    const expected = headingAnchors(parseMarkdown(NOTE));
    const ids = [...html.matchAll(/<h4 id="([^"]*)"/gu)].map((match) => match[1]);
    expect(ids).toEqual(expected);
    expect(ids[1]).toBe(`${ids[0]}-1`);
  });

  it('turns links between notes into page links and keeps images relative to the note', () => {
    const html = render(notePath, NOTE);
    expect(html).toContain('href="/2.第二章/1.小节.html#2-锚点标题"');
    expect(html).toContain('href="/"');
    // A link inside `$…$` is a link, as GitHub and the link rules read it.
    expect(html).toContain('$a <a href="/2.第二章/1.小节.html">另一节</a> b$');
    expect(html).toContain('<img src="./images/fig.png" width="300">');
  });

  it('keeps `{{` as text instead of a Vue expression', () => {
    const html = render(notePath, NOTE);
    expect(html).toContain('&#123;&#123; 不应被求值 }}');
    expect(html).not.toContain('{{');
  });

  it('opens every page with its title as in the README', () => {
    expect(render(notePath, NOTE)).toMatch(/^<h1 id="Title" class="note-title">公式 /u);
    expect(render(path.join(root, 'content/0.引言/0.ignore.md'), '引言文字。\n')).toMatch(/^<h1 id="Title" class="note-title">引言 /u);
  });
});
