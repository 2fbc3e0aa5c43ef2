/** Escapes text so it renders literally as a link's text or a heading's content. */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>&~$]/gu, (character) => `\\${character}`);
}
