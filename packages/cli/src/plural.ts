/** `1 file`, `2 files`, `0 files`: a count with its noun, singular only for one. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
