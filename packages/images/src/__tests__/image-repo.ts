import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RepoRoot } from '@llm-notes/core';
import { afterEach, beforeEach } from 'vitest';

export interface ImageRepo {
  /** The temp repository of the running test. */
  readonly root: string;
  readonly repo: RepoRoot;
  /** Writes `bytes` as `content/1.a/images/<name>` and returns that root-relative path. */
  put(name: string, bytes: Uint8Array): string;
}

/**
 * A fresh temp repository with an empty `content/1.a/images/` folder for
 * every test of the calling file, removed after each test.
 */
export function useImageRepo(prefix: string): ImageRepo {
  let root = '';
  let repo: RepoRoot | undefined;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), prefix));
    mkdirSync(path.join(root, 'content/1.a/images'), { recursive: true });
    repo = new RepoRoot(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  return {
    get root() {
      return root;
    },
    get repo() {
      if (!repo) throw new Error('useImageRepo: no test is running');
      return repo;
    },
    put(name, bytes) {
      const file = `content/1.a/images/${name}`;
      writeFileSync(path.join(root, file), bytes);
      return file;
    },
  };
}
