import { getLintContext } from '@llm-notes/core';
import type { VFile } from 'vfile';

/** Width the centred HTML images use: `images.htmlWidth`, or its default outside the toolchain. */
export const DEFAULT_HTML_WIDTH = 900;

export function configuredWidth(file: VFile): number {
  return getLintContext(file)?.config.images.htmlWidth ?? DEFAULT_HTML_WIDTH;
}
