import type { TextEdit } from '@llm-notes/core';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { type LinkUse, type NoteFacts, noteFacts } from './facts.js';
import { type LinkEnv, linkEnv } from './link-env.js';
import { type Target, resolveTarget } from './resolve-target.js';
import { rewritePath, splitRawDestination } from './rewrite-destination.js';

export interface LinkVisit {
  readonly link: LinkUse;
  readonly target: Target;
}

export interface NoteScope {
  readonly env: LinkEnv;
  readonly facts: NoteFacts;
  readonly source: string;
}

/** The note's facts and environment, or undefined when the rule cannot know where the note is. */
export function noteScope(tree: Root, file: VFile): NoteScope | undefined {
  const env = linkEnv(file);
  if (!env) return undefined;
  const source = String(file.value ?? '');
  return { env, facts: noteFacts(tree, source), source };
}

/** Every destination of the note with where it leads. */
export function* visitLinks(scope: NoteScope): Generator<LinkVisit> {
  for (const link of scope.facts.links) {
    if (link.url === '') continue;
    yield { link, target: resolveTarget(scope.env, link.url) };
  }
}

/** How a link names a path, for messages: the destination as written, without its fragment. */
export function writtenPath(link: LinkUse): string {
  return splitRawDestination(link.url).path;
}

/**
 * A fix replacing only the path part of the destination with the segments in
 * `after` (root-relative, same length as `before`); undefined when the
 * destination's bytes or layout cannot be matched exactly.
 */
export function pathFix(scope: NoteScope, link: LinkUse, before: readonly string[], after: readonly string[]): { edit: TextEdit; written: string } | undefined {
  if (!link.range) return undefined;
  const raw = scope.source.slice(link.range.start, link.range.end);
  const angle = scope.source[link.range.start - 1] === '<';
  const { path } = splitRawDestination(raw);
  const rewritten = rewritePath(path, before, after, angle);
  if (rewritten === undefined || rewritten === path) return undefined;
  return { edit: { start: link.range.start, end: link.range.start + path.length, text: rewritten }, written: rewritten };
}
