import { escapeAttribute } from './html-entities.js';
import type { ImageFields } from './markdown-image.js';

/** The centred HTML block of an image: one line, attributes escaped, no stray white space. */
export function centeredHtmlImage(fields: ImageFields, width: number): string {
  const title = fields.title === undefined ? '' : ` title="${escapeAttribute(fields.title)}"`;
  return `<p align="center"><img width="${width}" alt="${escapeAttribute(fields.alt)}" src="${escapeAttribute(fields.src)}"${title}></p>`;
}
