export { type CheckAllOptions, DEFAULT_DEADLINE_MS, checkAll } from './check-all.js';
export { type CheckOptions, MAX_BODY_BYTES, MAX_REDIRECTS, MAX_RETRY_AFTER_MS, type UrlResult, type UrlVerdict, checkUrl, readCapped, retryAfterMs } from './check-url.js';
export { type ChangedLines, InvalidRefError, changedLinesSince, resolveCommit } from './changed-lines.js';
export { type ExternalLink, externalLinks } from './external-links.js';
export { ResultCache } from './result-cache.js';
export { type ExternalRunOptions, NetworkUnavailableError, checkExternalLinks } from './run-external.js';
