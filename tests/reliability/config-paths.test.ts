import { chmodSync, mkdirSync, symlinkSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { type Case, type Expectation, NOTE, defineCatalogue, write } from '../support/catalogue.js';

/**
 * Catalogue cases for paths named by the config: every output must resolve
 * inside the root, outside `.git`, never onto a note, an image or the config
 * itself; every input inside the root and outside `.git`; the config file
 * itself never read through a symlink to outside, never a pipe, never huge.
 * Each is refused by every command with exit 2 and a message naming the key.
 */

function config(root: string, value: unknown): void {
  write(root, 'notes.config.json', `${JSON.stringify(value)}\n`);
}

function refused(says: RegExp, neverSays?: RegExp): Case['expect'] {
  const expectation: Expectation = { code: 2, says, ...(neverSays ? { neverSays } : {}) };
  return { default: expectation };
}

const HOOK = '#!/bin/sh\necho the user hook\n';

const CASES: Case[] = [
  {
    name: 'readme.output inside .git (replacing the pre-commit hook)',
    setup: (root) => {
      write(root, '.git/hooks/pre-commit', HOOK);
      chmodSync(path.join(root, '.git/hooks/pre-commit'), 0o755);
      config(root, { readme: { output: '.git/hooks/pre-commit' } });
    },
    expect: refused(/notes\.config\.json: config `readme\.output` \("\.git\/hooks\/pre-commit"\) is inside `\.git`/u),
  },
  {
    name: 'readme.output reaching .git through a symlinked folder',
    setup: (root) => {
      symlinkSync('.git', path.join(root, 'docs'));
      config(root, { readme: { output: 'docs/hooks/pre-commit' } });
    },
    expect: refused(/config `readme\.output` .*is inside `\.git`/u),
  },
  {
    name: 'readme.output spelled .GIT',
    setup: (root) => config(root, { readme: { output: '.GIT/README.md' } }),
    expect: refused(/config `readme\.output` .*is inside `\.git`/u),
  },
  {
    name: 'links.cacheFile on a note',
    setup: (root) => config(root, { links: { cacheFile: NOTE } }),
    expect: refused(/config `links\.cacheFile` .*is a note in the content folder/u),
  },
  {
    name: 'links.cacheFile on .git/HEAD',
    setup: (root) => config(root, { links: { cacheFile: '.git/HEAD' } }),
    expect: refused(/config `links\.cacheFile` .*is inside `\.git`/u),
  },
  {
    name: 'links.cacheFile empty',
    setup: (root) => config(root, { links: { cacheFile: '' } }),
    expect: refused(/config `links\.cacheFile` \(""\) is empty/u),
  },
  {
    name: 'links.cacheFile "."',
    setup: (root) => config(root, { links: { cacheFile: '.' } }),
    expect: refused(/config `links\.cacheFile` \("\."\) names the repository root folder/u),
  },
  {
    name: 'links.cacheFile outside the root',
    setup: (root) => config(root, { links: { cacheFile: '../cache.json' } }),
    expect: refused(/config `links\.cacheFile` .*leads outside the repository root/u),
  },
  {
    name: 'readme.output on a note (it would include itself)',
    setup: (root) => config(root, { readme: { output: NOTE } }),
    expect: refused(/config `readme\.output` .*is a note in the content folder/u),
  },
  {
    name: 'images.manifest on the config itself',
    setup: (root) => config(root, { images: { manifest: '../notes.config.json' } }),
    expect: refused(/config `images\.manifest` .*is the config file itself/u),
  },
  {
    name: 'images.manifest on an image',
    setup: (root) => config(root, { images: { manifest: '1.基础/images/a.png' } }),
    expect: refused(/config `images\.manifest` .*is an image/u),
  },
  {
    name: 'images.manifest on the lock file',
    setup: (root) => config(root, { images: { manifest: '../.llm-notes.lock' } }),
    expect: refused(/config `images\.manifest` .*is the toolchain's own `\.llm-notes\.lock`/u),
  },
  {
    name: 'links.cacheFile and images.manifest on one file',
    setup: (root) => config(root, { links: { cacheFile: 'content/images.manifest.json' } }),
    expect: refused(/config `links\.cacheFile` .*is the same file as `images\.manifest`/u),
  },
  {
    name: 'readme.footerFile copying .git/config (a token)',
    setup: (root) => {
      write(root, '.git/config', '[remote "origin"]\n\turl = https://user:SECRET-TOKEN-42@example.com/r.git\n');
      config(root, { readme: { footerFile: '.git/config' } });
    },
    expect: refused(/config `readme\.footerFile` .*is inside `\.git`/u, /SECRET-TOKEN-42/u),
  },
  {
    name: 'readme.headerFile outside the root',
    setup: (root, outside) => {
      write(outside, 'header.md', 'SECRET-TOKEN-42\n');
      config(root, { readme: { headerFile: path.relative(root, path.join(outside, 'header.md')) } });
    },
    expect: refused(/config `readme\.headerFile` .*leads outside the repository root/u, /SECRET-TOKEN-42/u),
  },
  {
    name: 'readme.headerFile a symlink to outside',
    setup: (root, outside) => {
      write(outside, 'header.md', 'SECRET-TOKEN-42\n');
      symlinkSync(path.join(outside, 'header.md'), path.join(root, 'header.md'));
      config(root, { readme: { headerFile: 'header.md' } });
    },
    expect: refused(/config `readme\.headerFile` .*outside the repository root/u, /SECRET-TOKEN-42/u),
  },
  {
    name: 'the config a symlink to a secret outside the root',
    setup: (root, outside) => {
      write(outside, 'shadow', 'root:SECRET-TOKEN-42:19000:0:99999:7:::\n');
      symlinkSync(path.join(outside, 'shadow'), path.join(root, 'notes.config.json'));
    },
    expect: refused(/notes\.config\.json: path leads outside the repository root/u, /SECRET-TOKEN-42|root:/u),
  },
  {
    name: 'the config a 64 MB file',
    setup: (root) => {
      write(root, 'notes.config.json', '{');
      truncateSync(path.join(root, 'notes.config.json'), 64 * 1024 * 1024);
    },
    expect: refused(/notes\.config\.json: file is too large/u),
  },
  {
    name: 'the config nested 100,000 levels deep',
    setup: (root) => write(root, 'notes.config.json', `{"rules":${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
    expect: refused(/notes\.config\.json:1: nested more than 32 levels deep/u),
  },
  {
    name: 'rules.__proto__ in the config',
    setup: (root) => write(root, 'notes.config.json', '{"rules": {"__proto__": {"math-tex": "off"}}}\n'),
    expect: refused(/notes\.config\.json: key `rules\.__proto__` is not allowed/u),
  },
  {
    name: 'readme.output an existing folder',
    setup: (root) => {
      mkdirSync(path.join(root, 'out.md'));
      config(root, { readme: { output: 'out.md' } });
    },
    expect: refused(/config `readme\.output` \("out\.md"\) is a folder/u),
  },
];

defineCatalogue('config paths', CASES);
