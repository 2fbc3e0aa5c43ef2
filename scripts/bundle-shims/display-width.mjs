// The terminal width of a string exactly as `string-width` (the version
// vfile-reporter depends on) measures it, remembered per grapheme: that
// library builds a segmenter per call and a new emoji regular expression per
// character, and the stylish report measures every cell of every finding.
// Measured: 125 ms of CPU for 400 findings (Chinese paths and messages), the
// largest step of a `lint` run that replays the cache. The width of a string
// is the sum of the widths of its graphemes (the library's own loop), so each
// grapheme is measured once by the library itself and remembered.

/** Printable ASCII: one column per character (a test checks each against the library). */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/u;
/** Escape sequences are the library's to strip (ESC, CSI). */
const ESCAPE = /[\u001b\u009b]/u;

/** `stringWidth` with remembered graphemes; same results for every string and option. */
export function rememberingWidth(stringWidth) {
  const segmenter = new Intl.Segmenter();
  const widths = new Map();
  return (string, options) => {
    if (options !== undefined || typeof string !== 'string' || ESCAPE.test(string)) return stringWidth(string, options);
    if (PRINTABLE_ASCII.test(string)) return string.length;
    let width = 0;
    for (const { segment } of segmenter.segment(string)) {
      let known = widths.get(segment);
      if (known === undefined) {
        known = stringWidth(segment);
        widths.set(segment, known);
      }
      width += known;
    }
    return width;
  };
}
