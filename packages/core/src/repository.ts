/**
 * The light part of core: the repository root, config, content listing and
 * safe file access, without the Markdown parser and lint engine. Commands
 * that may finish without reading a note (`gen-readme --check` on unchanged
 * notes) import this entry, so they start without loading a parser; the
 * main entry re-exports the same modules.
 */
export { writeFileAtomic } from './atomic-write.js';
export { CONFIG_FILE, CONFIG_FILES, COMMENTED_CONFIG_FILE, loadConfig } from './config/load-config.js';
export { checkConfigPaths, resolveConfigInput, resolveConfigOutput } from './config/config-paths.js';
export { type Config, configSchema } from './config/schema.js';
export { type ContentModel, discoverContent, listContentFiles } from './content-model.js';
export { UserError } from './errors.js';
export { isOsError, userErrorFromOs } from './os-error.js';
export { readRegularFile, readRegularFileIfExists } from './regular-file.js';
export { RepoRoot } from './safe-path.js';
export { acquireWriteLock } from './lock.js';
export { gitListFiles } from './git-ls-files.js';
export { runKey } from './engine/cache.js';
export { type LintSession, lintTargets } from './engine/targets.js';
export { replayLastRun } from './engine/replay.js';
export { hasErrors } from './engine/has-errors.js';
export { SOURCE } from './source.js';
