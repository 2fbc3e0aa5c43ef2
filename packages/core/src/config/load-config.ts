import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { UserError } from '../errors.js';
import { type Config, configSchema } from './schema.js';

export const CONFIG_FILE = 'notes.config.json';

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index++) if (text[index] === '\n') line++;
  return line;
}

function keyPath(issuePath: readonly PropertyKey[]): string {
  return issuePath.map(String).join('.');
}

/** One readable sentence per schema issue, naming the key. */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const parent = keyPath(issue.path);
    return issue.keys.map((key) => `unknown key \`${parent ? `${parent}.` : ''}${key}\``).join('; ');
  }
  const where = keyPath(issue.path) || '(top level)';
  return `\`${where}\`: ${issue.message}`;
}

/** Parses and validates a config text; `file` is only used in messages. */
export function parseConfig(text: string, file: string, knownRuleIds?: ReadonlySet<string>): Config {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/u.exec((error as Error).message);
    const line = position?.[1] === undefined ? undefined : lineOfOffset(text, Number(position[1]));
    throw new UserError(`invalid JSON: ${(error as Error).message}`, { file, ...(line === undefined ? {} : { line }) });
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    throw new UserError(result.error.issues.map(describeIssue).join('; '), { file });
  }
  if (knownRuleIds) {
    for (const id of Object.keys(result.data.rules)) {
      if (!knownRuleIds.has(id)) throw new UserError(`unknown key \`rules.${id}\` (no such rule)`, { file });
    }
  }
  return result.data;
}

/** Loads `notes.config.json` from the root, or the defaults when there is none. */
export function loadConfig(root: string, knownRuleIds?: ReadonlySet<string>): Config {
  const file = path.join(root, CONFIG_FILE);
  if (!existsSync(file)) return configSchema.parse({});
  return parseConfig(readFileSync(file, 'utf8'), CONFIG_FILE, knownRuleIds);
}
