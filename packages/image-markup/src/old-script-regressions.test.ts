// One test per defect of the original image scripts (see the port's description of them).
import { fileURLToPath } from 'node:url';
import { parseMarkdown } from '@llm-notes/core';
import type { Node, Parent } from 'unist';
import { describe, expect, it } from 'vitest';
import { imageHtmlCentered, imageMarkdown, imageOwnLine, rules } from './index.js';
import { fixedText, remainingFixes, testLintContext } from '@llm-notes/core/testing';

/** These rules never read the repository: the package folder serves as root, `config` as its notes.config.json. */
const lintOptions = (config: object = {}) => ({ context: testLintContext(fileURLToPath(new URL('..', import.meta.url)), config) });

/** Types of the ancestors of the first node of `type`, outermost first. */
function ancestorsOf(text: string, type: string): string[] | undefined {
  const search = (node: Node, trail: string[]): string[] | undefined => {
    if (node.type === type) return trail;
    for (const child of (node as Parent).children ?? []) {
      const found = search(child, [...trail, node.type]);
      if (found) return found;
    }
    return undefined;
  };
  return search(parseMarkdown(text), []);
}

describe('replace_image.py (own line) defects', () => {
  it('keeps an image inside its list item instead of pulling it to column 0', async () => {
    const input = '- step one:\n  ![diagram](./images/d.png)\n- step two\n';
    const fixed = await fixedText([imageOwnLine], input, lintOptions());
    expect(fixed).toBe('- step one:\n\n  ![diagram](./images/d.png)\n- step two\n');
    expect(ancestorsOf(fixed, 'image')).toEqual(['root', 'list', 'listItem', 'paragraph']);
    expect(parseMarkdown(fixed).children.filter((node) => node.type === 'list')).toHaveLength(1);
  });

  it('does not add another blank line on every run', async () => {
    const context = lintOptions();
    const once = await fixedText([imageOwnLine], '- text\n  ![x](./x.png)\n', context);
    const twice = await fixedText([imageOwnLine], once, context);
    expect(twice).toBe(once);
    // The old script's own output (an indentation-only line before the image) already counts as blank.
    const oldOutput = '- text\n  \n  ![x](./x.png)\n';
    expect(await remainingFixes([imageOwnLine], oldOutput, context)).toEqual([]);
  });

  it('never rewrites image syntax inside fenced or inline code', async () => {
    const input = 'Example:\n\n```md\nText\n![in fence](./f.png)\n```\n\nInline `a\n![in code](./c.png)` here.\n\n~~~\n<p align="center"><img width="900" alt="x" src="x.png"></p>\n~~~\n';
    for (const rule of rules) expect(await fixedText([rule], input, lintOptions())).toBe(input);
  });

  it('leaves an image in the middle of a sentence in its paragraph', async () => {
    const input = 'The curve ![loss](./loss.png) falls\nafter ![step](./step.png) ten steps.\n';
    expect(await fixedText([imageOwnLine], input, lintOptions())).toBe(input);
    expect(await fixedText([imageHtmlCentered], input, lintOptions())).toBe(input);
  });
});

describe('replace_image.py (centred HTML) defects', () => {
  it('writes no stray spaces or TABs and keeps list indentation, so the HTML is not a code block', async () => {
    const input = '- item\n\n  ![x](./x.png)\n\n  more\n';
    const fixed = await fixedText([imageHtmlCentered], input, lintOptions());
    expect(fixed).toBe('- item\n\n  <p align="center"><img width="900" alt="x" src="./x.png"></p>\n\n  more\n');
    expect(ancestorsOf(fixed, 'html')).toEqual(['root', 'list', 'listItem']);
    expect(ancestorsOf(fixed, 'code')).toBeUndefined();
  });

  it('leaves the rest of the file (leading and trailing blank lines) alone', async () => {
    const input = '\n\n![x](./x.png)\n\n\n';
    expect(await fixedText([imageHtmlCentered], input, lintOptions())).toBe('\n\n<p align="center"><img width="900" alt="x" src="./x.png"></p>\n\n\n');
  });

  it('uses the configured width and escapes attributes', async () => {
    const context = lintOptions({ images: { htmlWidth: 640 } });
    const fixed = await fixedText([imageHtmlCentered], '![a "b" & <c>](./x&y.png)\n', context);
    expect(fixed).toBe('<p align="center"><img width="640" alt="a &quot;b&quot; &amp; &lt;c>" src="./x&amp;y.png"></p>\n');
  });
});

describe('replace_image_revert_html_to_md.py defects', () => {
  it('recognises any attribute order, quoting and spacing, not one exact string', async () => {
    const input = "<p align='center'>\n  <img alt=x\n   src=\"./x.png\"   width=900 >\n</p>\n";
    expect(await fixedText([imageMarkdown], input, lintOptions())).toBe('![x](./x.png)\n');
  });

  it('keeps a width other than the configured one as HTML, and reports it', async () => {
    const input = '<p align="center"><img width="900" alt="x" src="./x.png"></p>\n';
    const context = lintOptions({ images: { htmlWidth: 640 } });
    expect(await fixedText([imageMarkdown], input, context)).toBe(input);
  });

  it('leaves leading and trailing white space of the file alone', async () => {
    const input = '\n<img src="./x.png" alt="x">\n\n';
    expect(await fixedText([imageMarkdown], input, lintOptions())).toBe('\n![x](./x.png)\n\n');
  });
});
