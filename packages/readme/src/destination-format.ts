/** Characters percent-encoded in a path we write: they would end, split or change a destination. */
const UNSAFE = /[%\s\u0000-\u001f\u007f<>\\#?&"'`]/gu;

function percentEncode(character: string): string {
  return [...Buffer.from(character, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/** A file path (decoded, `/`-separated) as a URL path; CJK and other letters stay readable. */
export function encodePath(filePath: string): string {
  return filePath.replace(UNSAFE, percentEncode);
}

/**
 * A URL as a Markdown link destination: wrapped in `<…>` when it holds
 * parentheses, so that unbalanced ones cannot end the link early.
 */
export function markdownDestination(url: string): string {
  return /[()]/u.test(url) ? `<${url}>` : url;
}

/** True for a URL that never depends on where the document is: `scheme:`, `//host`, `/root`. */
export function isLocationIndependent(url: string): boolean {
  return /^[a-z][a-z\d+.-]*:/iu.test(url) || url.startsWith('/');
}

/** Decodes `%xx` escapes of a path; a malformed escape is kept as written. */
export function decodePath(urlPath: string): string {
  try {
    return decodeURIComponent(urlPath);
  } catch {
    return urlPath;
  }
}
