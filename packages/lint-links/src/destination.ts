import { splitUrl } from '@llm-notes/core';

/** A link destination split the way GitHub reads it. */
export interface ParsedDestination {
  /** Path part, percent-decoded and NFC-normalized ('' for a same-note `#fragment`). */
  readonly path: string;
  /** Path part, percent-decoded, in the Unicode form the link writes (GitHub matches these bytes). */
  readonly spelled: string;
  /** Fragment without `#`, as written (undefined when there is none). */
  readonly fragment: string | undefined;
}

const SCHEME = /^[a-z][a-z\d+.-]*:/iu;

/** True for destinations that leave the repository: `https:`, `mailto:`, `//host`… */
export function isExternal(url: string): boolean {
  return SCHEME.test(url) || url.startsWith('//');
}

/** Percent-decodes what decodes; a stray `%` is kept as written. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/(?:%[\da-f]{2})+/giu, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/** Splits a local destination into path and fragment; the query is dropped. */
export function parseDestination(url: string): ParsedDestination {
  const { path: rawPath, fragment } = splitUrl(url);
  const spelled = safeDecode(rawPath);
  return { path: spelled.normalize('NFC'), spelled, fragment };
}
