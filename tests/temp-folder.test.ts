import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from './support/temp-folder.js';

describe('tempFolder', () => {
  let made = '';
  const outside = tempFolder('temp-folder-block-');

  it('makes a new folder in the system temp folder, named by its prefix', () => {
    made = tempFolder('temp-folder-test-');
    writeFileSync(path.join(made, 'a.txt'), 'a');
    expect(path.dirname(made)).toBe(os.tmpdir());
    expect(path.basename(made)).toMatch(/^temp-folder-test-\w{6}$/u);
    expect(existsSync(made)).toBe(true);
  });

  it('removes a folder made in a test, contents and all, when that test finishes', () => {
    expect(made).not.toBe('');
    expect(existsSync(made)).toBe(false);
  });

  it('keeps a folder made outside a test for every test of the file', () => {
    expect(existsSync(outside)).toBe(true);
  });
});
