import type { RuleDefinition } from '@llm-notes/core';
import { tocOutdated } from './rules/toc-outdated.js';

export { type FileUpdate, type ReadmeResult, generateReadme } from './generate-readme.js';
export { writeReadmeResult } from './write-result.js';
export { outdatedTocs } from './note-toc.js';
export { type NoteHeading, collectHeadings, ownAnchors } from './note-headings.js';

/** This package's rules. */
export const rules: RuleDefinition[] = [tocOutdated as RuleDefinition];
