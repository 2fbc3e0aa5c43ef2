import { safeDecode } from './destination.js';

/** The path part of a raw destination (before `?` or `#`), and what follows it. */
export function splitRawDestination(raw: string): { path: string; rest: string } {
  const cut = raw.search(/[?#]/u);
  return cut === -1 ? { path: raw, rest: '' } : { path: raw.slice(0, cut), rest: raw.slice(cut) };
}

/** Writes a file name in the style of the segment it replaces (percent-encoded or not). */
function encodeLike(previous: string, name: string, angle: boolean): string {
  if (/%[\da-f]{2}/iu.test(previous)) return encodeURIComponent(name).replace(/%28/gu, '(').replace(/%29/gu, ')');
  return angle ? name : name.replace(/ /gu, '%20');
}

/**
 * The raw path with the segments that changed (root-relative `before` →
 * `after`, same length) replaced in place, keeping `./`, `../` and the
 * author's encoding. Undefined when the raw path cannot be matched segment by
 * segment (a `..` after a name, for instance).
 */
export function rewritePath(rawPath: string, before: readonly string[], after: readonly string[], angle: boolean): string | undefined {
  const raw = rawPath.split('/');
  const named: number[] = [];
  let seenName = false;
  for (const [index, segment] of raw.entries()) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (seenName) return undefined;
      continue;
    }
    seenName = true;
    named.push(index);
  }
  if (named.length > before.length || before.length !== after.length) return undefined;
  const offset = before.length - named.length;
  for (const [position, rawIndex] of named.entries()) {
    const old = before[offset + position] ?? '';
    const next = after[offset + position] ?? '';
    const written = raw[rawIndex] ?? '';
    if (safeDecode(written).normalize('NFC') !== old) return undefined;
    // Compared as written, not normalized: a name in the other Unicode form is rewritten too.
    if (safeDecode(written) !== next) raw[rawIndex] = encodeLike(written, next, angle);
  }
  return raw.join('/');
}
