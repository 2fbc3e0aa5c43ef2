import type { RuleDefinition } from '@llm-notes/core';
import { contentLayout } from './rules/content-layout.js';
import { tocOutdated } from './rules/toc-outdated.js';

export { type FileUpdate, type ReadmeResult, generateReadme } from './generate-readme.js';
export { writeReadmeResult } from './write-result.js';
export { outdatedTocs } from './note-toc.js';

/** The rule reporting files that do not fit the numbered layout (needs a lint run's content model). */
export const layoutRules: RuleDefinition[] = [contentLayout as RuleDefinition];

/** This package's rules checked by its fixture harness. */
export const rules: RuleDefinition[] = [tocOutdated as RuleDefinition];
