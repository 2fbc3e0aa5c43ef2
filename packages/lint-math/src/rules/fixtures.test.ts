// The math rules through core's rule harness: fixtures/<rule-id>/, each note with LF and CRLF.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeRules } from '@llm-notes/core/testing';
import { describe } from 'vitest';
import { rules } from '../index.js';

describe('math rules', () => {
  describeRules({ rules, fixtures: path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures') });
});
