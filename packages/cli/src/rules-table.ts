import type { RuleDefinition } from '@llm-notes/core';
import { rules as imageMarkupRules } from '@llm-notes/image-markup';
import { linkExternal, rules as linkRules } from '@llm-notes/lint-links';
import { rules as mathRules } from '@llm-notes/lint-math';
import { layoutRules, rules as readmeRules } from '@llm-notes/readme';

/**
 * The one rules table: it feeds `lint --list-rules`, the config check of
 * `rules.<id>` keys and the generated docs under `docs/rules/`.
 */
export const allRules: readonly RuleDefinition[] = [...linkRules, linkExternal as RuleDefinition, ...mathRules, ...imageMarkupRules, ...readmeRules, ...layoutRules];

export const ruleIds: ReadonlySet<string> = new Set(allRules.map((rule) => rule.id));

/**
 * What the lint engine needs from this CLI besides the rules: its worker
 * script (beside this file, in the build and in the bundle alike) and every
 * rule id, so a comment naming a rule that is off is no unknown rule.
 */
export const engineHost = { workerUrl: new URL('./lint-worker.js', import.meta.url), knownRuleIds: [...ruleIds] } as const;
