import type { RuleDefinition } from '@llm-notes/core';
import { imageHtmlCentered } from './rules/image-html-centered.js';
import { imageMarkdown } from './rules/image-markdown.js';
import { imageOwnLine } from './rules/image-own-line.js';

/** The three image styles; `images.style` in the config turns one of them on. */
export const rules: RuleDefinition[] = [imageOwnLine, imageHtmlCentered, imageMarkdown] as RuleDefinition[];

export { imageHtmlCentered, imageMarkdown, imageOwnLine };
