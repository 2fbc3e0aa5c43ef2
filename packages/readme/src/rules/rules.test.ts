// The README rules through core's rule harness: fixtures/<rule-id>/, each note with LF and CRLF.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeRules } from '@llm-notes/core/testing';
import { describe } from 'vitest';
import { layoutRules, rules } from '../index.js';

describe('README rules', () => {
  describeRules({
    rules: [...rules, ...layoutRules],
    fixtures: path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures'),
    // The layout example is about the note's own name, so fail and pass sit at different paths.
    examplePaths: { 'content-layout': { fail: 'content/1.基础/notes.md', pass: 'content/1.基础/1.notes.md' } },
  });
});
