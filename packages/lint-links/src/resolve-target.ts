import { readdirSync } from 'node:fs';
import path from 'node:path';
import { cached, isWithin } from '@llm-notes/core';
import { isExternal, parseDestination } from './destination.js';
import type { LinkEnv } from './link-env.js';
import { closestCandidate } from './suggest.js';

interface Listing {
  /** NFC name → name on disk. */
  readonly exact: ReadonlyMap<string, string>;
  /** Lower-cased NFC name → names on disk. */
  readonly folded: ReadonlyMap<string, readonly string[]>;
}

/** Entries of a folder, cached per run; undefined when it is not a readable folder. */
function listing(env: LinkEnv, folder: string): Listing | undefined {
  return cached(env.cache, `lint-links:dir:${folder}`, () => {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return undefined;
    }
    const exact = new Map<string, string>();
    const folded = new Map<string, string[]>();
    for (const name of names) {
      const normal = name.normalize('NFC');
      exact.set(normal, name);
      const key = normal.toLowerCase();
      folded.set(key, [...(folded.get(key) ?? []), normal]);
    }
    return { exact, folded };
  });
}

export type Target =
  | { readonly kind: 'external' }
  | { readonly kind: 'self'; readonly fragment: string | undefined }
  | { readonly kind: 'outside'; readonly absolute: string }
  /** Exists; `caseFixed` holds the path segments as they are on disk when the link's case differs. */
  | { readonly kind: 'found'; readonly absolute: string; readonly relPath: string; readonly fragment: string | undefined; readonly caseFixed: readonly string[] | undefined; readonly segments: readonly string[] }
  | { readonly kind: 'missing'; readonly absolute: string; readonly segments: readonly string[]; readonly suggestion: readonly string[] | undefined };

/** Walks `segments` below `base` folder by folder, matching names as GitHub would (NFC, exact case). */
function walk(env: LinkEnv, base: string, segments: readonly string[]): { found: boolean; actual: string[]; missingAt: number; caseDiffers: boolean } {
  let current = base;
  const actual: string[] = [];
  let caseDiffers = false;
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index] ?? '';
    const entries = listing(env, current);
    const exact = entries?.exact.get(segment);
    if (exact !== undefined) {
      actual.push(segment);
      current = path.join(current, exact);
      continue;
    }
    const other = entries?.folded.get(segment.toLowerCase());
    if (other && other.length === 1 && other[0] !== undefined) {
      caseDiffers = true;
      actual.push(other[0]);
      current = path.join(current, entries?.exact.get(other[0]) ?? other[0]);
      continue;
    }
    return { found: false, actual, missingAt: index, caseDiffers };
  }
  return { found: true, actual, missingAt: -1, caseDiffers };
}

function suggestFor(env: LinkEnv, base: string, segments: readonly string[], missingAt: number, actual: readonly string[]): string[] | undefined {
  const folder = path.join(base, ...actual);
  const entries = listing(env, folder);
  const wanted = segments[missingAt];
  if (!entries || wanted === undefined) return undefined;
  const candidate = closestCandidate(wanted, entries.exact.keys());
  if (candidate === undefined) return undefined;
  const rest = segments.slice(missingAt + 1);
  const tail = walk(env, path.join(folder, candidate), rest);
  return tail.found ? [...actual, candidate, ...tail.actual] : undefined;
}

/**
 * Where a link destination leads, resolved as GitHub does: relative to the
 * note (to the root when it starts with `/`), query and fragment dropped,
 * percent-decoded, NFC. Never reads a path outside the root.
 */
export function resolveTarget(env: LinkEnv, url: string): Target {
  if (isExternal(url)) return { kind: 'external' };
  const { path: wanted, fragment } = parseDestination(url);
  if (wanted === '') return { kind: 'self', fragment };
  const fromRoot = wanted.startsWith('/');
  const base = fromRoot ? env.repo.path : path.dirname(env.notePath);
  // GitHub resolves `/..` at the root to the root itself.
  const absolute = fromRoot ? path.join(base, path.posix.normalize(wanted)) : path.resolve(base, wanted);
  if (!isWithin(env.repo.path, absolute)) return { kind: 'outside', absolute };
  // Symlinks leading out of the root count as outside too (checked once per path and run).
  if (!cached(env.cache, `lint-links:inside:${absolute}`, () => env.repo.tryResolve(absolute) !== undefined)) return { kind: 'outside', absolute };
  const relative = path.relative(env.repo.path, absolute);
  const rootSegments = relative === '' ? [] : relative.split(path.sep);
  const result = cached(env.cache, `lint-links:walk:${absolute}`, () => walk(env, env.repo.path, rootSegments));
  if (result.found) {
    return { kind: 'found', absolute, relPath: result.actual.join('/'), fragment, caseFixed: result.caseDiffers ? result.actual : undefined, segments: rootSegments };
  }
  const suggestion = cached(env.cache, `lint-links:suggest:${absolute}`, () => suggestFor(env, env.repo.path, rootSegments, result.missingAt, result.actual));
  return { kind: 'missing', absolute, segments: rootSegments, suggestion };
}
