// The lint engine: discovery of the files to lint, the linter, the worker
// pool, the cache keyed on what rules declare they read, and the fix loop.
export {
  type AfterFiles,
  type CrossFileFact,
  type FilesOfRun,
  type PersistentStore,
  type RememberedValues,
  type RuleReads,
  type RunFinding,
  combinedReads,
} from './declarations.js';
export { LINT_CACHE_FILE, runKey } from './cache.js';
export { type FileFix, type FixLoopResult, MAX_FIX_PASSES, fixFile, isReadOnly, runFixLoop } from './fix.js';
export { type EnabledRule, type Linter, createLinter, selectRules } from './linter.js';
export { type StoredMessage, restoreMessages, storeMessages } from './messages.js';
export { HELPER_MIN_BYTES, automaticThreads } from './pool.js';
export {
  type LintSession,
  type ProjectLintOptions,
  type ProjectLintResult,
  createLintContext,
  hasErrors,
  lintFiles,
  lintProject,
  lintTargets,
} from './project.js';
export { replayLastRun } from './replay.js';
export { serveLintWorker } from './worker.js';
