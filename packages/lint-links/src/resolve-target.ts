import { readdirSync } from 'node:fs';
import path from 'node:path';
import { cached, isWithin } from '@llm-notes/core';
import { isExternal, parseDestination } from './destination.js';
import type { LinkEnv } from './link-env.js';
import { closestCandidate } from './suggest.js';

interface Listing {
  /** The names on disk, byte for byte. */
  readonly names: ReadonlySet<string>;
  /** NFC name → name on disk. */
  readonly exact: ReadonlyMap<string, string>;
  /** Lower-cased NFC name → NFC names. */
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
      // Two names with one NFC form: the NFC-spelled one stands for both.
      if (!exact.has(normal) || name === normal) exact.set(normal, name);
      const key = normal.toLowerCase();
      const same = folded.get(key) ?? [];
      if (!same.includes(normal)) folded.set(key, [...same, normal]);
    }
    return { names: new Set(names), exact, folded };
  });
}

export type Target =
  | { readonly kind: 'external' }
  | { readonly kind: 'self'; readonly fragment: string | undefined }
  | { readonly kind: 'outside'; readonly absolute: string }
  /**
   * Exists at `absolute` (its path on disk). `relPath` and `segments` name it root-relative as on
   * disk and as the link spells it (NFC); `caseFixed` holds the names on disk when the link's letter
   * case differs, `formFixed` when only its Unicode form (NFC/NFD) does: both 404 on GitHub.
   */
  | {
      readonly kind: 'found';
      readonly absolute: string;
      readonly relPath: string;
      readonly fragment: string | undefined;
      readonly caseFixed: readonly string[] | undefined;
      readonly formFixed: readonly string[] | undefined;
      readonly segments: readonly string[];
    }
  | { readonly kind: 'missing'; readonly absolute: string; readonly segments: readonly string[]; readonly suggestion: readonly string[] | undefined };

interface Walked {
  readonly found: boolean;
  /** Names on disk of the segments matched so far. */
  readonly actual: string[];
  readonly missingAt: number;
  readonly caseDiffers: boolean;
  /** Same letters and case, other bytes: the link is NFC where the name is NFD, or the reverse. */
  readonly formDiffers: boolean;
}

/**
 * Walks `segments` (NFC) below `base` folder by folder, matching names as
 * GitHub would: byte for byte. `spelled` are the same segments as the link
 * writes them (not normalized), to tell a name matched only in another
 * Unicode form; a match in other letter case is the case finding.
 */
function walk(env: LinkEnv, base: string, segments: readonly string[], spelled: readonly string[] = segments): Walked {
  let current = base;
  const actual: string[] = [];
  let caseDiffers = false;
  let formDiffers = false;
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index] ?? '';
    const written = spelled[index] ?? segment;
    const entries = listing(env, current);
    const onDisk = entries?.names.has(written) ? written : entries?.exact.get(segment);
    if (onDisk !== undefined) {
      if (onDisk !== written) formDiffers = true;
      actual.push(onDisk);
      current = path.join(current, onDisk);
      continue;
    }
    const other = entries?.folded.get(segment.toLowerCase());
    if (other && other.length === 1 && other[0] !== undefined) {
      caseDiffers = true;
      const name = entries?.exact.get(other[0]) ?? other[0];
      actual.push(name);
      current = path.join(current, name);
      continue;
    }
    return { found: false, actual, missingAt: index, caseDiffers, formDiffers };
  }
  return { found: true, actual, missingAt: -1, caseDiffers, formDiffers };
}

function suggestFor(env: LinkEnv, base: string, segments: readonly string[], missingAt: number, actual: readonly string[]): string[] | undefined {
  const folder = path.join(base, ...actual);
  const entries = listing(env, folder);
  const wanted = segments[missingAt];
  if (!entries || wanted === undefined) return undefined;
  const candidate = closestCandidate(wanted, entries.exact.keys());
  if (candidate === undefined) return undefined;
  const name = entries.exact.get(candidate) ?? candidate;
  const rest = segments.slice(missingAt + 1);
  const tail = walk(env, path.join(folder, name), rest);
  return tail.found ? [...actual, name, ...tail.actual] : undefined;
}

/** Root-relative segments of `absolute` (empty for the root itself). */
function rootSegmentsOf(env: LinkEnv, absolute: string): string[] {
  const relative = path.relative(env.repo.path, absolute);
  return relative === '' ? [] : relative.split(path.sep);
}

/**
 * Where a link destination leads, resolved as GitHub does: relative to the
 * note (to the root when it starts with `/`), query and fragment dropped,
 * percent-decoded, NFC. Never reads a path outside the root.
 */
export function resolveTarget(env: LinkEnv, url: string): Target {
  if (isExternal(url)) return { kind: 'external' };
  const { path: wanted, spelled, fragment } = parseDestination(url);
  if (wanted === '') return { kind: 'self', fragment };
  const fromRoot = wanted.startsWith('/');
  const base = fromRoot ? env.repo.path : path.dirname(env.notePath);
  // GitHub resolves `/..` at the root to the root itself.
  const resolve = (written: string) => (fromRoot ? path.join(base, path.posix.normalize(written)) : path.resolve(base, written));
  const absolute = resolve(wanted);
  if (!isWithin(env.repo.path, absolute)) return { kind: 'outside', absolute };
  // Symlinks leading out of the root count as outside too (checked once per path and run).
  const inside = (candidate: string) => cached(env.cache, `lint-links:inside:${candidate}`, () => env.repo.tryResolve(candidate) !== undefined);
  if (!inside(absolute)) return { kind: 'outside', absolute };
  const rootSegments = rootSegmentsOf(env, absolute);
  const asWritten = rootSegmentsOf(env, resolve(spelled));
  const spelling = asWritten.length === rootSegments.length ? asWritten : rootSegments;
  const result = cached(env.cache, `lint-links:walk:${spelling.join('/')}`, () => walk(env, env.repo.path, rootSegments, spelling));
  if (result.found) {
    const onDisk = path.join(env.repo.path, ...result.actual);
    if (onDisk !== absolute && !inside(onDisk)) return { kind: 'outside', absolute: onDisk };
    return {
      kind: 'found',
      absolute: onDisk,
      relPath: result.actual.join('/'),
      fragment,
      caseFixed: result.caseDiffers ? result.actual : undefined,
      formFixed: result.formDiffers && !result.caseDiffers ? result.actual : undefined,
      segments: rootSegments,
    };
  }
  const suggestion = cached(env.cache, `lint-links:suggest:${absolute}`, () => suggestFor(env, env.repo.path, rootSegments, result.missingAt, result.actual));
  return { kind: 'missing', absolute, segments: rootSegments, suggestion };
}
