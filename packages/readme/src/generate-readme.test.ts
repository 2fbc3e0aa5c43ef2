import { UserError } from '@llm-notes/core';
import { describe, expect, it } from 'vitest';
import { brokenReadmeLinks, renderedAnchors } from './test-support/readme-links.js';
import { generate, makeRepo, sectionOf } from './test-support/temp-repo.js';
import { writeReadmeResult } from './write-result.js';

const INTRO = { 'content/0.引言/0.ignore.md': '欢迎来到本 Repo！\n' };

function readmeOf(files: Record<string, string | Uint8Array>, options: Record<string, unknown> = {}): { root: string; readme: string } {
  const root = makeRepo(files);
  const result = generate(root, options);
  writeReadmeResult(result);
  return { root, readme: result.readme.after };
}

describe('README layout', () => {
  const { root, readme } = readmeOf({
    ...INTRO,
    'content/1.深度学习基础知识/1.Transformer基础.md': '#### Self Attention\n\ntext A\n',
    'content/1.深度学习基础知识/2.深度神经网络基础.md': '#### BN\n\ntext B\n',
    'content/2.自然语言处理基础知识/1.分词器(Tokenizer).md': '#### 分词\n\ntext C\n',
    'content/2.自然语言处理基础知识/3.GPT-3.5介绍.md': 'text D\n',
  });

  it('starts with the default title and badge, then the introduction', () => {
    expect(readme.startsWith('# Awesome-LLM-Learning [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n## 引言\n\n欢迎来到本 Repo！\n\n## 目录\n')).toBe(true);
  });

  it('nests the table of contents with spaces (no TAB) and links to README anchors', () => {
    expect(sectionOf(readme, '## 目录', '## ')).toBe(
      [
        '- [深度学习基础知识](#深度学习基础知识)',
        '  - [Transformer基础](#transformer基础)',
        '  - [深度神经网络基础](#深度神经网络基础)',
        '- [自然语言处理基础知识](#自然语言处理基础知识)',
        '  - [分词器(Tokenizer)](#分词器tokenizer)',
        '  - [GPT-3.5介绍](#gpt-35介绍)',
      ].join('\n'),
    );
    expect(readme).not.toContain('\t');
  });

  it('keeps the whole title after the number (a dot in a title does not cut it)', () => {
    expect(readme).toContain('\n### GPT-3.5介绍\n\ntext D\n');
    expect(readme).not.toMatch(/### GPT-3\n/u);
  });

  it('writes chapters as H2 and sections as H3, separated by one blank line, ending with one newline', () => {
    expect(readme).toContain('\n## 深度学习基础知识\n\n### Transformer基础\n\n#### Self Attention\n\ntext A\n\n### 深度神经网络基础\n');
    expect(readme.endsWith('text D\n')).toBe(true);
    expect(readme).not.toMatch(/\n\n\n/u);
  });

  it('has no broken anchor or path', () => {
    expect(brokenReadmeLinks(root, 'README.md')).toEqual([]);
  });
});

describe('configuration', () => {
  const files = { ...INTRO, 'content/1.Chapter/1.Section.md': 'body\n' };

  it('keeps hand-written header and footer across regenerations', () => {
    const options = { header: '> 📖 **在线阅读**: [https://example.org/](https://example.org/)\n', footer: 'Licence: MIT' };
    const { root, readme } = readmeOf(files, options);
    expect(readme).toContain('\n\n> 📖 **在线阅读**: [https://example.org/](https://example.org/)\n\n## 引言\n');
    expect(readme.endsWith('body\n\nLicence: MIT\n')).toBe(true);
    const again = generate(root, options);
    expect(again.readme.changed).toBe(false);
  });

  it('keeps hand-written header and footer files across regenerations', () => {
    const options = { headerFile: 'docs/readme-header.md', footerFile: 'docs/readme-footer.md' };
    const { root, readme } = readmeOf(
      { ...files, 'docs/readme-header.md': '\n> 📖 **在线阅读**: <https://example.org/>\n\n', 'docs/readme-footer.md': '## 致谢\n\nThanks.\n' },
      options,
    );
    expect(readme).toContain('](https://awesome.re)\n\n> 📖 **在线阅读**: <https://example.org/>\n\n## 引言\n');
    expect(readme.endsWith('body\n\n## 致谢\n\nThanks.\n')).toBe(true);
    expect(generate(root, options).readme.changed).toBe(false);
    expect(() => generate(root, { headerFile: 'docs/missing.md' })).toThrow(/docs\/missing\.md|cannot read/u);
  });

  it('uses the configured title, badge, headings and file links', () => {
    const { readme } = readmeOf(files, {
      title: 'Notes',
      badge: null,
      introHeading: 'Intro',
      tocHeading: 'Contents',
      tocLinks: 'files',
    });
    expect(readme.startsWith('# Notes\n\n## Intro\n')).toBe(true);
    expect(sectionOf(readme, '## Contents', '## ')).toBe('- [Chapter](content/1.Chapter)\n  - [Section](content/1.Chapter/1.Section.md)');
  });

  it('escapes parentheses of file links and percent-encodes spaces', () => {
    const { root, readme } = readmeOf({ 'content/1.A (b)/1.C d(e).md': 'x\n' }, { tocLinks: 'files' });
    expect(readme).toContain('- [A (b)](content/1.A%20\\(b\\))\n  - [C d(e)](content/1.A%20\\(b\\)/1.C%20d\\(e\\).md)');
    expect(brokenReadmeLinks(root, 'README.md')).toEqual([]);
  });

  it('escapes in titles only what would be markup, and links them to the anchors GitHub gives them', () => {
    const { root, readme } = readmeOf({ 'content/1.a_b*c [d] <e>/1.$x$ & ~y~ `z` #.md': 'x\n', 'content/1.a_b*c [d] <e>/2.Same.md': 'x\n', 'content/2.Same/1.Same.md': 'x\n' });
    expect(readme).toContain('## a_b\\*c \\[d] \\<e>\n\n### \\$x\\$ & \\~y\\~ \\`z\\` \\#\n');
    expect(readme).toContain('- [a_b\\*c \\[d\\] \\<e>](#a_bc-d-e)\n  - [\\$x\\$ & \\~y\\~ \\`z\\` #](#x--y-z-)');
    expect(readme).toContain('  - [Same](#same)\n- [Same](#same-1)\n  - [Same](#same-2)');
    expect(brokenReadmeLinks(root, 'README.md')).toEqual([]);
  });

  it('gives a section titled `ignore` no heading', () => {
    const { readme } = readmeOf({ 'content/1.Chapter/0.ignore.md': 'preface\n', 'content/1.Chapter/1.Real.md': 'real\n' });
    expect(readme).toContain('## Chapter\n\npreface\n\n### Real\n\nreal\n');
    expect(readme).not.toContain('### ignore');
  });
});

describe('headings inside notes', () => {
  it('nests a note starting with H1 under its H3 section (top level becomes 4, capped at 6)', () => {
    const { readme } = readmeOf({ 'content/1.C/1.S.md': '# Title\n\n## Sub\n\n### Deeper\n\n#### Deepest\n' });
    expect(sectionOf(readme, '### S')).toBe('#### Title\n\n##### Sub\n\n###### Deeper\n\n###### Deepest');
    expect(readme).not.toMatch(/^# Title/mu);
  });

  it('rewrites setext headings as ATX at the new level', () => {
    const { readme } = readmeOf({ 'content/1.C/1.S.md': 'Title [a](./img.png)\ncontinued\n=====\n\nSub\n---\n\ntext\n', 'content/1.C/img.png': 'x' });
    expect(sectionOf(readme, '### S')).toBe('#### Title [a](content/1.C/img.png) continued\n\n##### Sub\n\ntext');
  });

  it('nests the introduction under its H2', () => {
    const { readme } = readmeOf({ 'content/0.Intro/0.ignore.md': '# Welcome\n\n## More\n', 'content/1.C/1.S.md': 'x\n' });
    expect(readme).toContain('## 引言\n\n### Welcome\n\n#### More\n\n## 目录');
  });

  it('does not touch `#` lines inside code', () => {
    const note = '# Title\n\n```python\n# comment\n```\n\n    # indented code\n';
    const { readme } = readmeOf({ 'content/1.C/1.S.md': note });
    expect(sectionOf(readme, '### S')).toBe('#### Title\n\n```python\n# comment\n```\n\n    # indented code');
  });
});

describe('paths inside notes', () => {
  const chapter = 'content/1.深度学习基础知识';

  it('rewrites an image used twice correctly both times (no double prefix)', () => {
    const { root, readme } = readmeOf({
      [`${chapter}/1.BN.md`]: '![BN](./images/BN.png)\n\nagain: ![BN](./images/BN.png)\n',
      [`${chapter}/images/BN.png`]: 'png',
    });
    expect(sectionOf(readme, '### BN')).toBe(`![BN](${chapter}/images/BN.png)\n\nagain: ![BN](${chapter}/images/BN.png)`);
    expect(readme).not.toContain('/./');
    expect(brokenReadmeLinks(root, 'README.md')).toEqual([]);
  });

  it('leaves code untouched: fenced, indented and inline', () => {
    const note = [
      '```md',
      '![a](./images/a.png) [b](./2.B.md)',
      '```',
      '',
      '    ![a](./images/a.png)',
      '',
      'Inline `![a](./images/a.png)` and `<img src="./images/a.png">` stay.',
      '',
    ].join('\n');
    const { readme } = readmeOf({ 'content/1.C/1.A.md': note, 'content/1.C/2.B.md': 'b\n', 'content/1.C/images/a.png': 'x' });
    expect(sectionOf(readme, '### A')).toBe(note.trim());
  });

  it('never changes absolute URLs (http, https, mailto, protocol-relative, other schemes, root-relative)', () => {
    const note = [
      '![a](http://example.org/a.png) ![b](https://example.org/b.png)',
      '[m](mailto:someone@example.org) [p](//cdn.example.org/x.png) [d](data:image/png;base64,AAAA) [r](/docs/x.md)',
      '<img src="http://example.org/c.png"> <a href="https://example.org">x</a>',
      '',
    ].join('\n');
    const { readme } = readmeOf({ 'content/1.C/1.A.md': note });
    expect(sectionOf(readme, '### A')).toBe(note.trim());
  });

  it('rebases links that are not images, reference definitions and HTML src/href', () => {
    const note = [
      '[the figure](images/a.png) and [ref][fig]',
      '',
      '<p align="center"><img width="900" alt="x" src="./images/a.png"></p>',
      '',
      'Inline <img src=b.png> and <a href=\'./images/a.png\'>link</a>.',
      '',
      '[fig]: ./images/a.png "Figure"',
      '',
    ].join('\n');
    const { root, readme } = readmeOf({ 'content/1.C/1.A.md': note, 'content/1.C/images/a.png': 'x', 'content/1.C/b.png': 'x' });
    expect(sectionOf(readme, '### A')).toBe(
      [
        '[the figure](content/1.C/images/a.png) and [ref][fig]',
        '',
        '<p align="center"><img width="900" alt="x" src="content/1.C/images/a.png"></p>',
        '',
        'Inline <img src="content/1.C/b.png"> and <a href="content/1.C/images/a.png">link</a>.',
        '',
        '[fig]: content/1.C/images/a.png "Figure"',
      ].join('\n'),
    );
    expect(brokenReadmeLinks(root, 'README.md')).toEqual([]);
  });

  it('reads angle-bracket and percent-encoded destinations and keeps the result valid Markdown', () => {
    const note = '![a](<./my images/a (1).png>) ![b](./my%20images/b.png) [c](./my%20images/c.txt?raw=1#L2)\n';
    const { root, readme } = readmeOf({
      'content/1.C/1.A.md': note,
      'content/1.C/my images/a (1).png': 'x',
      'content/1.C/my images/b.png': 'x',
      'content/1.C/my images/c.txt': 'x',
    });
    expect(sectionOf(readme, '### A')).toBe(
      '![a](<content/1.C/my%20images/a%20(1).png>) ![b](content/1.C/my%20images/b.png) [c](content/1.C/my%20images/c.txt?raw=1#L2)',
    );
    expect(brokenReadmeLinks(root, 'README.md')).toEqual([]);
  });

  it('turns links to other notes into links to their README sections, fragments included', () => {
    const { root, readme } = readmeOf({
      'content/1.A/1.First.md': '#### Example\n\nsee [second](../2.B/1.Second.md), [its example](../2.B/1.Second.md#example), [mine](#example), [angle](<../2.B/1.Second.md#example>), [encoded](../2.B/1.Second.md#%E7%A4%BA%E4%BE%8B)\n',
      'content/2.B/1.Second.md': '#### Example\n\n#### 示例\n\n[first](./../1.A/1.First.md#example) [self](./1.Second.md)\n',
    });
    expect(readme).toContain(
      'see [second](#second), [its example](#example-1), [mine](#example), [angle](#example-1), [encoded](#示例)',
    );
    expect(readme).toContain('[first](#example) [self](#second)');
    expect(brokenReadmeLinks(root, 'README.md')).toEqual([]);
  });

  it('maps a note-local fragment to the README anchor when duplicates shift the suffix', () => {
    const { root, readme } = readmeOf({
      'content/1.A/1.One.md': '#### Setup\n',
      'content/1.A/2.Two.md': '#### Setup\n\n#### Setup\n\n[second setup](#setup-1)\n',
    });
    // In the note alone the second `Setup` is `setup-1`; in the README it is the third: `setup-2`.
    expect(readme).toContain('[second setup](#setup-2)');
    expect(renderedAnchors(readme)).toContain('setup-2');
    expect(brokenReadmeLinks(root, 'README.md')).toEqual([]);
  });
});

describe('anchors', () => {
  it('match GitHub for CJK, punctuation and emoji, and count duplicates over the whole README', () => {
    const { root, readme } = readmeOf({
      ...INTRO,
      'content/1.引言/1.引言.md': '#### 🚀 Launch: v2.0!\n\n#### 什么是 KV Cache？\n\n[up](#-launch-v20) [kv](#什么是-kv-cache)\n',
    });
    // `引言` is the introduction heading, the chapter and the section: `引言`, `引言-1`, `引言-2`.
    expect(readme).toContain('- [引言](#引言-1)\n  - [引言](#引言-2)');
    expect(readme).toContain('[up](#-launch-v20) [kv](#什么是-kv-cache)');
    expect(renderedAnchors(readme)).toEqual(['awesome-llm-learning-', '引言', '目录', '引言-1', '引言-2', '-launch-v20', '什么是-kv-cache']);
    expect(brokenReadmeLinks(root, 'README.md')).toEqual([]);
  });
});

describe('per-note tables of contents', () => {
  it('regenerates the block in the note and points it at README anchors in the README', () => {
    const note = '#### Intro\n\n<!-- toc -->\n<!-- tocstop -->\n\n#### Intro\n\n##### Detail\n';
    const root = makeRepo({ 'content/1.A/1.Other.md': '#### Intro\n', 'content/1.A/2.Note.md': note });
    const result = generate(root);
    expect(result.notes.map((update) => update.relPath)).toEqual(['content/1.A/2.Note.md']);
    expect(result.notes[0]?.after).toBe(
      '#### Intro\n\n<!-- toc -->\n\n- [Intro](#intro)\n- [Intro](#intro-1)\n  - [Detail](#detail)\n\n<!-- tocstop -->\n\n#### Intro\n\n##### Detail\n',
    );
    expect(result.readme.after).toContain('- [Intro](#intro-1)\n- [Intro](#intro-2)\n  - [Detail](#detail)');
    writeReadmeResult(result);
    expect(brokenReadmeLinks(root, 'README.md')).toEqual([]);
    const again = generate(root);
    expect(again.notes).toEqual([]);
    expect(again.readme.changed).toBe(false);
  });

  it('keeps CRLF in the note it updates; the README gets LF', () => {
    const note = '#### A\r\n\r\n<!-- toc -->\r\n<!-- tocstop -->\r\n\r\ntext\r\n';
    const root = makeRepo({ 'content/1.A/1.N.md': note });
    const result = generate(root);
    expect(result.notes[0]?.after).toBe('#### A\r\n\r\n<!-- toc -->\r\n\r\n- [A](#a)\r\n\r\n<!-- tocstop -->\r\n\r\ntext\r\n');
    expect(result.readme.after).not.toContain('\r');
  });
});

describe('robustness', () => {
  it('ignores folders at the root that are not content (.github, node_modules, public)', () => {
    const files = { ...INTRO, 'content/1.C/1.S.md': 'x\n' };
    const plain = readmeOf(files).readme;
    const crowded = readmeOf({
      ...files,
      '.github/workflows/ci.md': '# CI\n',
      'node_modules/pkg/README.md': '# pkg\n',
      'public/index.md': '# site\n',
      '.vitepress/config.md': '# config\n',
    }).readme;
    expect(crowded).toBe(plain);
  });

  it('is byte-identical whatever order the files were created in', () => {
    const entries: [string, string][] = [
      ['content/2.B/10.Ten.md', 'ten\n'],
      ['content/2.B/9.Nine.md', 'nine\n'],
      ['content/10.Z/1.Z.md', 'z\n'],
      ['content/1.A/1.A.md', 'a\n'],
    ];
    const forward = readmeOf(Object.fromEntries(entries)).readme;
    const backward = readmeOf(Object.fromEntries([...entries].reverse())).readme;
    expect(backward).toBe(forward);
    expect(forward.indexOf('### Nine')).toBeLessThan(forward.indexOf('### Ten'));
    expect(forward.indexOf('## B')).toBeLessThan(forward.indexOf('## Z'));
  });

  it('names the file and line of a note that is not valid UTF-8', () => {
    const root = makeRepo({ 'content/1.C/1.S.md': Buffer.concat([Buffer.from('ok\nline two \xff\n', 'latin1')]) });
    expect(() => generate(root)).toThrow(UserError);
    try {
      generate(root);
    } catch (error) {
      expect((error as UserError).describe()).toMatch(/^content\/1\.C\/1\.S\.md:2: .*UTF-8/u);
    }
  });

  it('names the note when it is nested too deeply to parse (no internal error)', () => {
    const root = makeRepo({ 'content/1.C/1.Deep.md': `${'>'.repeat(10_000)} 深\n` });
    expect(() => generate(root)).toThrow(UserError);
    expect(() => generate(root)).toThrow(/nested too deeply/u);
  });

  it('leaves folders without a number out: they are not chapters', () => {
    const { readme } = readmeOf({ 'content/1.C/1.A.md': 'a\n', 'content/Chapter/1.S.md': '# Stray\n', 'content/public/index.md': '# Site\n' });
    expect(readme).toContain('### A');
    expect(readme).not.toMatch(/Stray|Site|Chapter/u);
  });

  it('drops front matter and closes a fence left open, so later sections survive', () => {
    const { readme } = readmeOf({ 'content/1.C/1.A.md': '---\ntitle: x\n---\n\ntext\n\n```js\nopen(\n', 'content/1.C/2.B.md': '#### B heading\n' });
    expect(sectionOf(readme, '### A')).toBe('text\n\n```js\nopen(\n```');
    expect(renderedAnchors(readme)).toContain('b-heading');
  });
});
