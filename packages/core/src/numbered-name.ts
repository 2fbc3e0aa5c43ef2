/** A file or folder name of the form `<number>.<title>`. */
export interface NumberedName {
  readonly number: number;
  /** Everything after the first `<number>.`, without a `.md` extension. */
  readonly title: string;
}

const NUMBERED = /^(\d+)\.(.+)$/su;

/**
 * Splits `3.GPT-3.5介绍.md` into `{number: 3, title: 'GPT-3.5介绍'}`.
 * Only the first dot separates: inner dots belong to the title.
 */
export function parseNumberedName(name: string): NumberedName | undefined {
  const withoutExtension = name.toLowerCase().endsWith('.md') ? name.slice(0, -3) : name;
  const match = NUMBERED.exec(withoutExtension);
  if (!match || match[2] === undefined || match[1] === undefined) return undefined;
  return { number: Number.parseInt(match[1], 10), title: match[2] };
}

/**
 * Orders numerically by prefix (`10.x` after `9.x`), then by name compared by
 * code point, so the result never depends on locale.
 */
export function compareNumbered(
  a: { number: number; name: string },
  b: { number: number; name: string },
): number {
  if (a.number !== b.number) return a.number - b.number;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
