import GithubSlugger from 'github-slugger';

export { GithubSlugger };

/**
 * The anchors GitHub gives a sequence of headings, in order: duplicates get
 * `-1`, `-2`, … as on a rendered page.
 */
export function slugsFor(headings: readonly string[]): string[] {
  const slugger = new GithubSlugger();
  return headings.map((text) => slugger.slug(text));
}

/** Decodes a `#fragment` as GitHub compares it: percent-decoded, NFC. */
export function normalizeFragment(fragment: string): string {
  let decoded = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // A lone `%` is kept as written.
  }
  return decoded.normalize('NFC');
}
