import { parseMarkdown } from '@llm-notes/core';
import { applyEdits } from '@llm-notes/core';
import { describe, expect, it } from 'vitest';
import { type NoteTarget, linkRewriteEdits, rewriteUrl } from './link-rewrite.js';

const other: NoteTarget = { anchor: 'other', fragments: new Map([['setup', 'setup-1']]) };
const self: NoteTarget = { anchor: 'self', fragments: new Map([['intro', 'intro-2']]) };
const context = {
  notePath: 'content/1.C/1.Self.md',
  readmeFolder: '',
  notes: new Map([
    ['content/1.C/1.Self.md', self],
    ['content/2.D/1.Other.md', other],
  ]),
};

function rewrite(markdown: string): string {
  return applyEdits(markdown, linkRewriteEdits(markdown, parseMarkdown(markdown), context));
}

describe('rewriteUrl', () => {
  it.each([
    ['./images/a.png', 'content/1.C/images/a.png'],
    ['images/a.png?raw=true#x', 'content/1.C/images/a.png?raw=true#x'],
    ['../2.D/1.Other.md', '#other'],
    ['../2.D/1.Other.md#setup', '#setup-1'],
    ['../2.D/1.Other.md#unknown', '#other'],
    ['#intro', '#intro-2'],
    ['./1.Self.md#intro', '#intro-2'],
    ['my%20file.png', 'content/1.C/my%20file.png'],
    ['a#b.png', 'content/1.C/a#b.png'],
    ['a%23b.png', 'content/1.C/a%23b.png'],
    ['../', 'content/'],
  ])('%s → %s', (url, expected) => {
    expect(rewriteUrl(url, context)).toBe(expected);
  });

  it.each(['http://x.org/a.png', 'HTTPS://x.org', 'mailto:a@b.c', '//cdn.x.org/a.png', '/abs/a.png', 'data:image/png;base64,AA', 'tel:123', '', '../../../outside.png'])(
    'leaves %s alone',
    (url) => {
      expect(rewriteUrl(url, context)).toBeUndefined();
    },
  );
});

describe('linkRewriteEdits', () => {
  it('finds the destination after labels holding brackets, code and images', () => {
    expect(rewrite('[![a](./a.png)](./b.png) [`]` x [y]](./c.png "t (1)")\n')).toBe(
      '[![a](content/1.C/a.png)](content/1.C/b.png) [`]` x [y]](content/1.C/c.png "t (1)")\n',
    );
  });

  it('handles balanced and escaped parentheses and wraps results that hold them', () => {
    expect(rewrite('![a](./a(1).png) ![b](./b\\(2.png)\n')).toBe('![a](<content/1.C/a(1).png>) ![b](<content/1.C/b(2.png>)\n');
  });

  it('rewrites a definition whose destination is on the next line, and leaves autolinks', () => {
    expect(rewrite('[x][d] <https://x.org/a.png> www.example.org/a.png\n\n[d]:\n  ./d.png\n')).toBe(
      '[x][d] <https://x.org/a.png> www.example.org/a.png\n\n[d]:\n  content/1.C/d.png\n',
    );
  });

  it('rewrites inside block quotes and list items', () => {
    expect(rewrite('> ![a](./a.png)\n\n- item\n\n  [b](<./my b.md>)\n')).toBe('> ![a](content/1.C/a.png)\n\n- item\n\n  [b](content/1.C/my%20b.md)\n');
  });

  it('rewrites HTML src and href, keeps other attributes, and escapes & in them', () => {
    expect(rewrite('<img alt="a" src=\'./a&amp;b.png\' width=9>\n')).toBe('<img alt="a" src="content/1.C/a%26b.png" width=9>\n');
  });

  it('rewrites links inside math too: GitHub reads the link before the `$`, so it must work from the README', () => {
    const text = 'Inline $[a](./b)$ and\n\n$$\n[x](./y.png)\n$$\n';
    expect(rewrite(text)).toBe('Inline $[a](content/1.C/b)$ and\n\n$$\n[x](content/1.C/y.png)\n$$\n');
  });

  it('leaves `$` in code alone', () => {
    const text = 'Code `$[a](./b)$` and\n\n```\n[x](./y.png)\n```\n';
    expect(rewrite(text)).toBe(text);
  });
});
