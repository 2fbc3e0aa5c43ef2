import { existsSync, readFileSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAll } from './check-all.js';
import { type CheckOptions, checkUrl, retryAfterMs } from './check-url.js';
import { ResultCache } from './result-cache.js';
import { tempFolder } from '../../../../tests/support/temp-folder.js';

/** Requests seen per path, and the most requests a path had open at once. */
const hits = new Map<string, number>();
const open = { now: 0, max: 0 };
let base = '';
let server: Server;

function route(request: IncomingMessage, response: ServerResponse): void {
  const url = request.url ?? '/';
  const count = (hits.get(url) ?? 0) + 1;
  hits.set(url, count);
  if (url === '/ok') return void response.writeHead(200).end('fine');
  if (url.startsWith('/chain/')) {
    const step = Number(url.slice('/chain/'.length));
    if (step >= 3) return void response.writeHead(200).end('arrived');
    return void response.writeHead(301, { location: `/chain/${step + 1}` }).end();
  }
  if (url === '/missing') return void response.writeHead(404).end('nope');
  if (url === '/head-refused') {
    if (request.method === 'HEAD') return void response.writeHead(405).end();
    return void response.writeHead(200).end('get works');
  }
  if (url === '/rate-limited-once') {
    if (count === 1) return void response.writeHead(429, { 'retry-after': '1' }).end();
    return void response.writeHead(200).end('now');
  }
  if (url === '/always-rate-limited') return void response.writeHead(429, { 'retry-after': '0' }).end();
  if (url === '/bot-wall') return void response.writeHead(403, { 'cf-mitigated': 'challenge' }).end('Just a moment...');
  if (url === '/forbidden') return void response.writeHead(403).end('private');
  if (url === '/slow') return void setTimeout(() => response.writeHead(200).end('late'), 1500);
  if (url === '/reset') return void request.socket.destroy();
  if (url.startsWith('/busy/')) {
    open.now++;
    open.max = Math.max(open.max, open.now);
    setTimeout(() => {
      open.now--;
      response.writeHead(200).end('done');
    }, 100);
    return;
  }
  response.writeHead(500).end();
}

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const options: CheckOptions = { timeoutMs: 500, retries: 2, backoffMs: 20, maxRetryAfterMs: 5000 };

describe('checkUrl against a local server', () => {
  it('accepts 200 and follows a chain of 301s', async () => {
    expect((await checkUrl(`${base}/ok`, options)).verdict).toBe('ok');
    expect(await checkUrl(`${base}/chain/0`, options)).toMatchObject({ verdict: 'ok', status: 200 });
    expect(hits.get('/chain/3')).toBe(1);
  });

  it('reports 404 as broken, without retrying', async () => {
    expect(await checkUrl(`${base}/missing`, options)).toMatchObject({ verdict: 'broken', status: 404 });
    expect(hits.get('/missing')).toBe(1);
  });

  it('falls back to GET when HEAD is refused', async () => {
    expect(await checkUrl(`${base}/head-refused`, options)).toMatchObject({ verdict: 'ok', status: 200 });
  });

  it('waits for Retry-After on 429 and then succeeds', async () => {
    const started = Date.now();
    expect(await checkUrl(`${base}/rate-limited-once`, options)).toMatchObject({ verdict: 'ok' });
    expect(hits.get('/rate-limited-once')).toBe(2);
    // Behaviour, not speed: the second request came only after the server's one-second wait.
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('reports a lasting 429 and a bot-wall 403 as warnings, a plain 403 as broken', async () => {
    expect(await checkUrl(`${base}/always-rate-limited`, options)).toMatchObject({ verdict: 'warning', status: 429 });
    expect(hits.get('/always-rate-limited')).toBe(3);
    expect(await checkUrl(`${base}/bot-wall`, options)).toMatchObject({ verdict: 'warning', status: 403 });
    expect(await checkUrl(`${base}/forbidden`, options)).toMatchObject({ verdict: 'broken', status: 403 });
  });

  it('gives up on slow answers and resets after its retries', async () => {
    const slow = await checkUrl(`${base}/slow`, { ...options, retries: 1 });
    expect(slow).toMatchObject({ verdict: 'broken' });
    expect(slow.detail).toContain('no answer within 500 ms');
    expect(hits.get('/slow')).toBe(2);
    const reset = await checkUrl(`${base}/reset`, options);
    expect(reset.verdict).toBe('broken');
    expect(reset.detail).toContain('request failed');
    expect(hits.get('/reset')).toBe(3);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(retryAfterMs(null)).toBeUndefined();
  });
});

describe('checkAll', () => {
  it('keeps to the per-host limit, skips excluded URLs and caches definite answers', async () => {
    const folder = tempFolder('external-cache-');
    const cacheFile = path.join(folder, 'cache/external-links.json');
    const busy = Array.from({ length: 8 }, (_, index) => `${base}/busy/${index}`);
    const urls = [...busy, `${base}/missing`, `${base}/excluded/page`, `${base}/always-rate-limited`];
    const cache = new ResultCache(cacheFile, 3_600_000);
    const first = await checkAll(urls, { ...options, concurrencyPerHost: 2, exclude: ['/excluded/'], cache });
    expect(open.max).toBe(2);
    expect(first.has(`${base}/excluded/page`)).toBe(false);
    expect(first.get(`${base}/missing`)?.verdict).toBe('broken');
    expect(existsSync(cacheFile)).toBe(true);
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(stored)).toContain(`${base}/missing`);
    expect(Object.keys(stored)).not.toContain(`${base}/always-rate-limited`);

    const missingHits = hits.get('/missing');
    const again = await checkAll(urls, { ...options, concurrencyPerHost: 2, exclude: ['/excluded/'], cache: new ResultCache(cacheFile, 3_600_000) });
    expect(hits.get('/missing')).toBe(missingHits);
    expect(again.get(`${base}/missing`)?.detail).toContain('(cached)');
    // An expired entry is asked again.
    const later = new ResultCache(cacheFile, 3_600_000, () => Date.now() + 7_200_000);
    expect(later.get(`${base}/missing`)).toBeUndefined();
  });
});
