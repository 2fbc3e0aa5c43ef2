import { normalizeIdentifier } from 'micromark-util-normalize-identifier';

/**
 * A link reference label as GitHub matches it against definitions: case
 * folded, inner white space collapsed, trimmed (CommonMark's label
 * normalisation, as micromark does it).
 */
export function normalizeLabel(label: string): string {
  return normalizeIdentifier(label);
}
