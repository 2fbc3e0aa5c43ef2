/**
 * Search tokenizer for Chinese (and Japanese, Korean) mixed with Latin text.
 * Runs of CJK characters have no spaces between words, so they are indexed as
 * overlapping character pairs: a query of any length then matches wherever its
 * own pairs all appear (a one-character query matches as a prefix). Other text
 * splits into words. The same function tokenizes the index at build time and
 * queries in the browser, so it must stand alone: VitePress sends its source
 * text to the page.
 */
export function tokenizeCjk(text: string): string[] {
  const tokens: string[] = [];
  const runs = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[\p{L}\p{N}_]+/gu) ?? [];
  for (const run of runs) {
    if (!/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(run)) {
      tokens.push(run);
      continue;
    }
    const characters = Array.from(run);
    if (characters.length === 1) tokens.push(run);
    for (let index = 0; index + 1 < characters.length; index++) tokens.push(`${characters[index]}${characters[index + 1]}`);
  }
  return tokens;
}
