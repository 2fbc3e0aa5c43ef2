// One harness for every rule fixture: fixtures/<rule-id>/{valid,invalid}*.md, with
// invalid*.expected.json (messages) and invalid*.fixed.md (output of `fix`) beside them.
// Each fixture also runs with CRLF line endings, which must survive the fix.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMarkdown } from '@llm-notes/core';
import type { Node, Parent } from 'unist';
import { describe, expect, it } from 'vitest';
import { rules } from '../index.js';
import { fixText, lintContextFor, lintText, remainingFixes } from '../test-support/run-rules.js';

interface ExpectedMessage {
  readonly line: number;
  readonly column: number;
  readonly ruleId: string;
  readonly message: string;
}

const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const toCrlf = (text: string): string => text.replace(/\r?\n/gu, '\r\n');

/** How many nodes of each container-ish type a document has: a fix must not change these. */
function structure(text: string): Record<string, number> {
  const counts: Record<string, number> = { code: 0, list: 0, listItem: 0, blockquote: 0 };
  const walk = (node: Node): void => {
    if (node.type in counts) counts[node.type] = (counts[node.type] ?? 0) + 1;
    for (const child of (node as Parent).children ?? []) walk(child);
  };
  walk(parseMarkdown(text));
  return counts;
}

const ruleIds = readdirSync(fixturesDir).filter((name) => !name.includes('.'));

describe.each(ruleIds)('fixtures of %s', (ruleId) => {
  const rule = rules.find((candidate) => candidate.id === ruleId);
  const dir = path.join(fixturesDir, ruleId);
  const inputs = readdirSync(dir).filter((name) => /^(?:valid|invalid)[^.]*\.md$/u.test(name));

  it('has a rule, a valid and an invalid fixture', () => {
    expect(rule).toBeDefined();
    expect(inputs.some((name) => name.startsWith('valid'))).toBe(true);
    expect(inputs.some((name) => name.startsWith('invalid'))).toBe(true);
  });

  describe.each(inputs)('%s', (name) => {
    const base = name.slice(0, -'.md'.length);
    const source = readFileSync(path.join(dir, name), 'utf8');
    const expectedPath = path.join(dir, `${base}.expected.json`);
    const fixedPath = path.join(dir, `${base}.fixed.md`);
    const expected: ExpectedMessage[] = existsSync(expectedPath) ? JSON.parse(readFileSync(expectedPath, 'utf8')) : [];
    const fixedSource = existsSync(fixedPath) ? readFileSync(fixedPath, 'utf8') : source;
    const variants = source.includes('\r') ? [['as written', source, fixedSource]] : [
      ['LF', source, fixedSource],
      ['CRLF', toCrlf(source), toCrlf(fixedSource)],
    ];

    if (name.startsWith('invalid')) {
      it('lists its expected messages', () => {
        expect(expected.length).toBeGreaterThan(0);
      });
    }

    describe.each(variants)('%s', (_label, input, output) => {
      it('reports the expected messages (line, column, rule, text)', async () => {
        const file = await lintText([rule!], input!, lintContextFor());
        const actual = file.messages.map((message) => ({ line: message.line, column: message.column, ruleId: message.ruleId, reason: message.reason }));
        expect(actual).toHaveLength(expected.length);
        expected.forEach((want, index) => {
          expect(actual[index]).toMatchObject({ line: want.line, column: want.column, ruleId: want.ruleId });
          expect(actual[index]?.reason).toContain(want.message);
        });
      });

      it('fixes to the expected output, byte for byte', async () => {
        expect(await fixText([rule!], input!, lintContextFor())).toBe(output);
      });

      it('leaves nothing to fix on a second pass', async () => {
        expect(await remainingFixes([rule!], output!, lintContextFor())).toEqual([]);
      });

      it('keeps code, lists and blockquotes as they were', () => {
        expect(structure(output!)).toEqual(structure(input!));
      });
    });
  });
});
