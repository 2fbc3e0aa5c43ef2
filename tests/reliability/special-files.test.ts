import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { type Case, NOTE, OK, defineCatalogue, git, write } from '../support/catalogue.js';

/**
 * Catalogue cases for special files and our own names: named pipes where a
 * file is expected (nothing may hang), a lock that is a symlink to a device,
 * files named like our old temp files (never deleted), and symlinked notes
 * (fixed through a target inside the root, the link kept).
 */

function fifo(root: string, relative: string): void {
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  execFileSync('mkfifo', [path.join(root, relative)]);
}

/** The commands that take the write lock refuse; the others do not look at it. */
const WRITERS_REFUSE = (says: RegExp): Case['expect'] => ({
  default: OK,
  'gen-readme': { code: 2, says },
  fix: { code: 2, says },
  images: { code: 2, says },
});

const CASES: Case[] = [
  {
    name: 'the lock a named pipe',
    setup: (root) => fifo(root, '.llm-notes.lock'),
    expect: WRITERS_REFUSE(/\.llm-notes\.lock: is a named pipe \(FIFO\), not the toolchain's lock folder/u),
  },
  {
    name: 'the lock a symlink to /dev/zero',
    setup: (root) => symlinkSync('/dev/zero', path.join(root, '.llm-notes.lock')),
    expect: WRITERS_REFUSE(/\.llm-notes\.lock: is a symlink, not the toolchain's lock folder/u),
  },
  {
    name: 'the lock a symlink to a folder outside the root',
    setup: (root, outside) => symlinkSync(outside, path.join(root, '.llm-notes.lock')),
    expect: WRITERS_REFUSE(/\.llm-notes\.lock: is a symlink, not the toolchain's lock folder/u),
  },
  {
    name: 'the config a named pipe',
    setup: (root) => fifo(root, 'notes.config.json'),
    expect: { default: { code: 2, says: /notes\.config\.json: file is a named pipe \(FIFO\), not a regular file/u } },
  },
  {
    name: 'README.md a named pipe',
    setup: (root) => {
      execFileSync('rm', [path.join(root, 'README.md')]);
      fifo(root, 'README.md');
    },
    expect: { default: { code: 2, says: /config `readme\.output` \("README\.md"\) exists and is not a regular file/u } },
  },
  {
    name: 'a note a named pipe',
    setup: (root) => fifo(root, 'content/1.基础/2.管道.md'),
    // lint and fix look at the Markdown files git tracks (git never tracks a pipe); the README needs every note.
    expect: { default: { code: 'nonzero', says: /2\.管道\.md.*named pipe/su }, lint: OK, fix: OK, images: OK },
  },
  {
    name: 'a stale lock left by a killed command',
    setup: (root) => write(root, '.llm-notes.lock/owner-1-gone', JSON.stringify({ pid: 2 ** 22 + 1, command: 'notes fix', token: '1-gone' })),
    // A writer takes it over and removes it when done; lint and check leave it.
    expect: { default: OK, 'gen-readme': { code: 0, changes: ['.llm-notes.lock', '.llm-notes.lock/owner-1-gone'] }, fix: { code: 0, changes: ['.llm-notes.lock', '.llm-notes.lock/owner-1-gone'] }, images: { code: 0, changes: ['.llm-notes.lock', '.llm-notes.lock/owner-1-gone'] } },
  },
  {
    name: 'tracked files named like temp files',
    setup: (root) => {
      write(root, '.llm-notes-tmp-notes.md.123.abcdef01', 'the user’s file\n');
      write(root, 'content/1.基础/.llm-notes-tmp-a.md.999999.0123abcd', 'another\n');
      write(root, '999999-0123abcd.llm-notes-tmp', 'and another\n');
      git(root, 'add', '-A');
      git(root, 'commit', '-q', '-m', 'files with temp-like names');
    },
    expect: { default: OK },
  },
  {
    name: 'a symlinked note whose target is inside the root',
    setup: (root) => {
      write(root, 'sources/2.md', '#### 2. 链接\n\n答案$ x $。\n');
      symlinkSync('../../sources/2.md', path.join(root, 'content/1.基础/2.链接.md'));
    },
    // fix changes the target and keeps the link; the README gains the note.
    expect: {
      default: { code: 1, says: /2\.链接\.md/u },
      fix: { code: 0, says: /2\.链接\.md: math-delimiters/u, changes: ['sources/2.md'] },
      'gen-readme': { code: 0, changes: ['README.md'] },
      images: OK,
    },
  },
  {
    name: 'a symlinked note whose target is outside the root',
    setup: (root, outside) => {
      write(outside, '2.md', '#### 2. 外部\n\n答案$ x $。\n');
      symlinkSync(path.join(outside, '2.md'), path.join(root, 'content/1.基础/2.外部.md'));
    },
    expect: { default: { code: 'nonzero', says: /2\.外部\.md.*outside the repository/su }, images: OK },
  },
  {
    name: 'a note with a 240-byte name',
    setup: (root) => write(root, `content/1.基础/2.${'长'.repeat(78)}.md`, '#### 2. 长\n\n答案$ x $。\n'),
    expect: {
      default: { code: 1 },
      fix: { code: 0, changes: [`content/1.基础/2.${'长'.repeat(78)}.md`] },
      'gen-readme': { code: 0, changes: ['README.md'] },
      images: OK,
    },
  },
  {
    // Issue 20 §9: macOS finds a file by either Unicode form; GitHub compares bytes.
    name: 'links spelled NFC to a file named NFD, and NFD to one named NFC',
    setup: (root) => {
      write(root, `content/1.基础/data/${'résumé'.normalize('NFD')}.txt`, 'data\n');
      write(root, 'content/1.基础/data/naïve.txt', 'data\n');
      write(root, NOTE, `#### 1. 问题\n\n答案 $x$ 。\n\n![图](./images/a.png)\n\n[数据](./data/résumé.txt)\n\n[数据](./data/${'naïve'.normalize('NFD')}.txt)\n`);
    },
    expect: {
      default: {
        code: 1,
        says: /1\.注意力\.md\n7:1\S* +error +`\.\/data\/résumé\.txt` is written in composed Unicode \(NFC\) but the name on disk is in decomposed Unicode \(NFD\): GitHub compares paths byte for byte[^\n]*link-unicode-form[^\n]*\n9:1\S* +error +[^\n]*written in decomposed Unicode \(NFD\) but the name on disk is in composed Unicode \(NFC\)/u,
      },
      fix: { code: 0, says: /link-unicode-form ×2/u, changes: [NOTE] },
      'gen-readme': { code: 0, changes: ['README.md'] },
      images: OK,
    },
  },
];

defineCatalogue('special files and own names', CASES);
