import { configSchema } from '@llm-notes/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { configKeys } from './config-keys.js';
import { renderConfigReference } from './config-reference.js';

/** Every key path of the schema's input shape, read from zod's own JSON schema (sections one level deep). */
function schemaKeyPaths(): string[] {
  const schema = z.toJSONSchema(configSchema, { io: 'input' }) as { properties: Record<string, { properties?: Record<string, unknown> }> };
  return Object.entries(schema.properties).flatMap(([name, node]) => [name, ...Object.keys(node.properties ?? {}).map((child) => `${name}.${child}`)]);
}

describe('config keys and the generated reference', () => {
  const keys = configKeys();

  it('covers every key of the schema, each with a description', () => {
    expect(keys.map((entry) => entry.key).sort()).toEqual(schemaKeyPaths().sort());
    for (const entry of keys) expect(entry.description, entry.key).not.toBe('');
  });

  it('gives every key inside a section a default (an empty object is a complete config)', () => {
    for (const entry of keys) {
      if (entry.key.includes('.')) expect(entry.defaultJson, entry.key).toBeDefined();
    }
    expect(keys.find((entry) => entry.key === 'images.manifest')?.defaultJson).toBe('"images.manifest.json"');
    expect(keys.find((entry) => entry.key === 'links.retries')?.defaultJson).toBe('2');
  });

  it('lists every key in docs/config.md with its default', () => {
    const reference = renderConfigReference();
    for (const entry of keys) {
      if (entry.key.includes('.') || entry.section === '') {
        expect(reference, entry.key).toContain(`| \`${entry.key}\` | ${entry.defaultJson === undefined ? 'none' : `\`${entry.defaultJson}\``} |`);
      }
    }
    // Keys the hand-written table used to miss.
    for (const key of ['images.manifest', 'links.cacheFile', 'readme.header', 'readme.footer', 'links.retries', 'links.concurrencyPerHost', 'images.jpegQuality', 'images.webpQuality', 'images.pngQuality']) {
      expect(reference).toContain(`| \`${key}\` |`);
    }
  });
});
