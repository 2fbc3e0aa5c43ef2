import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RuleDefinition, applyEdits, createParser } from '@llm-notes/core';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { rules } from '../index.js';

// One harness for every rule of the package: each fixture folder holds
// valid*.md (no finding), invalid*.md with invalid*.expected.json, and for
// fixable rules invalid*.fixed.md (the result of applying every fix).
const fixturesRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

interface Expected {
  line: number;
  column: number;
  ruleId: string;
  message: string;
}

async function lint(rule: RuleDefinition, text: string, name: string) {
  const processor = createParser().use(rule.plugin, ['error']);
  const file = new VFile({ path: name, value: text });
  await processor.run(processor.parse(file), file);
  return file.messages;
}

async function fixAll(rule: RuleDefinition, text: string, name: string): Promise<string> {
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const edits = (await lint(rule, current, name)).flatMap((message) => message.fix ?? []);
    if (edits.length === 0) return current;
    current = applyEdits(current, edits);
  }
  throw new Error(`fixes of ${rule.id} did not settle on ${name}`);
}

describe.each(rules.map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
  const folder = path.join(fixturesRoot, id);
  const files = readdirSync(folder).sort();
  const read = (name: string) => readFileSync(path.join(folder, name), 'utf8');
  const valid = files.filter((name) => /^valid.*\.md$/u.test(name));
  const invalid = files.filter((name) => /^invalid.*\.md$/u.test(name) && !name.endsWith('.fixed.md'));

  it('has fixtures of both kinds', () => {
    expect(valid.length).toBeGreaterThan(0);
    expect(invalid.length).toBeGreaterThan(0);
  });

  it.each(valid)('reports nothing on %s', async (name) => {
    expect((await lint(rule, read(name), name)).map((message) => message.reason)).toEqual([]);
  });

  it.each(invalid)('reports the expected messages on %s', async (name) => {
    const expected = JSON.parse(read(name.replace(/\.md$/u, '.expected.json'))) as Expected[];
    const messages = await lint(rule, read(name), name);
    expect(messages).toHaveLength(expected.length);
    expected.forEach((want, index) => {
      const got = messages[index];
      expect(got?.line).toBe(want.line);
      expect(got?.column).toBe(want.column);
      expect(got?.ruleId).toBe(want.ruleId);
      expect(got?.source).toBe('llm-notes');
      expect(got?.reason).toContain(want.message);
    });
  });

  it.runIf(rule.fixable).each(invalid)('fixes %s as expected, and a second fix changes nothing', async (name) => {
    const fixed = await fixAll(rule, read(name), name);
    expect(fixed).toBe(read(name.replace(/\.md$/u, '.fixed.md')));
    expect(await fixAll(rule, fixed, name)).toBe(fixed);
    expect(await lint(rule, fixed, name)).toEqual([]);
  });

  it('keeps CRLF line endings when fixing through the edit engine', async () => {
    const name = invalid[0] ?? '';
    const crlf = read(name).replace(/\n/gu, '\r\n');
    const edits = (await lint(rule, crlf, name)).flatMap((message) => message.fix ?? []);
    const fixed = applyEdits(crlf, edits, '\r\n');
    expect(fixed.replace(/\r\n/gu, '\n')).toBe(read(name.replace(/\.md$/u, '.fixed.md')));
    expect(await lint(rule, fixed, name)).toEqual([]);
  });

  it('docs examples: the failing one is reported, the passing one is not', async () => {
    expect((await lint(rule, rule.docs.fail, 'fail.md')).length).toBeGreaterThan(0);
    expect(await lint(rule, rule.docs.pass, 'pass.md')).toEqual([]);
  });
});
