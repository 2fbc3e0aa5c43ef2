import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RepoRoot, configSchema, discoverContent } from '@llm-notes/core';
import { type ReadmeResult, generateReadme } from '../generate-readme.js';
import { tempFolder } from '../../../../tests/support/temp-folder.js';

/** A temporary repository holding `files` (paths relative to its root). */
export function makeRepo(files: Record<string, string | Uint8Array>): string {
  const root = tempFolder('readme-');
  for (const [relPath, data] of Object.entries(files)) {
    const absolute = path.join(root, relPath);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, data);
  }
  return root;
}

/** Generates (without writing) the README of a temporary repository. */
export function generate(root: string, readme: Record<string, unknown> = {}): ReadmeResult {
  const repo = new RepoRoot(root);
  const config = configSchema.parse({ readme });
  return generateReadme(repo, config, discoverContent(repo, config.content));
}

export function readText(root: string, relPath: string): string {
  return readFileSync(path.join(root, relPath), 'utf8');
}

/** The README text between `start` (a heading line) and the next line starting with `stop`. */
export function sectionOf(readme: string, start: string, stop = '### '): string {
  const from = readme.indexOf(`${start}\n`);
  if (from === -1) throw new Error(`no line ${start}`);
  const body = readme.slice(from + start.length + 1);
  const end = body.search(new RegExp(`^(?:${stop}|## )`, 'mu'));
  return (end === -1 ? body : body.slice(0, end)).trim();
}
