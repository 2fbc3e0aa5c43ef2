import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { headingAnchors, htmlElements, normalizeFragment, parseMarkdown } from '@llm-notes/core';
import { visit } from 'unist-util-visit';

/** The anchors GitHub renders for a Markdown text: core's one reading of headings. */
export function renderedAnchors(markdown: string): string[] {
  return headingAnchors(parseMarkdown(markdown));
}

/** Every URL of a Markdown text: links, images, definitions, `<img src>` and `<a href>`. */
export function collectUrls(markdown: string): string[] {
  const urls: string[] = [];
  visit(parseMarkdown(markdown), (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') urls.push(node.url);
    if (node.type === 'html') {
      for (const element of htmlElements(node.value)) {
        const url = element.tagName === 'img' ? element.attributes.get('src') : element.tagName === 'a' ? element.attributes.get('href') : undefined;
        if (url) urls.push(url.value);
      }
    }
  });
  return urls;
}

/**
 * Problems of a generated README: `#fragment` links that match no heading
 * GitHub would render, and relative paths that resolve to no file.
 */
export function brokenReadmeLinks(root: string, readmeRel: string): string[] {
  const text = readFileSync(path.join(root, readmeRel), 'utf8');
  const anchors = new Set(renderedAnchors(text));
  const problems: string[] = [];
  for (const url of collectUrls(text)) {
    if (/^[a-z][a-z\d+.-]*:/iu.test(url) || url.startsWith('//')) continue;
    const hash = url.indexOf('#');
    const urlPath = (hash === -1 ? url : url.slice(0, hash)).replace(/\?.*$/u, '');
    if (urlPath === '') {
      if (!anchors.has(normalizeFragment(url.slice(hash + 1)))) problems.push(`no heading for ${url}`);
      continue;
    }
    const target = path.resolve(root, path.dirname(readmeRel), decodeURIComponent(urlPath));
    if (!target.startsWith(path.resolve(root)) || !existsSync(target)) problems.push(`no file for ${url}`);
  }
  return problems;
}
