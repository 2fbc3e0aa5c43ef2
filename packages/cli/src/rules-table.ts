import type { RuleDefinition } from '@llm-notes/core';
import { rules as imageMarkupRules } from '@llm-notes/image-markup';
import { rules as linkRules } from '@llm-notes/lint-links';
import { rules as mathRules } from '@llm-notes/lint-math';
import { layoutRules, rules as readmeRules } from '@llm-notes/readme';
import { linkExternal } from './link-external-rule.js';

/**
 * The one rules table: it feeds `lint --list-rules`, the config check of
 * `rules.<id>` keys and the generated docs under `docs/rules/`.
 */
export const allRules: readonly RuleDefinition[] = [...linkRules, linkExternal as RuleDefinition, ...mathRules, ...imageMarkupRules, ...readmeRules, ...layoutRules];

export const ruleIds: ReadonlySet<string> = new Set(allRules.map((rule) => rule.id));
