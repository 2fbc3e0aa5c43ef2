import { configSchema } from '@llm-notes/core';
import { z } from 'zod';

/** One documented config key, read from the zod config schema (its `.describe()` texts and defaults). */
export interface ConfigKey {
  /** Dotted path, e.g. `images.manifest`. */
  readonly key: string;
  /** The section it belongs to: `''` for a top-level key, else `readme`, `images`… */
  readonly section: string;
  readonly description: string;
  /** The default as JSON text; undefined when the key has none (optional). */
  readonly defaultJson: string | undefined;
  /** Allowed values of an enum key. */
  readonly values: readonly string[] | undefined;
}

interface JsonSchemaNode {
  readonly description?: string;
  readonly default?: unknown;
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly properties?: Record<string, JsonSchemaNode>;
  readonly anyOf?: readonly JsonSchemaNode[];
}

function enumValues(node: JsonSchemaNode): string[] | undefined {
  if (node.enum) return node.enum.map(String);
  const inner = node.anyOf?.find((option) => option.enum);
  return inner?.enum?.map(String);
}

function keyOf(key: string, section: string, node: JsonSchemaNode): ConfigKey {
  return {
    key,
    section,
    description: node.description ?? '',
    defaultJson: node.default === undefined ? undefined : JSON.stringify(node.default),
    values: enumValues(node),
  };
}

/**
 * Every key of the config, in schema order: top-level keys, then each
 * section's keys (`readme.title`…). A section is a top-level object whose
 * keys all have defaults; objects inside a section (`readme.badge`) are one
 * key with a JSON default.
 */
export function configKeys(): ConfigKey[] {
  const schema = z.toJSONSchema(configSchema, { io: 'input' }) as JsonSchemaNode;
  const keys: ConfigKey[] = [];
  for (const [name, node] of Object.entries(schema.properties ?? {})) {
    if (node.type === 'object' && node.properties) {
      keys.push({ ...keyOf(name, name, node), defaultJson: undefined });
      for (const [child, childNode] of Object.entries(node.properties)) keys.push(keyOf(`${name}.${child}`, name, childNode));
    } else {
      keys.push(keyOf(name, '', node));
    }
  }
  return keys;
}

/** The description of one key (`images.style`), or undefined when there is no such key. */
export function describeConfigKey(key: string): string | undefined {
  return configKeys().find((entry) => entry.key === key)?.description;
}
