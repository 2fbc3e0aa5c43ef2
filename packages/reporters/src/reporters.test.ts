import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { formatGithub, formatJson, formatReport, formatSarif, formatStylish } from './index.js';

/** A known set of messages: an error with a range, a warning, an info and a clean file. */
function knownFiles(): VFile[] {
  const note = new VFile({ path: 'content/1.a/1.b.md', value: 'x' });
  const error = note.message('Cannot find file `images/x.png`', {
    place: { start: { line: 3, column: 5 }, end: { line: 3, column: 20 } },
    ruleId: 'link-missing-file',
    source: 'llm-notes',
  });
  error.fatal = true;
  const warning = note.message('Use `\\cdot`, not `⋅`', { place: { line: 1, column: 2 }, ruleId: 'math-unicode', source: 'llm-notes' });
  warning.fatal = false;
  note.info('info, with a comma: and colon', { place: { line: 7, column: 1 }, ruleId: 'image-own-line', source: 'llm-notes' });
  const clean = new VFile({ path: 'README.md', value: '' });
  return [note, clean];
}

describe('formatJson', () => {
  it('lists every file with its messages in line order', () => {
    expect(JSON.parse(formatJson(knownFiles()))).toEqual([
      {
        path: 'content/1.a/1.b.md',
        messages: [
          { ruleId: 'math-unicode', severity: 'warning', line: 1, column: 2, endLine: null, endColumn: null, message: 'Use `\\cdot`, not `⋅`' },
          { ruleId: 'link-missing-file', severity: 'error', line: 3, column: 5, endLine: 3, endColumn: 20, message: 'Cannot find file `images/x.png`' },
          { ruleId: 'image-own-line', severity: 'info', line: 7, column: 1, endLine: null, endColumn: null, message: 'info, with a comma: and colon' },
        ],
      },
      { path: 'README.md', messages: [] },
    ]);
  });
});

describe('formatGithub', () => {
  it('writes one workflow command per message, escaping properties and data', () => {
    expect(formatGithub(knownFiles())).toBe(
      [
        '::warning file=content/1.a/1.b.md,line=1,col=2,title=math-unicode::Use `\\cdot`, not `⋅`',
        '::error file=content/1.a/1.b.md,line=3,col=5,endLine=3,endColumn=20,title=link-missing-file::Cannot find file `images/x.png`',
        '::notice file=content/1.a/1.b.md,line=7,col=1,title=image-own-line::info, with a comma: and colon',
        '',
      ].join('\n'),
    );
    const multiline = new VFile({ path: 'a,b:c.md' });
    multiline.message('line one\nline two 100%', { place: { line: 1, column: 1 } }).fatal = true;
    expect(formatGithub([multiline])).toBe('::error file=a%2Cb%3Ac.md,line=1,col=1::line one%0Aline two 100%25\n');
  });

  it('prints nothing for clean files', () => {
    expect(formatGithub([new VFile({ path: 'a.md' })])).toBe('');
  });
});

describe('formatSarif', () => {
  it('is a SARIF 2.1.0 log with rules and located results', () => {
    const log = JSON.parse(formatSarif(knownFiles(), { toolName: 'notes', toolVersion: '1.2.3', rules: [{ id: 'link-missing-file', description: 'd' }] }));
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver).toEqual({ name: 'notes', version: '1.2.3', rules: [{ id: 'link-missing-file', shortDescription: { text: 'd' } }] });
    expect(run.results).toHaveLength(3);
    expect(run.results[1]).toEqual({
      ruleId: 'link-missing-file',
      level: 'error',
      message: { text: 'Cannot find file `images/x.png`' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'content/1.a/1.b.md' },
            region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 20 },
          },
        },
      ],
    });
    expect(run.results.map((result: { level: string }) => result.level)).toEqual(['warning', 'error', 'note']);
  });
});

describe('formatStylish', () => {
  it('shows positions, severities, rule ids and a summary; hides clean files', () => {
    const text = formatStylish(knownFiles());
    expect(text).toContain('content/1.a/1.b.md');
    expect(text).not.toContain('README.md');
    expect(text).toMatch(/3:5-3:20\s+error\s+Cannot find file `images\/x.png`\s+link-missing-file\s+llm-notes/u);
    expect(text).toMatch(/1:2\s+warning\s+Use/u);
    expect(text).toMatch(/1 error/u);
    expect(text).toMatch(/1 warning/u);
  });

  it('is chosen by formatReport', () => {
    expect(formatReport('stylish', knownFiles(), { toolName: 'notes' })).toBe(formatStylish(knownFiles()));
    expect(formatReport('json', knownFiles(), { toolName: 'notes' })).toBe(formatJson(knownFiles()));
  });
});

describe('formatMarkdown', () => {
  it('counts the findings, then lists them per file under its path, message Markdown kept', () => {
    expect(formatReport('markdown', knownFiles(), { toolName: 'notes' })).toBe(
      [
        '3 problems (1 error, 1 warning) in 1 file.',
        '',
        '### `content/1.a/1.b.md`',
        '',
        '- **warning** line 1: Use `\\cdot`, not `⋅` (`math-unicode`)',
        '- **error** line 3: Cannot find file `images/x.png` (`link-missing-file`)',
        '- **info** line 7: info, with a comma: and colon (`image-own-line`)',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to report', () => {
    expect(formatReport('markdown', [new VFile({ path: 'README.md', value: '' })], { toolName: 'notes' })).toBe('No problems in 1 file.\n');
  });
});

describe('formatStylish', () => {
  it('ends with a newline, so the next line printed starts on its own', () => {
    expect(formatStylish(knownFiles())).toMatch(/\n$/u);
    expect(formatStylish([new VFile({ path: 'README.md', value: '' })])).toBe('');
  });
});
