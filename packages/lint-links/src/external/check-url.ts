/** One external URL checked over HTTP: HEAD, then GET when HEAD is refused; redirects followed by hand. */

export type UrlVerdict = 'ok' | 'broken' | 'warning';

export interface UrlResult {
  readonly url: string;
  readonly verdict: UrlVerdict;
  /** Final HTTP status, when a response came. */
  readonly status: number | undefined;
  readonly detail: string;
  /** True when no answer came (time-out, refused connection): counts against the host's budget. */
  readonly unanswered?: boolean;
}

export interface CheckOptions {
  readonly timeoutMs: number;
  readonly retries: number;
  /** First backoff delay; doubles on each retry. */
  readonly backoffMs: number;
  /** Longest `Retry-After` honoured (at most `MAX_RETRY_AFTER_MS`); a longer one ends in a warning. */
  readonly maxRetryAfterMs: number;
  /** Aborts every request and wait when the overall deadline passes. */
  readonly signal?: AbortSignal;
}

/** Whatever the config says, no link makes the run wait longer than this for a 429. */
export const MAX_RETRY_AFTER_MS = 10_000;

/** Bytes of a body ever read (after decompression): enough to recognize an anti-bot page. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Redirect hops followed before giving up. */
export const MAX_REDIRECTS = 5;

/** Runs one network attempt while holding the host's slot; waits happen outside it. */
export type SlotRunner = <T>(task: () => Promise<T>) => Promise<T>;

const direct: SlotRunner = (task) => task();

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** `Retry-After` in milliseconds (seconds or an HTTP date), undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A 403 that comes from an anti-bot wall rather than the page: the page may well exist. */
function isBotWall(response: Response, body: string): boolean {
  const server = response.headers.get('server') ?? '';
  return response.headers.has('cf-mitigated') || /cloudflare|akamai|ddos-guard|sucuri/iu.test(server) || /captcha|just a moment|challenge|are you a robot|access denied/iu.test(body);
}

/** The first `MAX_BODY_BYTES` of a body (decompressed), then the stream is cancelled: no body is buffered whole. */
export async function readCapped(response: Response, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    while (length < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.length;
    }
  } catch {
    // A broken body still leaves what was read.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
}

/**
 * A signal that aborts after `ms` with a TimeoutError. Not `AbortSignal.timeout`: combined through
 * `AbortSignal.any` (the run's deadline), only a weak reference to it remains, and once garbage
 * collected it never fires, so a server that never answers held the request forever. The pending
 * timer holds this one (unref'd: it does not keep the process alive).
 */
function timeoutSignal(ms: number): AbortSignal {
  const controller = new AbortController();
  setTimeout(() => controller.abort(new DOMException(`no answer within ${ms} ms`, 'TimeoutError')), ms).unref();
  return controller.signal;
}

function request(url: string, method: 'HEAD' | 'GET', options: CheckOptions): Promise<Response> {
  const timeout = timeoutSignal(options.timeoutMs);
  return fetch(url, {
    method,
    redirect: 'manual',
    signal: options.signal ? AbortSignal.any([timeout, options.signal]) : timeout,
    headers: { 'user-agent': 'llm-notes-link-check (+https://github.com)', accept: '*/*', 'accept-encoding': 'gzip, deflate, br' },
  });
}

/** `host:port` with the scheme's default port spelled out, so http→https on the same host is no change of port. */
function origin(url: URL): string {
  return `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
}

function sameOriginButScheme(from: URL, to: URL): boolean {
  if (from.hostname !== to.hostname) return false;
  if (origin(from) === origin(to)) return true;
  // http://host → https://host (default ports both): an upgrade, not a move.
  return from.protocol === 'http:' && to.protocol === 'https:' && from.port === '' && to.port === '';
}

type Hop =
  | { readonly kind: 'response'; readonly response: Response; readonly finalUrl: string; readonly moved: string | undefined }
  | { readonly kind: 'result'; readonly result: UrlResult };

/** One request with its redirects followed by hand: only to http(s), never in a loop, at most `MAX_REDIRECTS`. */
async function fetchFollowing(url: string, method: 'HEAD' | 'GET', options: CheckOptions): Promise<Hop> {
  const seen = [url];
  let current = new URL(url);
  let moved: string | undefined;
  for (let hop = 0; ; hop++) {
    const response = await request(current.href, method, options);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || location === null) return { kind: 'response', response, finalUrl: current.href, moved };
    await response.body?.cancel().catch(() => undefined);
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      return { kind: 'result', result: { url, verdict: 'broken', status: response.status, detail: `HTTP ${response.status} redirects to an invalid address` } };
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      return { kind: 'result', result: { url, verdict: 'broken', status: response.status, detail: `redirects to a \`${next.protocol}\` address (only http and https are followed)` } };
    }
    if (seen.includes(next.href)) {
      return { kind: 'result', result: { url, verdict: 'broken', status: response.status, detail: `redirect loop (${[...seen, next.href].slice(-3).join(' → ')})` } };
    }
    if (hop + 1 > MAX_REDIRECTS) return { kind: 'result', result: { url, verdict: 'broken', status: response.status, detail: `more than ${MAX_REDIRECTS} redirects` } };
    if (!sameOriginButScheme(current, next)) moved ??= next.href;
    seen.push(next.href);
    current = next;
  }
}

