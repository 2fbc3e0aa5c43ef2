import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { writePngChunks } from '../../packages/images/src/png-chunks.js';
import { type Case, NOTE, OK, PNG, defineCatalogue, write } from '../support/catalogue.js';

/**
 * The bad-input catalogue: broken notes, images and configs, each run through
 * every command (see `defineCatalogue` for what is checked).
 */

/** A tiny PNG whose header claims `width` × `height` pixels: a decompression bomb. */
function pngClaiming(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  return writePngChunks([
    { type: 'IHDR', data: header },
    { type: 'IDAT', data: zlib.deflateSync(Buffer.alloc(1024)) },
    { type: 'IEND', data: Buffer.alloc(0) },
  ]);
}

const CASES: Case[] = [
  {
    name: 'a note that is not valid UTF-8',
    setup: (root) => write(root, NOTE, Buffer.concat([Buffer.from('#### 1. 问题\n\n答案\n'), Buffer.from([0xff, 0xfe])])),
    expect: { default: { code: 'nonzero', says: /1\.注意力\.md.*(3|4).*not valid UTF-8|not valid UTF-8/su }, images: OK },
  },
  {
    name: 'a NUL byte',
    setup: (root) => write(root, NOTE, '#### 1. 问题\n\n答\0案\n'),
    expect: { default: { code: 'nonzero', says: /NUL byte/u }, images: OK },
  },
  {
    name: 'a byte order mark',
    setup: (root) => write(root, NOTE, '\uFEFF#### 1. 问题\n\n答案 $x$ 。\n\n![图](./images/a.png)\n'),
    // Same text: the README (always LF, no BOM) is already current.
    expect: { default: OK },
  },
  {
    name: 'CRLF line endings',
    setup: (root) => write(root, NOTE, '#### 1. 问题\r\n\r\n答案 $x$ 。\r\n\r\n![图](./images/a.png)\r\n'),
    expect: { default: OK },
  },
  {
    name: 'mixed line endings',
    setup: (root) => write(root, NOTE, '#### 1. 问题\r\n\n答案 $x$ 。\n\r\n![图](./images/a.png)\n'),
    expect: { default: OK },
  },
  {
    name: 'a 50 MB note',
    setup: (root) => write(root, NOTE, `#### 1. 问题\n\n${'注意力机制的计算。\n'.repeat(2_000_000)}`),
    expect: { default: { code: 'nonzero', says: /too large/u }, images: OK },
  },
  {
    name: '10,000 nested blockquotes',
    setup: (root) => write(root, NOTE, `${'>'.repeat(10_000)} 深\n`),
    expect: { default: { code: 'nonzero', says: /1\.注意力\.md/u }, images: OK },
  },
  {
    name: '10,000 nested list levels',
    setup: (root) => write(root, NOTE, Array.from({ length: 10_000 }, (_, depth) => `${'  '.repeat(depth)}- 层`).join('\n')),
    expect: { default: { code: 'nonzero', says: /1\.注意力\.md/u }, images: OK },
  },
  {
    name: 'a 1 MB single line',
    setup: (root) => write(root, NOTE, `#### 1. 问题\n\n${'长'.repeat(350_000)}\n`),
    // The note changed, so the README is stale until regenerated.
    expect: { default: OK, 'gen-readme': { code: 0, changes: ['README.md'] }, check: { code: 1, says: /README\.md/u } },
  },
  {
    // A folder is never a note, whatever its name: not part of the layout, nothing to report.
    name: 'a note that is a directory',
    setup: (root) => mkdirSync(path.join(root, 'content/1.基础/2.目录.md')),
    expect: { default: OK },
  },
  {
    name: 'an empty content folder',
    setup: (root) => {
      rmSync(path.join(root, 'content'), { recursive: true });
      mkdirSync(path.join(root, 'content'));
    },
    // The README still links to the notes that are gone; gen-readme has nothing to build from.
    expect: {
      default: { code: 'nonzero', says: /content.*no notes/u },
      lint: { code: 1, says: /link-missing-file/u },
      check: { code: 'nonzero' },
      fix: OK,
      images: OK,
    },
  },
  {
    // Not a chapter (any folder may hold Markdown): linted as a file, left out of the README.
    name: 'a chapter folder without a number',
    setup: (root) => write(root, 'content/草稿/1.a.md', '草稿\n'),
    expect: { default: OK },
  },
  {
    name: 'a note without a number in a chapter',
    setup: (root) => write(root, 'content/1.基础/草稿.md', '草稿\n'),
    expect: { default: OK, lint: { code: 0, says: /content-layout/u }, check: { code: 0, says: /content-layout/u } },
  },
  {
    name: 'two chapters with the same number',
    setup: (root) => write(root, 'content/1.附加/1.a.md', '#### 1. 附加问题\n\n附加。\n'),
    expect: { default: OK, 'gen-readme': { code: 0, changes: ['README.md'] }, check: { code: 1 } },
  },
  {
    name: 'a truncated PNG',
    setup: (root) => {
      const png = readFileSync(path.join(root, PNG));
      write(root, PNG, png.subarray(0, Math.floor(png.length / 2)));
    },
    expect: { default: OK, images: { code: 'nonzero', says: /a\.png/u }, check: { code: 'nonzero', says: /a\.png/u } },
  },
  {
    name: 'a zero-byte PNG',
    setup: (root) => write(root, PNG, Buffer.alloc(0)),
    expect: { default: OK, images: { code: 'nonzero', says: /a\.png/u }, check: { code: 'nonzero', says: /a\.png/u } },
  },
  {
    name: 'a PNG claiming 100,000 × 100,000 pixels',
    setup: (root) => write(root, PNG, pngClaiming(100_000, 100_000)),
    expect: { default: OK, images: { code: 'nonzero', says: /a\.png/u }, check: { code: 'nonzero', says: /a\.png/u } },
  },
  {
    name: 'a .png that is text',
    setup: (root) => write(root, PNG, 'this is not an image\n'),
    expect: { default: OK, images: { code: 'nonzero', says: /a\.png/u }, check: { code: 'nonzero', says: /a\.png/u } },
  },
  {
    name: 'a read-only note that fix wants to change',
    setup: (root) => {
      write(root, NOTE, '#### 1. 问题\n\n答案 $x$ 。\n![图](./images/a.png)\n');
      chmodSync(path.join(root, NOTE), 0o444);
    },
    expect: { default: OK, fix: { code: 1, says: /1\.注意力\.md.*read-only/u }, 'gen-readme': { code: 0, changes: ['README.md'] }, check: { code: 'nonzero' } },
  },
  {
    name: 'a symlink loop',
    setup: (root) => {
      symlinkSync('3.环b.md', path.join(root, 'content/1.基础/2.环a.md'));
      symlinkSync('2.环a.md', path.join(root, 'content/1.基础/3.环b.md'));
    },
    expect: { default: { code: 'nonzero', says: /环a\.md.*symlink loop/su }, images: OK },
  },
  {
    name: 'a symlink to /etc/passwd',
    setup: (root) => symlinkSync('/etc/passwd', path.join(root, 'content/1.基础/2.密码.md')),
    expect: { default: { code: 'nonzero', says: /2\.密码\.md.*outside the repository/su }, images: OK },
  },
  {
    name: 'a symlink to a folder outside the repository',
    setup: (root, outside) => {
      write(outside, '1.外部.md', '外部\n');
      symlinkSync(outside, path.join(root, 'content/2.外部'));
    },
    expect: { default: { code: 'nonzero', says: /2\.外部.*outside the repository/su }, images: OK },
  },
  {
    name: 'a link to ../../../../etc/passwd',
    setup: (root) => write(root, NOTE, '#### 1. 问题\n\n见[密码](../../../../etc/passwd)。\n\n![图](./images/a.png)\n'),
    expect: { default: { code: 1, says: /link-outside-repository/u }, 'gen-readme': { code: 0, changes: ['README.md'] }, fix: OK, images: OK },
  },
  {
    name: 'a config file with a syntax error',
    setup: (root) => write(root, 'notes.config.json', '{\n  "content": "content",\n}\n'),
    expect: { default: { code: 2, says: /notes\.config\.json:3: invalid JSON/u } },
  },
  {
    name: 'a config file with an unknown key',
    setup: (root) => write(root, 'notes.config.json', '{"readme": {"titel": "x"}}\n'),
    expect: { default: { code: 2, says: /notes\.config\.json: unknown key `readme\.titel`/u } },
  },
  {
    name: 'a config file with a wrong type',
    setup: (root) => write(root, 'notes.config.json', '{"images": {"htmlWidth": "wide"}}\n'),
    expect: { default: { code: 2, says: /notes\.config\.json: `images\.htmlWidth`/u } },
  },
];

