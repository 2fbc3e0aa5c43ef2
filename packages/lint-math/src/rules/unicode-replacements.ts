/** Symbols with a TeX command that renders the same (and survives any font). */
const SYMBOLS: Readonly<Record<string, string>> = {
  '⋅': '\\cdot',
  '·': '\\cdot',
  '×': '\\times',
  '÷': '\\div',
  '−': '-',
  '≤': '\\le',
  '≥': '\\ge',
  '≠': '\\ne',
  '≈': '\\approx',
  '±': '\\pm',
  '→': '\\to',
  '←': '\\leftarrow',
  '⇒': '\\Rightarrow',
  '∈': '\\in',
  '∞': '\\infty',
  '∑': '\\sum',
  '∏': '\\prod',
  '∂': '\\partial',
  '∇': '\\nabla',
  '　': ' ',
  '。': '.',
  '、': ',',
  '【': '[',
  '】': ']',
};

/** Full-width forms whose ASCII twin means something else in TeX: reported, never replaced. */
const TEX_SPECIAL = new Set(['｛', '｝', '＼', '＄', '＃', '％', '＆', '＾', '＿', '～']);

/**
 * The TeX for one non-ASCII character of a formula, or undefined when there
 * is no safe replacement. Full-width ASCII (`，`, `（`, `Ａ`) becomes ASCII.
 */
export function texReplacement(char: string): string | undefined {
  const symbol = SYMBOLS[char];
  if (symbol !== undefined) return symbol;
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0xff01 && code <= 0xff5e && !TEX_SPECIAL.has(char)) return String.fromCodePoint(code - 0xfee0);
  return undefined;
}

/** True for characters the table knows, or that are full-width forms. */
export function isFlaggedSymbol(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return SYMBOLS[char] !== undefined || (code >= 0xff01 && code <= 0xff5e);
}

/** CJK text (Han, kana, Hangul): renders in a math font, without spacing, unless in `\text{}`. */
export const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}][\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc]*/gu;
