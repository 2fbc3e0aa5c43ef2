import path from 'node:path';
import type { LintContext } from '../lint-context.js';
import { CACHE_FOLDER } from '../reserved-paths.js';
import type { RepoRoot } from '../safe-path.js';
import type { PersistentStore, RememberedValues } from './declarations.js';

/**
 * Opens the stores the enabled rules remember values in (inside the cache
 * folder) and hands each to the rules through the run's shared data.
 * A store that cannot be opened is left out: the rule works without it.
 */
export function openRemembered(repo: RepoRoot, declared: readonly RememberedValues[], context: LintContext): Map<string, PersistentStore> {
  const stores = new Map<string, PersistentStore>();
  for (const declaration of declared) {
    try {
      const store = declaration.open(path.join(repo.resolve(CACHE_FOLDER), declaration.file));
      stores.set(declaration.key, store);
      context.cache.set(declaration.key, store);
    } catch {
      // Unusable cache folder: this run validates without remembered values.
    }
  }
  return stores;
}
