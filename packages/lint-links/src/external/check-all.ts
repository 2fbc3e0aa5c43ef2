import { HostLimiter } from './host-limiter.js';
import { type CheckOptions, type UrlResult, checkUrl } from './check-url.js';
import type { ResultCache } from './result-cache.js';

export interface CheckAllOptions extends CheckOptions {
  readonly concurrencyPerHost: number;
  /** Regular expressions (as strings) of URLs not to check. */
  readonly exclude: readonly string[];
  readonly cache: ResultCache | undefined;
}

/**
 * Checks every distinct URL once, a few at a time per host, reusing and
 * filling the cache. The cache is saved even when a check throws.
 */
export async function checkAll(urls: Iterable<string>, options: CheckAllOptions): Promise<Map<string, UrlResult>> {
  const exclude = options.exclude.map((pattern) => new RegExp(pattern, 'u'));
  const limiter = new HostLimiter(options.concurrencyPerHost);
  const results = new Map<string, UrlResult>();
  const pending: Promise<void>[] = [];
  try {
    for (const url of new Set(urls)) {
      if (exclude.some((pattern) => pattern.test(url))) continue;
      const known = options.cache?.get(url);
      if (known) {
        results.set(url, known);
        continue;
      }
      let host = '';
      try {
        host = new URL(url).host;
      } catch {
        results.set(url, { url, verdict: 'broken', status: undefined, detail: 'not a valid URL' });
        continue;
      }
      pending.push(
        limiter.run(host, async () => {
          const result = await checkUrl(url, options);
          results.set(url, result);
          options.cache?.set(result);
        }),
      );
    }
    await Promise.all(pending);
  } finally {
    await Promise.allSettled(pending);
    options.cache?.save();
  }
  return results;
}
