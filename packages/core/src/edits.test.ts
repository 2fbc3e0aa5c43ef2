import { describe, expect, it } from 'vitest';
import { OverlappingEditsError, applyEdits, selectFixes } from './edits.js';
import { decodeText, encodeText } from './text-file.js';

describe('applyEdits', () => {
  it('changes only the edited ranges of a CRLF file with a BOM, byte-exactly', () => {
    const original = Buffer.from('\uFEFF# 标题\r\n\r\n![a](x.png)\r\n正文 $x$\r\n', 'utf8');
    const decoded = decodeText(original, 'note.md');
    expect(decoded.bom).toBe(true);
    expect(decoded.eol).toBe('\r\n');
    const start = decoded.text.indexOf('![a]');
    const edited = applyEdits(decoded.text, [{ start, end: start, text: '\n' }], decoded.eol);
    const bytes = encodeText(edited, decoded.bom);
    expect(bytes.equals(Buffer.from('\uFEFF# 标题\r\n\r\n\r\n![a](x.png)\r\n正文 $x$\r\n', 'utf8'))).toBe(true);
  });

  it('keeps LF files LF and applies several edits in any order', () => {
    const text = 'a b c\nd e f\n';
    const result = applyEdits(text, [
      { start: 8, end: 9, text: 'E' },
      { start: 0, end: 1, text: 'A\nA' },
    ]);
    expect(result).toBe('A\nA b c\nd E f\n');
  });

  it('rejects overlapping edits and two insertions at one point', () => {
    expect(() => applyEdits('abcdef', [{ start: 1, end: 4, text: 'x' }, { start: 3, end: 5, text: 'y' }])).toThrow(OverlappingEditsError);
    expect(() => applyEdits('abcdef', [{ start: 2, end: 2, text: 'x' }, { start: 2, end: 2, text: 'y' }])).toThrow(OverlappingEditsError);
  });

  it('accepts an exact duplicate once and adjacent edits', () => {
    const edit = { start: 1, end: 2, text: 'X' };
    expect(applyEdits('abc', [edit, { ...edit }, { start: 2, end: 3, text: 'Y' }])).toBe('aXY');
  });

  it('rejects edits outside the text', () => {
    expect(() => applyEdits('abc', [{ start: 2, end: 9, text: '' }])).toThrow(RangeError);
  });
});

describe('decodeText', () => {
  it('names the file and line of invalid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('ok\nline two\n'), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('\n')]);
    expect(() => decodeText(bytes, 'content/1.a/1.b.md')).toThrow(/not valid UTF-8/u);
    try {
      decodeText(bytes, 'content/1.a/1.b.md');
    } catch (error) {
      expect((error as { describe(): string }).describe()).toBe('content/1.a/1.b.md:3: file is not valid UTF-8');
    }
  });

  it('refuses a NUL byte', () => {
    expect(() => decodeText(Buffer.from('a\n\0b'), 'x.md')).toThrow(/NUL byte/u);
  });

  it('detects the dominant line ending', () => {
    expect(decodeText(Buffer.from('a\r\nb\r\nc\n'), 'x.md').eol).toBe('\r\n');
    expect(decodeText(Buffer.from('a\nb\r\nc\n'), 'x.md').eol).toBe('\n');
  });
});

describe('selectFixes', () => {
  it('takes whole findings in order of their first edit, skipping any that overlaps one taken', () => {
    const findings = [
      { id: 'late', fix: [{ start: 8, end: 9, text: 'z' }] },
      { id: 'two-part', fix: [{ start: 0, end: 1, text: 'a' }, { start: 5, end: 6, text: 'b' }] },
      { id: 'clashes-with-second-part', fix: [{ start: 4, end: 6, text: 'c' }] },
      { id: 'identical', fix: [{ start: 0, end: 1, text: 'a' }] },
    ];
    const { edits, chosen } = selectFixes(findings);
    expect(chosen.map((finding) => finding.id)).toEqual(['two-part', 'identical', 'late']);
    expect(applyEdits('0123456789', edits)).toBe('a1234b67z9');
  });
});
