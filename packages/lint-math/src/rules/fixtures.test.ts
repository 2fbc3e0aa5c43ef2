import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rules } from '../index.js';
import { fixText, lintText, testContext } from '../testing/lint-text.js';

interface Expected {
  readonly line: number;
  readonly column: number;
  readonly ruleId: string;
  readonly message: string;
}

const fixturesRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const root = mkdtempSync(path.join(os.tmpdir(), 'lint-math-fixtures-'));

function read(file: string): string {
  return readFileSync(file, 'utf8');
}

describe('every math rule has fixtures', () => {
  it.each(rules.map((rule) => rule.id))('%s', (id) => {
    const names = readdirSync(path.join(fixturesRoot, id));
    expect(names.some((name) => name.startsWith('valid'))).toBe(true);
    expect(names.some((name) => name.startsWith('invalid') && name.endsWith('.expected.json'))).toBe(true);
    if (rules.find((rule) => rule.id === id)?.fixable) expect(names.some((name) => name.endsWith('.fixed.md'))).toBe(true);
  });
});

describe('the docs examples of every math rule', () => {
  it.each(rules.map((rule) => [rule.id, rule] as const))('%s: `fail` is reported, `pass` is not', async (_id, rule) => {
    const fail = await lintText(rule.docs.fail, [rule], testContext(root));
    const pass = await lintText(rule.docs.pass, [rule], testContext(root));
    expect(fail.messages.length).toBeGreaterThan(0);
    expect(pass.messages.map((message) => message.reason)).toEqual([]);
  });
});

for (const rule of rules) {
  const folder = path.join(fixturesRoot, rule.id);
  const names = readdirSync(folder).sort();
  describe(rule.id, () => {
    for (const name of names.filter((entry) => entry.startsWith('valid') && entry.endsWith('.md'))) {
      it(`${name} has no finding`, async () => {
        const file = await lintText(read(path.join(folder, name)), [rule], testContext(root));
        expect(file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`)).toEqual([]);
      });
    }
    for (const name of names.filter((entry) => entry.startsWith('invalid') && entry.endsWith('.md') && !entry.endsWith('.fixed.md'))) {
      const base = name.slice(0, -'.md'.length);
      const expected = JSON.parse(read(path.join(folder, `${base}.expected.json`))) as Expected[];
      it(`${name} reports what ${base}.expected.json lists`, async () => {
        const file = await lintText(read(path.join(folder, name)), [rule], testContext(root));
        const actual = file.messages.map((message) => ({ line: message.line, column: message.column, ruleId: message.ruleId, reason: message.reason }));
        expect(actual).toHaveLength(expected.length);
        expected.forEach((want, index) => {
          expect(actual[index]).toMatchObject({ line: want.line, column: want.column, ruleId: want.ruleId });
          expect(actual[index]?.reason).toContain(want.message);
        });
        for (const message of file.messages) expect(message.fatal).toBe(rule.defaultSeverity === 'error');
      });
      const fixed = path.join(folder, `${base}.fixed.md`);
      if (!existsSync(fixed)) continue;
      it(`${name} is fixed into ${base}.fixed.md, and a second pass finds nothing`, async () => {
        const once = await fixText(read(path.join(folder, name)), [rule], testContext(root));
        expect(once).toBe(read(fixed));
        expect(await fixText(once, [rule], testContext(root))).toBe(once);
        const again = await lintText(once, [rule], testContext(root));
        expect(again.messages.map((message) => message.reason)).toEqual([]);
      });
    }
  });
}
