import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { COMMENTED_CONFIG_FILE, CONFIG_FILE, loadConfig } from './load-config.js';

const folders: string[] = [];
function repoWithConfig(text?: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'config-'));
  folders.push(folder);
  if (text !== undefined) writeFileSync(path.join(folder, CONFIG_FILE), text);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function errorOf(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('loadConfig', () => {
  it('gives every default when there is no config file', () => {
    const config = loadConfig(repoWithConfig());
    expect(config.content).toBe('content');
    expect(config.readme.introHeading).toBe('引言');
    expect(config.readme.tocHeading).toBe('目录');
    expect(config.images.htmlWidth).toBe(900);
    expect(config.rules).toEqual({});
  });

  it('keeps given values and fills the rest', () => {
    const config = loadConfig(repoWithConfig('{"content": "notes", "readme": {"title": "T"}}'));
    expect(config.content).toBe('notes');
    expect(config.readme.title).toBe('T');
    expect(config.readme.tocLinks).toBe('headings');
  });

  it('names an unknown nested key and the file', () => {
    const error = errorOf(() => loadConfig(repoWithConfig('{"readme": {"titel": "x"}}')));
    expect(error.describe()).toBe(`${CONFIG_FILE}: unknown key \`readme.titel\``);
  });

  it('names a key of the wrong type', () => {
    const error = errorOf(() => loadConfig(repoWithConfig('{"images": {"htmlWidth": "900"}}')));
    expect(error.file).toBe(CONFIG_FILE);
    expect(error.message).toMatch(/`images\.htmlWidth`/u);
  });

  it('names an unknown rule', () => {
    const error = errorOf(() => loadConfig(repoWithConfig('{"rules": {"no-such-rule": "off"}}'), new Set(['link-missing-file'])));
    expect(error.message).toBe('unknown key `rules.no-such-rule` (no such rule)');
  });

  it('rejects a bad severity, listing the allowed values', () => {
    const error = errorOf(() => loadConfig(repoWithConfig('{"rules": {"link-missing-file": "warning"}}'), new Set(['link-missing-file'])));
    expect(error.message).toBe('`rules.link-missing-file`: "warning" is not allowed; expected one of "off", "warn", "error", or [severity, options]');
    const inArray = errorOf(() => loadConfig(repoWithConfig('{"rules": {"link-missing-file": ["warning", {}]}}'), new Set(['link-missing-file'])));
    expect(inArray.message).toBe('`rules.link-missing-file[0]`: "warning" is not allowed; expected one of "off", "warn", "error"');
  });

  it('lists the allowed values of any enum key', () => {
    const error = errorOf(() => loadConfig(repoWithConfig('{"images": {"style": "centered"}}')));
    expect(error.message).toBe('`images.style`: "centered" is not allowed; expected one of "own-line", "html-centered", "markdown"');
  });

  it('gives the line of a JSON syntax error', () => {
    const error = errorOf(() => loadConfig(repoWithConfig('{\n  "content": "x",\n  oops\n}')));
    expect(error.file).toBe(CONFIG_FILE);
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/invalid JSON/u);
  });
});

describe('config file names', () => {
  it('reads notes.config.jsonc, comments and all, and names it in errors', () => {
    const folder = repoWithConfig();
    writeFileSync(path.join(folder, COMMENTED_CONFIG_FILE), '// where the notes are\n{\n  /* root */ "content": ".",\n  "readme": { "titel": "x" }\n}\n');
    const error = errorOf(() => loadConfig(folder));
    expect(error.describe()).toBe('notes.config.jsonc: unknown key `readme.titel`');
    writeFileSync(path.join(folder, COMMENTED_CONFIG_FILE), '// where the notes are\n{\n  /* root */ "content": "."\n}\n');
    expect(loadConfig(folder).content).toBe('.');
  });

  it('refuses two config files at once', () => {
    const folder = repoWithConfig('{}');
    writeFileSync(path.join(folder, COMMENTED_CONFIG_FILE), '{}');
    expect(errorOf(() => loadConfig(folder)).message).toBe('both notes.config.jsonc and notes.config.json exist; keep one');
  });

  it('keeps trailing commas an error, with the line', () => {
    const error = errorOf(() => loadConfig(repoWithConfig('{\n  "content": "x",\n}\n')));
    expect(error.line).toBe(3);
  });
});
