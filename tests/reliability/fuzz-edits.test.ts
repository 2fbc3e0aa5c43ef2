import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, normalizeEdits, selectFixes } from '@llm-notes/core';
import { fuzzParameters } from '../support/markdown-arbitrary.js';

const text = fc.string({ unit: fc.constantFrom('a', '注', '\n', '\r\n', ' ', '$', '!'), maxLength: 60 });

describe('the edit engine under random edits', () => {
  it('leaves every byte outside the edited ranges as it was', () => {
    fc.assert(
      fc.property(
        text.chain((source) =>
          fc.tuple(
            fc.constant(source),
            fc.array(
              fc.tuple(fc.nat(source.length), fc.nat(source.length), fc.string({ maxLength: 5 })).map(([a, b, insert]) => ({
                start: Math.min(a, b),
                end: Math.max(a, b),
                text: insert,
              })),
              { maxLength: 6 },
            ),
          ),
        ),
        ([source, edits]) => {
          // Each edit a finding of its own, chosen as the fix loop chooses them.
          const chosen = normalizeEdits(selectFixes(edits.map((edit) => ({ fix: [edit] }))).edits, source.length);
          const output = applyEdits(source, chosen);
          // Walk the output: untouched segments must match the source exactly, in order.
          let outputIndex = 0;
          let sourceIndex = 0;
          for (const edit of chosen) {
            const untouched = source.slice(sourceIndex, edit.start);
            expect(output.slice(outputIndex, outputIndex + untouched.length)).toBe(untouched);
            outputIndex += untouched.length;
            expect(output.slice(outputIndex, outputIndex + edit.text.length)).toBe(edit.text);
            outputIndex += edit.text.length;
            sourceIndex = edit.end;
          }
          expect(output.slice(outputIndex)).toBe(source.slice(sourceIndex));
        },
      ),
      fuzzParameters(2000),
    );
  });
});
