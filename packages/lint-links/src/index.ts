import type { RuleDefinition } from '@llm-notes/core';
import { linkCaseMismatch } from './rules/link-case-mismatch.js';
import { linkMissingAnchor } from './rules/link-missing-anchor.js';
import { linkMissingFile } from './rules/link-missing-file.js';
import { linkOrphanImage } from './rules/link-orphan-image.js';
import { linkOutsideRepository } from './rules/link-outside-repository.js';
import { linkSuspiciousDestination } from './rules/link-suspicious-destination.js';
import { linkUndefinedReference } from './rules/link-undefined-reference.js';
import { linkUnusedDefinition } from './rules/link-unused-definition.js';
import { linkUnicodeForm } from './rules/link-unicode-form.js';
import { linkUntrackedTarget } from './rules/link-untracked-target.js';

export { type NoteFacts, noteFacts } from './facts.js';
export { anchorsCacheKey } from './note-anchors.js';
export { referencedPaths } from './referenced-paths.js';
export { type HtmlLink, htmlLinks } from './html-attributes.js';
export type { LinkEnv } from './link-env.js';
export { type Target, resolveTarget } from './resolve-target.js';

/** This package's rules, each also a remark-lint plugin (`rule.plugin`). */
export const rules: RuleDefinition[] = [
  linkMissingFile,
  linkCaseMismatch,
  linkUnicodeForm,
  linkUntrackedTarget,
  linkOutsideRepository,
  linkMissingAnchor,
  linkOrphanImage,
  linkUndefinedReference,
  linkUnusedDefinition,
  linkSuspiciousDestination,
] as RuleDefinition[];
export * from './external/index.js';
export { linkExternal } from './rules/link-external.js';
