import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseNumberedName } from '@llm-notes/core';

/** What `init` reads from an existing repository besides its layout. */
export interface RepositoryFacts {
  /** The existing README's first `# ` heading, else the folder's name. */
  readonly title: string;
  /** True when the existing README shows the Awesome badge (the default badge). */
  readonly awesomeBadge: boolean;
  /** `https://github.com/<owner>/<repo>` from package.json or the git remote. */
  readonly repositoryUrl: string | undefined;
  /** How the notes write block images: HTML `<img>` or Markdown `![…]`, by count. */
  readonly imageStyle: 'own-line' | 'html-centered';
  /** The most common `width` of HTML images, when they are the style. */
  readonly htmlWidth: number | undefined;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** `https://github.com/o/r` from the spellings package.json and git remotes use. */
export function githubUrl(spec: string): string | undefined {
  const match = /^(?:git\+)?(?:https?:\/\/|ssh:\/\/git@|git@|git:\/\/)?github\.com[/:]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/u.exec(spec.trim())
    ?? /^github:([\w.-]+)\/([\w.-]+)$/u.exec(spec.trim());
  return match ? `https://github.com/${match[1]}/${match[2]}` : undefined;
}

function repositoryUrlOf(root: string): string | undefined {
  const manifest = readText(path.join(root, 'package.json'));
  if (manifest !== undefined) {
    try {
      const repository = (JSON.parse(manifest) as { repository?: string | { url?: string } }).repository;
      const spec = typeof repository === 'string' ? repository : repository?.url;
      const url = spec === undefined ? undefined : githubUrl(spec);
      if (url) return url;
    } catch {
      // Not JSON: try the git remote.
    }
  }
  const gitConfig = readText(path.join(root, '.git', 'config'));
  const origin = gitConfig === undefined ? undefined : /\[remote "origin"\][^[]*?\burl\s*=\s*(\S+)/u.exec(gitConfig)?.[1];
  return origin === undefined ? undefined : githubUrl(origin);
}

/** The notes' text (numbered `.md` files of numbered folders in `content`), at most `limit` of them. */
function sampleNotes(root: string, content: string, limit: number): string[] {
  const texts: string[] = [];
  const contentPath = path.join(root, content);
  let chapters: string[] = [];
  try {
    chapters = readdirSync(contentPath).filter((name) => parseNumberedName(name) !== undefined).sort();
  } catch {
    return texts;
  }
  for (const chapter of chapters) {
    let names: string[] = [];
    try {
      names = readdirSync(path.join(contentPath, chapter)).filter((name) => name.toLowerCase().endsWith('.md')).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const text = readText(path.join(contentPath, chapter, name));
      if (text !== undefined) texts.push(text);
      if (texts.length >= limit) return texts;
    }
  }
  return texts;
}

export function readRepositoryFacts(root: string, content: string | undefined): RepositoryFacts {
  const readme = readText(path.join(root, 'README.md')) ?? '';
  // A badge on the title line (`# Title [![Awesome](…)](…)`) is not part of the title.
  const heading = /^#[ \t]+(.+?)[ \t#]*$/mu.exec(readme)?.[1]?.replace(/\s*\[?!\[.*$/u, '').trim() || undefined;
  let htmlImages = 0;
  let markdownImages = 0;
  const widths = new Map<number, number>();
  for (const text of content === undefined ? [] : sampleNotes(root, content, 500)) {
    for (const match of text.matchAll(/<img\b[^>]*>/giu)) {
      htmlImages++;
      const width = /\bwidth\s*=\s*["']?(\d+)/iu.exec(match[0])?.[1];
      if (width !== undefined) widths.set(Number(width), (widths.get(Number(width)) ?? 0) + 1);
    }
    markdownImages += [...text.matchAll(/!\[[^\]]*\]\(/gu)].length;
  }
  const imageStyle = htmlImages > markdownImages ? 'html-centered' : 'own-line';
  const commonWidth = [...widths.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  return {
    title: heading ?? path.basename(root),
    awesomeBadge: /awesome\.re\/badge/u.test(readme),
    repositoryUrl: repositoryUrlOf(root),
    imageStyle,
    htmlWidth: imageStyle === 'html-centered' ? commonWidth : undefined,
  };
}