function failureDetail(error: unknown, options: CheckOptions): string {
  if (options.signal?.aborted) return 'not checked in time (overall deadline passed)';
  if ((error as Error).name === 'TimeoutError') return `no answer within ${options.timeoutMs} ms`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return `request failed (${cause?.code ?? cause?.message ?? (error as Error).message})`;
}

/**
 * Checks one URL. Network errors, time-outs and 5xx are retried with
 * exponential backoff; a 429 waits for its `Retry-After` (capped). Each
 * request runs through `inSlot` (the host's concurrency limit); every wait
 * happens outside it, so a waiting link never holds a slot. 429 and bot-wall
 * 403s end as warnings, a redirect to another host or port as a warning that
 * names it; 404 and the like as broken.
 */
export async function checkUrl(url: string, options: CheckOptions, inSlot: SlotRunner = direct): Promise<UrlResult> {
  const maxRetryAfter = Math.min(options.maxRetryAfterMs, MAX_RETRY_AFTER_MS);
  let lastDetail = '';
  let unanswered = false;
  let wait = 0;
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    if (attempt > 0) await sleep(wait, options.signal);
    if (options.signal?.aborted) break;
    wait = options.backoffMs * 2 ** attempt;
    const outcome = await inSlot(async (): Promise<UrlResult | { retryAfter: number } | { retry: string; unanswered: boolean }> => {
      let hop: Hop;
      try {
        hop = await fetchFollowing(url, 'HEAD', options);
        if (hop.kind === 'response' && (hop.response.status === 405 || hop.response.status === 501)) {
          await hop.response.body?.cancel().catch(() => undefined);
          hop = await fetchFollowing(url, 'GET', options);
        }
      } catch (error) {
        return { retry: failureDetail(error, options), unanswered: true };
      }
      if (hop.kind === 'result') return hop.result;
      const { response, moved } = hop;
      const { status } = response;
      if (status < 400) {
        await response.body?.cancel().catch(() => undefined);
        if (moved !== undefined) return { url, verdict: 'warning', status, detail: `redirects to another host or port (${moved}); link the final address` };
        return { url, verdict: 'ok', status, detail: `HTTP ${status}` };
      }
      if (status === 429) {
        await response.body?.cancel().catch(() => undefined);
        return { retryAfter: retryAfterMs(response.headers.get('retry-after')) ?? options.backoffMs * 2 ** attempt };
      }
      if (status === 403) {
        const body = await readCapped(response);
        if (isBotWall(response, body)) return { url, verdict: 'warning', status, detail: 'HTTP 403 from an anti-bot wall; check it in a browser' };
        return { url, verdict: 'broken', status, detail: 'HTTP 403' };
      }
      await response.body?.cancel().catch(() => undefined);
      if (status >= 500) return { retry: `HTTP ${status}`, unanswered: false };
      return { url, verdict: 'broken', status, detail: `HTTP ${status}` };
    });
    if ('verdict' in outcome) return outcome;
    if ('retryAfter' in outcome) {
      if (attempt === options.retries || outcome.retryAfter > maxRetryAfter) {
        return { url, verdict: 'warning', status: 429, detail: 'HTTP 429 (rate limited); try again later' };
      }
      wait = outcome.retryAfter;
      lastDetail = 'HTTP 429 (rate limited); try again later';
      continue;
    }
    lastDetail = outcome.retry;
    unanswered = outcome.unanswered;
  }
  if (options.signal?.aborted) return { url, verdict: 'warning', status: undefined, detail: 'not checked in time (overall deadline passed)' };
  return { url, verdict: 'broken', status: undefined, detail: lastDetail, ...(unanswered ? { unanswered } : {}) };
}
