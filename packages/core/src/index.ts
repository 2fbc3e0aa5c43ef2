export {
  FileChangedError,
  type FileStamp,
  TEMP_SUFFIX,
  type WriteOptions,
  removeStaleTempFiles,
  stampOf,
  writeFileAtomic,
} from './atomic-write.js';
export { processIsAlive } from './process-alive.js';
export { COMMENTED_CONFIG_FILE, CONFIG_FILE, CONFIG_FILES, findConfigFile, loadConfig, parseConfig } from './config/load-config.js';
export { checkConfigPaths, resolveConfigInput, resolveConfigOutput } from './config/config-paths.js';
export { CACHE_FOLDER, RESERVED_PATHS, TEMP_FOLDER } from './reserved-paths.js';
export type { HookOptions } from './config/hook-options.js';
export { type ImageOptions, imageManifestPath } from './config/image-options.js';
export type { LinkOptions } from './config/link-options.js';
export type { ReadmeOptions } from './config/readme-options.js';
export { type Config, configSchema, type RuleSetting, type SeverityLabel } from './config/schema.js';
export {
  type Chapter,
  type ContentModel,
  IMAGE_EXTENSIONS,
  type LayoutProblem,
  type Section,
  discoverContent,
  listContentFiles,
  listContentImages,
} from './content-model.js';
export { type Fixable, OverlappingEditsError, type TextEdit, applyEdits, normalizeEdits, selectFixes } from './edits.js';
export { UserError } from './errors.js';
export { isOsError, userErrorFromOs } from './os-error.js';
export { type ReadOptions, type ReadResult, fileKind, readRegularFile, readRegularFileIfExists, readRegularFileWithStats } from './regular-file.js';
export { gitListFiles } from './git-ls-files.js';
export { listMarkdownFiles } from './markdown-files.js';
export { type TreeEntry, type WalkOptions, walkTree } from './walk-tree.js';
export * from './engine/index.js';
export { type LintContext, cached, getLintContext, sharedDataOf } from './lint-context.js';
export { MAX_NOTE_BYTES, addFatal, readNote } from './note-file.js';
export { type NumberedName, compareNumbered, parseNumberedName } from './numbered-name.js';
export { createParser, parseMarkdown } from './processor.js';
export { parseAhead, takeParsedAhead } from './parsed-ahead.js';
export { generatedMarkdown } from './generated-markdown.js';
export { type ReportOptions, report } from './report.js';
export {
  type RuleDefinition,
  type RuleDocs,
  type RuleImplementation,
  type RuleMeta,
  SOURCE,
  TOOLCHAIN_REPOSITORY,
  defineRule,
  resolveSetting,
  ruleDocsPath,
  ruleDocsUrl,
} from './rule.js';
export { RepoRoot, isWithin, resolveInsideRoot } from './safe-path.js';
export { GithubSlugger, normalizeFragment, slugsFor } from './slugger.js';
export { type DecodedText, type LineEnding, decodeText, detectLineEnding, encodeText } from './text-file.js';
export { LOCK_FILE, acquireWriteLock, writeLockHolder } from './lock.js';
export * from './github-markdown/index.js';
