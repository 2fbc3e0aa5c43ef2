import { realpathSync } from 'node:fs';
import path from 'node:path';
import { stripComments } from 'jsonc-parser';
import type { z } from 'zod';
import { UserError } from '../errors.js';
import { lineOfOffset } from '../github-markdown/source-location.js';
import { readRegularFileIfExists } from '../regular-file.js';
import { resolveInsideRoot } from '../safe-path.js';
import { decodeText } from '../text-file.js';
import { type Config, configSchema } from './schema.js';

export const CONFIG_FILE = 'notes.config.json';
/** The same config as JSON with comments: what `init` writes, so every key can say what it does. */
export const COMMENTED_CONFIG_FILE = 'notes.config.jsonc';
/** Config file names, in the order they are looked for; at most one may exist. */
export const CONFIG_FILES = [COMMENTED_CONFIG_FILE, CONFIG_FILE] as const;

/** A config is a few kilobytes; a larger one is refused before it is read. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** Deeper nesting than any real config has; refused before parsing (no stack overflow). */
const MAX_CONFIG_DEPTH = 32;

/** Keys that would change an object's prototype instead of setting a value. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The deepest `{`/`[` nesting outside strings, with the offset where the limit is first passed. */
function excessiveNesting(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 92) index++;
      else if (char === 34) inString = false;
    } else if (char === 34) inString = true;
    else if (char === 123 || char === 91) {
      if (++depth > MAX_CONFIG_DEPTH) return index;
    } else if (char === 125 || char === 93) depth--;
  }
  return undefined;
}

/** The first key path holding a forbidden key (`rules.__proto__`), if any. */
function forbiddenKey(value: unknown, where: string[] = []): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return [...where, key].join('.');
    const found = forbiddenKey((value as Record<string, unknown>)[key], [...where, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

function keyPath(issuePath: readonly PropertyKey[]): string {
  return issuePath.map(String).join('.');
}

function valueAt(raw: unknown, issuePath: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of issuePath) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** The values an enum (or a union holding one) accepts, and whether the union also takes an array. */
function allowedValues(issue: z.core.$ZodIssue): { values: unknown[]; array: boolean } | undefined {
  if (issue.code === 'invalid_value') return { values: [...issue.values], array: false };
  if (issue.code !== 'invalid_union') return undefined;
  const branches = issue.errors.flat();
  const values = [...new Set(branches.flatMap((branch) => (branch.code === 'invalid_value' ? [...branch.values] : [])))];
  if (values.length === 0) return undefined;
  const array = branches.some((branch) => branch.code === 'invalid_type' && branch.expected === 'tuple');
  return { values, array };
}

/** One readable sentence per schema issue, naming the key (and, for a choice, what it may be). */
function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  if (issue.code === 'unrecognized_keys') {
    const parent = keyPath(issue.path);
    return issue.keys.map((key) => `unknown key \`${parent ? `${parent}.` : ''}${key}\``).join('; ');
  }
  const where = keyPath(issue.path) || '(top level)';
  const allowed = allowedValues(issue);
  if (allowed) {
    const choices = allowed.values.map((value) => JSON.stringify(value)).join(', ');
    const value = valueAt(raw, issue.path);
    // `[severity, options]` with a bad severity: name the first element.
    if (Array.isArray(value)) return `\`${where}[0]\`: ${JSON.stringify(value[0])} is not allowed; expected one of ${choices}`;
    return `\`${where}\`: ${JSON.stringify(value)} is not allowed; expected one of ${choices}${allowed.array ? ', or [severity, options]' : ''}`;
  }
  return `\`${where}\`: ${issue.message}`;
}

/** Parses and validates a config text; `file` is only used in messages. */
export function parseConfig(text: string, file: string, knownRuleIds?: ReadonlySet<string>): Config {
  // Both names are read as JSON with comments (like tsconfig.json): comments become spaces
  // (offsets and lines kept), then JSON.parse reads the rest; trailing commas stay errors.
  // JSON.parse, not jsonc-parser's parse: it keeps a `__proto__` key as data (refused
  // below) and never recurses deeper than the nesting check allows.
  const json = stripComments(text, ' ');
  const tooDeep = excessiveNesting(json);
  if (tooDeep !== undefined) throw new UserError(`nested more than ${MAX_CONFIG_DEPTH} levels deep`, { file, line: lineOfOffset(text, tooDeep) });
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    const position = /position (\d+)/u.exec((error as Error).message);
    const line = position?.[1] === undefined ? undefined : lineOfOffset(text, Number(position[1]));
    // The parser's message quotes the file's bytes; only its first clause is kept.
    const reason = (error as Error).message.replace(/,? ".*$/su, '').replace(/ in JSON at position \d+.*$/su, '');
    throw new UserError(`invalid JSON: ${reason}`, { file, ...(line === undefined ? {} : { line }) });
  }
  const forbidden = forbiddenKey(raw);
  if (forbidden !== undefined) throw new UserError(`key \`${forbidden}\` is not allowed`, { file });
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    throw new UserError(result.error.issues.map((issue) => describeIssue(issue, raw)).join('; '), { file });
  }
  if (knownRuleIds) {
    for (const id of Object.keys(result.data.rules)) {
      if (!knownRuleIds.has(id)) throw new UserError(`unknown key \`rules.${id}\` (no such rule)`, { file });
    }
  }
  return result.data;
}

/**
 * The config file at the root (`notes.config.jsonc` or `notes.config.json`)
 * and its bytes, or undefined when there is none. Each is read through
 * symlinks only while they stay inside the root, as a regular file of bounded
 * size. Two at once is an error: which one counts would be a guess.
 */
function readConfigFile(root: string): { name: string; bytes: Buffer } | undefined {
  const realRoot = realpathSync(root);
  const present: { name: string; bytes: Buffer }[] = [];
  for (const name of CONFIG_FILES) {
    const file = resolveInsideRoot(realRoot, path.join(realRoot, name), name, path.resolve(root));
    const bytes = readRegularFileIfExists(file, name, { maxBytes: MAX_CONFIG_BYTES });
    if (bytes !== undefined) present.push({ name, bytes });
  }
  if (present.length > 1) throw new UserError(`both ${present.map((entry) => entry.name).join(' and ')} exist; keep one`, { file: present[0]!.name });
  return present[0];
}

/** The name of the config file at the root, or undefined when there is none. */
export function findConfigFile(root: string): string | undefined {
  return readConfigFile(root)?.name;
}

/** Loads the config file from the root, or the defaults when there is none. */
export function loadConfig(root: string, knownRuleIds?: ReadonlySet<string>): Config {
  const found = readConfigFile(root);
  if (found === undefined) return configSchema.parse({});
  return parseConfig(decodeText(found.bytes, found.name).text, found.name, knownRuleIds);
}
