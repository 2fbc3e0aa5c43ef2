export { type CheckAllOptions, checkAll } from './check-all.js';
export { type CheckOptions, type UrlResult, type UrlVerdict, checkUrl, retryAfterMs } from './check-url.js';
export { type ChangedLines, changedLinesSince } from './changed-lines.js';
export { type ExternalLink, externalLinks } from './external-links.js';
export { ResultCache } from './result-cache.js';
