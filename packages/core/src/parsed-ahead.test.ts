import { describe, expect, it } from 'vitest';
import { parseAhead, takeParsedAhead } from './parsed-ahead.js';
import { parseMarkdown } from './processor.js';

describe('trees parsed ahead', () => {
  it('hands a tree to the linter once, for exactly the text it was parsed from', () => {
    const shared = new Map<string, unknown>();
    const tree = parseAhead(shared, '# 标题\n\n正文\n');
    expect(tree).toEqual(parseMarkdown('# 标题\n\n正文\n'));
    expect(takeParsedAhead(shared, '# 标题\n\n正文 changed\n')).toBeUndefined();
    expect(takeParsedAhead(shared, '# 标题\n\n正文\n')).toBe(tree);
    expect(takeParsedAhead(shared, '# 标题\n\n正文\n')).toBeUndefined();
  });

  it('keeps at most eight, the oldest leaving first, and nothing without a run', () => {
    const shared = new Map<string, unknown>();
    for (let note = 0; note < 10; note++) parseAhead(shared, `# ${note}\n`);
    expect(takeParsedAhead(shared, '# 0\n')).toBeUndefined();
    expect(takeParsedAhead(shared, '# 1\n')).toBeUndefined();
    expect(takeParsedAhead(shared, '# 2\n')).toBeDefined();
    expect(takeParsedAhead(shared, '# 9\n')).toBeDefined();
    parseAhead(undefined, '# alone\n');
    expect(takeParsedAhead(undefined, '# alone\n')).toBeUndefined();
  });
});
