import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../config/schema.js';
import { createLinter, selectRules } from './linter.js';
import type { LintContext } from '../lint-context.js';
import { report } from '../report.js';
import { defineRule } from '../rule.js';
import { RepoRoot } from '../safe-path.js';

const noTodo = defineRule(
  { id: 'no-todo', description: 'd', fixable: true, defaultSeverity: 'warn', docs: { fail: 'TODO', messages: ['1:1: Unexpected `TODO`'], pass: 'done' } },
  (_tree, file) => {
    const text = String(file.value);
    for (let index = text.indexOf('TODO'); index !== -1; index = text.indexOf('TODO', index + 1)) {
      const line = text.slice(0, index).split('\n').length;
      report(file, 'Unexpected `TODO`', { start: { line, column: 1, offset: index }, end: { line, column: 5, offset: index + 4 } }, {
        fix: [{ start: index, end: index + 4, text: 'DONE' }],
      });
    }
  },
);
const crashes = defineRule(
  { id: 'crashes', description: 'd', fixable: false, defaultSeverity: 'off', docs: { fail: '', messages: [], pass: '' } },
  () => {
    throw new Error('boom');
  },
);

/** Recurses without end: what a recursive tree walk does on a tree too deep for the stack. */
const walksTooDeep = defineRule(
  { id: 'walks-too-deep', description: 'd', fixable: false, defaultSeverity: 'off', docs: { fail: '', messages: [], pass: '' } },
  () => {
    const descend = (depth: number): number => descend(depth + 1) + 1;
    descend(0);
  },
);

function context(): LintContext {
  return { repo: new RepoRoot(process.cwd()), config: configSchema.parse({}), content: undefined, cache: new Map() };
}

async function lint(text: string, severity: 'warn' | 'error' = 'warn'): Promise<VFile> {
  const config = configSchema.parse({ rules: { 'no-todo': severity } });
  const linter = createLinter(selectRules([noTodo, crashes], config), ['no-todo', 'crashes']);
  return linter(new VFile({ path: 'a.md', value: text }), context());
}

describe('createLinter', () => {
  it('stamps ruleId, source, url and severity on messages and keeps the fix', async () => {
    const file = await lint('a TODO\n', 'error');
    const [message] = file.messages;
    expect(message?.ruleId).toBe('no-todo');
    expect(message?.source).toBe('llm-notes');
    expect(message?.url).toBe('https://github.com/kebijuelun/Awesome-LLM-Learning/blob/main/docs/rules/no-todo.md');
    expect(new URL(message?.url ?? '').protocol).toBe('https:');
    expect(message?.fatal).toBe(true);
    expect(message?.fix).toEqual([{ start: 2, end: 6, text: 'DONE' }]);
    expect((await lint('TODO\n', 'warn')).messages[0]?.fatal).toBe(false);
  });

  it('honours lint disable, enable and ignore comments', async () => {
    const text = ['TODO one', '', '<!-- lint disable no-todo -->', '', 'TODO two', '', '<!-- lint enable no-todo -->', '', 'TODO three', '', '<!-- lint ignore no-todo -->', '', 'TODO four', '', 'TODO five', ''].join('\n');
    const file = await lint(text);
    expect(file.messages.map((message) => message.line)).toEqual([1, 9, 15]);
  });

  it('turns a failing rule into a fatal message instead of a crash', async () => {
    const config = configSchema.parse({ rules: { crashes: 'error' } });
    const linter = createLinter(selectRules([noTodo, crashes], config), ['no-todo', 'crashes']);
    const file = await linter(new VFile({ path: 'a.md', value: 'x' }), context());
    expect(file.messages.some((message) => message.fatal === true && /boom/u.test(message.reason))).toBe(true);
  });
});

describe('createLinter on a tree too deep for a rule', () => {
  it('gives the one "nested too deeply" finding, not the overflow of each rule, and keeps the other rules\' findings', async () => {
    const config = configSchema.parse({ rules: { 'no-todo': 'warn', 'walks-too-deep': 'error' } });
    const linter = createLinter(selectRules([noTodo, walksTooDeep], config), ['no-todo', 'walks-too-deep']);
    const file = await linter(new VFile({ path: 'a.md', value: 'TODO\n\n> > > 深\n' }), context());
    expect(file.messages.map((message) => [message.ruleId, message.reason])).toEqual([
      ['no-todo', 'Unexpected `TODO`'],
      ['internal-error', 'cannot lint file: it is nested too deeply to parse (quotes or lists thousands of levels deep); flatten it'],
    ]);
  });
});

describe('selectRules', () => {
  it('leaves out rules that are off and forces the named rule on', () => {
    const config = configSchema.parse({});
    expect(selectRules([noTodo, crashes], config).map((enabled) => enabled.rule.id)).toEqual(['no-todo']);
    expect(selectRules([noTodo, crashes], config, ['crashes']).map((enabled) => [enabled.rule.id, enabled.severity])).toEqual([['crashes', 'warn']]);
  });
});
