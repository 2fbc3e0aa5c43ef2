import { HostLimiter } from './host-limiter.js';
import { type CheckOptions, type UrlResult, checkUrl } from './check-url.js';
import type { ResultCache } from './result-cache.js';

export interface CheckAllOptions extends CheckOptions {
  readonly concurrencyPerHost: number;
  /** Regular expressions (as strings) of URLs not to check. */
  readonly exclude: readonly string[];
  readonly cache: ResultCache | undefined;
  /** The whole check ends by then; links left are reported as not checked in time. */
  readonly deadlineMs?: number;
  /** After this many links of one host got no answer at all, its other links are not tried. */
  readonly unansweredPerHost?: number;
}

/** Default overall deadline: a CI job should learn about its links in minutes, not hours. */
export const DEFAULT_DEADLINE_MS = 300_000;

const DEFAULT_UNANSWERED_PER_HOST = 2;

/**
 * Checks every distinct URL once, a few at a time per host, reusing and
 * filling the cache, within an overall deadline; a host that stops answering
 * costs at most a few time-outs. The cache is saved even when a check throws.
 */
export async function checkAll(urls: Iterable<string>, options: CheckAllOptions): Promise<Map<string, UrlResult>> {
  const exclude = options.exclude.map((pattern) => new RegExp(pattern, 'u'));
  const limiter = new HostLimiter(options.concurrencyPerHost);
  const results = new Map<string, UrlResult>();
  const pending: Promise<void>[] = [];
  const deadline = new AbortController();
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const timer = setTimeout(() => deadline.abort(), deadlineMs);
  const unansweredBudget = options.unansweredPerHost ?? DEFAULT_UNANSWERED_PER_HOST;
  /** Per host, the links that got no answer at all (time-out, refused) on some attempt. */
  const unanswered = new Map<string, Set<string>>();
  const started = new Set<string>();
  const othersUnanswered = (host: string, url: string) => {
    const set = unanswered.get(host);
    return set === undefined ? 0 : set.size - (set.has(url) ? 1 : 0);
  };
  const checkOptions: CheckOptions = { ...options, signal: options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal };
  const late: string[] = [];
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
      const gaveUp = (): UrlResult => ({ url, verdict: 'warning', status: undefined, detail: `not checked: ${host} did not answer ${unansweredBudget} other links` });
      pending.push(
        (async () => {
          if (othersUnanswered(host, url) >= unansweredBudget) return void results.set(url, gaveUp());
          const result = await checkUrl(url, checkOptions, (task) =>
            limiter.run(host, async () => {
              // Queued behind links of a host that has stopped answering: give up at once
              // (a link already tried keeps its retries).
              if (!started.has(url) && othersUnanswered(host, url) >= unansweredBudget) throw new HostGaveUp();
              started.add(url);
              const outcome = await task();
              if ((outcome as { unanswered?: unknown }).unanswered === true) {
                unanswered.set(host, (unanswered.get(host) ?? new Set()).add(url));
              }
              return outcome;
            }),
          ).catch((error: unknown) => {
            if (error instanceof HostGaveUp) return gaveUp();
            throw error;
          });
          if (deadline.signal.aborted && result.status === undefined && !result.unanswered) late.push(url);
          results.set(url, result);
          options.cache?.set(result);
        })(),
      );
    }
    await Promise.all(pending);
  } finally {
    clearTimeout(timer);
    await Promise.allSettled(pending);
    options.cache?.save();
  }
  for (const url of late) {
    results.set(url, {
      url,
      verdict: 'warning',
      status: undefined,
      detail: `not checked in time: ${late.length} link${late.length === 1 ? ' was' : 's were'} left when the ${deadlineMs >= 1000 ? `${Math.round(deadlineMs / 1000)} s` : `${deadlineMs} ms`} deadline passed`,
    });
  }
  return results;
}

class HostGaveUp extends Error {}
