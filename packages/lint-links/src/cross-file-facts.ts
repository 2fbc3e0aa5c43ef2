import path from 'node:path';
import { type CrossFileFact, type RuleReads, getLintContext } from '@llm-notes/core';
import { noteFacts } from './facts.js';
import { referencedPaths } from './referenced-paths.js';

/** The anchors a note offers to links in other notes. */
export const anchorsFact: CrossFileFact = {
  id: 'lint-links:anchors',
  of: (tree, file) => noteFacts(tree, String(file.value ?? '')).anchors,
};

/** The repository paths a note links to (what makes an image no orphan). */
export const linkedPathsFact: CrossFileFact = {
  id: 'lint-links:linked-paths',
  of: (tree, file) => {
    const root = getLintContext(file)?.repo.path;
    if (!root || !file.path) return [];
    return referencedPaths(root, path.resolve(root, file.path), String(file.value ?? ''), tree).sort();
  },
};

/** A link rule that checks where a destination leads reads the repository's file tree. */
export const READS_FILE_TREE: RuleReads = { fileTree: true };
