/** One external URL checked over HTTP: HEAD, then GET when HEAD is refused. */

export type UrlVerdict = 'ok' | 'broken' | 'warning';

export interface UrlResult {
  readonly url: string;
  readonly verdict: UrlVerdict;
  /** Final HTTP status, when a response came. */
  readonly status: number | undefined;
  readonly detail: string;
}

export interface CheckOptions {
  readonly timeoutMs: number;
  readonly retries: number;
  /** First backoff delay; doubles on each retry. */
  readonly backoffMs: number;
  /** Longest `Retry-After` honoured; a longer one ends in a warning. */
  readonly maxRetryAfterMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

async function request(url: string, method: 'HEAD' | 'GET', timeoutMs: number): Promise<Response> {
  return fetch(url, {
    method,
    redirect: 'follow',
    signal: AbortSignal.timeout(timeoutMs),
    headers: { 'user-agent': 'llm-notes-link-check (+https://github.com)', accept: '*/*' },
  });
}

async function readSome(response: Response): Promise<string> {
  try {
    return (await response.text()).slice(0, 4096);
  } catch {
    return '';
  }
}

/**
 * Checks one URL. Network errors, time-outs and 5xx are retried with
 * exponential backoff; a 429 waits for its `Retry-After`. 429 and bot-wall
 * 403s end as warnings; 404 and the like as broken.
 */
export async function checkUrl(url: string, options: CheckOptions): Promise<UrlResult> {
  let lastDetail = '';
  let waited = false;
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    // After a 429 the wait it asked for has been spent already.
    if (attempt > 0 && !waited) await sleep(options.backoffMs * 2 ** (attempt - 1));
    waited = false;
    let response: Response;
    try {
      response = await request(url, 'HEAD', options.timeoutMs);
      if (response.status === 405 || response.status === 501) {
        await response.body?.cancel();
        response = await request(url, 'GET', options.timeoutMs);
      }
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      lastDetail = (error as Error).name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : `request failed (${cause ?? (error as Error).message})`;
      continue;
    }
    const { status } = response;
    if (status < 400) {
      await response.body?.cancel();
      return { url, verdict: 'ok', status, detail: `HTTP ${status}` };
    }
    if (status === 429) {
      await response.body?.cancel();
      const wait = retryAfterMs(response.headers.get('retry-after')) ?? options.backoffMs * 2 ** attempt;
      if (attempt === options.retries || wait > options.maxRetryAfterMs) {
        return { url, verdict: 'warning', status, detail: 'HTTP 429 (rate limited); try again later' };
      }
      await sleep(wait);
      waited = true;
      continue;
    }
    if (status === 403) {
      const body = await readSome(response);
      if (isBotWall(response, body)) return { url, verdict: 'warning', status, detail: 'HTTP 403 from an anti-bot wall; check it in a browser' };
      return { url, verdict: 'broken', status, detail: 'HTTP 403' };
    }
    await response.body?.cancel();
    if (status >= 500) {
      lastDetail = `HTTP ${status}`;
      continue;
    }
    return { url, verdict: 'broken', status, detail: `HTTP ${status}` };
  }
  return { url, verdict: 'broken', status: undefined, detail: lastDetail };
}