defineCatalogue('bad input catalogue', CASES);

const recorder = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../support/record-fs.mjs');
const temps: string[] = [];
afterAll(() => {
  for (const folder of temps) rmSync(folder, { recursive: true, force: true });
});

describe('the fs recorder itself', () => {
  it('sees a read outside the repository, through a symlink, and ignores lstat of the link', () => {
    const sandbox = mkdtempSync(path.join(os.tmpdir(), 'recorder-'));
    temps.push(sandbox);
    symlinkSync('/etc/hostname', path.join(sandbox, 'link'));
    const log = path.join(sandbox, 'fs.log');
    const script = `import fs from 'node:fs'; fs.lstatSync(${JSON.stringify(path.join(sandbox, 'link'))}); fs.readFileSync(${JSON.stringify(path.join(sandbox, 'link'))});`;
    const lstatOnly = `import fs from 'node:fs'; fs.lstatSync(${JSON.stringify(path.join(sandbox, 'link'))});`;
    spawnSync(process.execPath, ['--import', recorder, '--input-type=module', '-e', lstatOnly], { env: { ...process.env, RECORD_FS_LOG: log } });
    expect(readFileSync(log, 'utf8')).not.toContain('/etc/hostname');
    spawnSync(process.execPath, ['--import', recorder, '--input-type=module', '-e', script], { env: { ...process.env, RECORD_FS_LOG: log } });
    expect(readFileSync(log, 'utf8').split('\n')).toContain(realpathSync('/etc/hostname'));
  });
});
