import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HostileServers, startHostileServers } from '../../../../tests/support/hostile-servers.js';
import { InvalidRefError, changedLinesSince, resolveCommit } from './changed-lines.js';
import { checkAll } from './check-all.js';
import { type CheckOptions, MAX_BODY_BYTES, checkUrl } from './check-url.js';

/**
 * The external checker is bounded in bytes, time and hops: bodies are read
 * only up to a cap (also after decompression), a host that stops answering
 * costs at most two time-outs, the whole run has a deadline, a long
 * Retry-After is not waited for and a short one does not hold a slot,
 * redirects go only to http(s), never in a loop, and a move to another host
 * or port is reported. Servers listen on 127.0.0.1 only.
 */

let servers: HostileServers;
let base = '';
let otherBase = '';
let hits: ReadonlyMap<string, number> = new Map();
let sent: ReadonlyMap<string, number> = new Map();

beforeAll(async () => {
  servers = await startHostileServers();
  ({ base, otherBase, hits, sent } = servers);
});
afterAll(() => servers.close());

const options: CheckOptions = { timeoutMs: 400, retries: 2, backoffMs: 20, maxRetryAfterMs: 60_000 };

describe('byte caps', () => {
  it('reads a never-ending 403 body only up to the cap', async () => {
    const result = await checkUrl(`${base}/endless-403`, options);
    expect(result).toMatchObject({ verdict: 'broken', status: 403, detail: 'HTTP 403' });
    // The server could push little more than the cap plus socket buffers before the reader cancelled.
    expect(sent.get('/endless-403') ?? 0).toBeLessThan(16 * 1024 * 1024);
  });

  it('reads a gzip bomb only up to the cap after decompression (the phrase at its end is never reached)', async () => {
    const result = await checkUrl(`${base}/bomb-403`, options);
    // Read whole, the body would end in "captcha" and make this a bot-wall warning.
    expect(result).toMatchObject({ verdict: 'broken', status: 403, detail: 'HTTP 403' });
    expect(MAX_BODY_BYTES).toBeLessThan(1024 * 1024);
  });
});

describe('time bounds', () => {
  it('stops trying a host after two links got no answer', async () => {
    const urls = Array.from({ length: 6 }, (_, index) => `${base}/hang/${index}`);
    const results = await checkAll(urls, { ...options, retries: 1, concurrencyPerHost: 2, exclude: [], cache: undefined });
    const details = urls.map((url) => results.get(url)?.detail ?? '');
    const tried = [...hits.keys()].filter((url) => url.startsWith('/hang/'));
    // Two links in flight at once; once two got no answer, no new link is tried (a third may
    // have taken the slot the first freed before the second timed out).
    expect(tried.length).toBeGreaterThanOrEqual(2);
    expect(tried.length).toBeLessThanOrEqual(3);
    expect(details.filter((detail) => detail === 'no answer within 400 ms')).toHaveLength(tried.length);
    expect(details.filter((detail) => detail === `not checked: ${new URL(base).host} did not answer 2 other links`)).toHaveLength(6 - tried.length);
  });

  it('ends at the overall deadline and says how many links were not checked in time', async () => {
    const urls = Array.from({ length: 5 }, (_, index) => `${base}/slow/${index}`);
    const results = await checkAll(urls, { ...options, timeoutMs: 5000, concurrencyPerHost: 1, exclude: [], cache: undefined, deadlineMs: 300 });
    const details = urls.map((url) => results.get(url)?.detail ?? '');
    for (const detail of details) expect(detail).toBe('not checked in time: 5 links were left when the 300 ms deadline passed');
    expect(urls.map((url) => results.get(url)?.verdict)).toEqual(Array(5).fill('warning'));
  });

  it('does not wait for a Retry-After beyond 10 s, whatever the config says', async () => {
    const result = await checkUrl(`${base}/retry-after-59`, options);
    expect(result).toMatchObject({ verdict: 'warning', status: 429 });
    expect(hits.get('/retry-after-59')).toBe(1);
  });

  it('waits for a short Retry-After without holding the host’s only slot', async () => {
    const order: string[] = [];
    const results = await checkAll([`${base}/retry-after-1`, `${base}/ok`], {
      ...options,
      concurrencyPerHost: 1,
      exclude: [],
      cache: undefined,
    }).then((map) => {
      // A map keeps insertion order: the order in which the results arrived.
      for (const [url, result] of map) order.push(`${new URL(url).pathname}:${result.verdict}`);
      return map;
    });
    expect(results.get(`${base}/retry-after-1`)).toMatchObject({ verdict: 'ok' });
    expect(results.get(`${base}/ok`)).toMatchObject({ verdict: 'ok' });
    // `/ok` was answered while `/retry-after-1` waited out its second: it finished first.
    expect(order).toEqual(['/ok:ok', '/retry-after-1:ok']);
  });
});

describe('redirects', () => {
  it('reports a redirect to another port, naming the address', async () => {
    const result = await checkUrl(`${base}/to-other-port`, options);
    expect(result).toMatchObject({ verdict: 'warning', status: 200 });
    expect(result.detail).toBe(`redirects to another host or port (${otherBase}/ok); link the final address`);
  });

  it('names a redirect loop', async () => {
    const result = await checkUrl(`${base}/loop-a`, options);
    expect(result).toMatchObject({ verdict: 'broken', status: 302 });
    expect(result.detail).toMatch(/^redirect loop \(.*\/loop-a → .*\/loop-b → .*\/loop-a\)$/u);
  });

  it('never follows a redirect to file: or data:, and says so', async () => {
    expect(await checkUrl(`${base}/to-file`, options)).toMatchObject({ verdict: 'broken', detail: 'redirects to a `file:` address (only http and https are followed)' });
    expect(await checkUrl(`${base}/to-data`, options)).toMatchObject({ verdict: 'broken', detail: 'redirects to a `data:` address (only http and https are followed)' });
  });
});

describe('git refs for --changed-since', () => {
  const repo = mkdtempSync(path.join(os.tmpdir(), 'changed-since-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: repo, stdio: 'pipe' });

  it('refuses an option-like ref before git sees it, and writes nothing', () => {
    git('init', '-q');
    writeFileSync(path.join(repo, 'a.md'), 'a\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'a');
    const target = path.join(repo, 'written-by-git.txt');
    expect(() => changedLinesSince(repo, `--output=${target}`)).toThrow(InvalidRefError);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(repo).sort()).toEqual(['.git', 'a.md']);
    expect(() => resolveCommit(repo, 'no-such-branch')).toThrow(/unknown git ref `no-such-branch`/u);
    expect(resolveCommit(repo, 'HEAD')).toMatch(/^[0-9a-f]{40}$/u);
    expect(changedLinesSince(repo, 'HEAD').size).toBe(0);
  });
});
