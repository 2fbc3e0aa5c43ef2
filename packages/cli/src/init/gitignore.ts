import type { LineEnding } from '@llm-notes/core';

/** True when a .gitignore line ignores the folder `folder` at the root (`.cache`, `.cache/`, `/.cache/`, `/.cache`). */
function ignores(line: string, folder: string): boolean {
  const pattern = line.trim().replace(/^\//u, '').replace(/\/$/u, '');
  return pattern === folder.replace(/^\.?\//u, '').replace(/\/$/u, '');
}

/**
 * The .gitignore text with `/<folder>/` added (after a comment saying why),
 * or the same text when a line already ignores that folder. The file's line
 * ending is kept; a missing final newline is added before the new lines.
 */
export function addToGitignore(text: string, folder: string, eol: LineEnding): string {
  if (text.split(/\r?\n/u).some((line) => ignores(line, folder))) return text;
  const separator = text === '' || text.endsWith('\n') ? '' : eol;
  const blank = text === '' ? '' : eol;
  return `${text}${separator}${blank}# caches of the notes toolchain (lint results, external links)${eol}/${folder.replace(/^\.?\//u, '').replace(/\/$/u, '')}/${eol}`;
}
