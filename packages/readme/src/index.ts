import type { RuleDefinition } from '@llm-notes/core';

/** This package's rules (none yet). */
export const rules: RuleDefinition[] = [];
