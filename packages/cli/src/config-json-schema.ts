import { type RuleDefinition, configSchema } from '@llm-notes/core';
import { z } from 'zod';

export const CONFIG_SCHEMA_FILE = 'notes.config.schema.json';

/**
 * The JSON schema of `notes.config.json` for editors: the config schema
 * itself, with `rules` narrowed to the ids of the rules table.
 */
export function configJsonSchema(rules: readonly RuleDefinition[]): string {
  const schema = z.toJSONSchema(configSchema, { io: 'input' }) as {
    properties: Record<string, Record<string, unknown>>;
  };
  const setting = {
    anyOf: [
      { enum: ['off', 'warn', 'error'] },
      { type: 'array', prefixItems: [{ enum: ['off', 'warn', 'error'] }, {}], minItems: 2, maxItems: 2 },
    ],
  };
  schema.properties.rules = {
    type: 'object',
    description: 'Severity per rule: off, warn or error, or [severity, options].',
    properties: Object.fromEntries(rules.map((rule) => [rule.id, { ...setting, description: rule.description }])),
    additionalProperties: false,
    default: {},
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
