import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, tempRepo } from '../../packages/cli/src/test-support.js';
import { type HostileServers, startHostileServers } from '../support/hostile-servers.js';
import { changedPaths, snapshotTree } from '../support/snapshot.js';

/**
 * Issue 20 §4 end to end: `notes lint --external` from the CLI against hostile
 * servers on 127.0.0.1 (an endless 403, a gzip bomb, a host that never
 * answers, Retry-After 59, a redirect to another port, a loop, redirects to
 * file: and data:), and `--changed-since` given an option instead of a ref.
 * Each asserts exit code, the message, that the server was not drained, and
 * that nothing but the command's cache changed.
 */

let servers: HostileServers;
let base = '';
let otherBase = '';
let silentBase = '';

beforeAll(async () => {
  servers = await startHostileServers();
  ({ base, otherBase, silentBase } = servers);
});
afterAll(() => servers.close());

/** Runs the CLI without blocking this process (the servers answer from it). */
async function notes(args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, CI: 'true', GITHUB_STEP_SUMMARY: '' } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, output };
}

const CONFIG = { links: { timeoutMs: 800, retries: 0, backoffMs: 10, concurrencyPerHost: 2, deadlineSeconds: 60 } };

describe('lint --external against hostile servers', () => {
  it('bounds bodies, time and redirects, with a message for each, and writes only its cache', async () => {
    const links = [
      `[a](${base}/endless-403)`,
      `[b](${base}/bomb-403)`,
      `[c](${base}/retry-after-59)`,
      `[d](${base}/to-other-port)`,
      `[e](${base}/loop-a)`,
      `[f](${base}/to-file)`,
      `[g](${base}/to-data)`,
      ...Array.from({ length: 6 }, (_, index) => `[h${index}](${silentBase}/hang/${index})`),
    ];
    const root = tempRepo({
      'notes.config.json': JSON.stringify(CONFIG),
      'content/0.引言/0.ignore.md': '介绍。\n',
      'content/1.基础/1.注意力.md': `#### 1. 问题\n\n${links.join('\n\n')}\n`,
    });
    const before = snapshotTree(root);
    const result = await notes(['lint', '--external', '--no-cache'], root);
    expect(result.code, result.output).toBe(1);
    const line = (index: number) => new RegExp(`^${3 + index * 2}:1\\S* .*`, 'mu');
    const at = (index: number) => result.output.match(line(index))?.[0] ?? `(no finding on line ${3 + index * 2})`;
    // Bodies: read to the cap, so neither the endless stream nor the bomb's last bytes decide the verdict.
    expect(at(0)).toMatch(/HTTP 403/u);
    expect(servers.sent.get('/endless-403') ?? 0).toBeLessThan(16 * 1024 * 1024);
    expect(at(1)).toMatch(/HTTP 403/u);
    expect(at(1)).not.toMatch(/captcha|bot/iu);
    // Time: a 59 s Retry-After is not waited for.
    expect(at(2)).toMatch(/429/u);
    // Redirects: another port is reported, a loop and non-http targets are named.
    expect(at(3)).toMatch(new RegExp(`warning.*${new URL(otherBase).host.replace('.', '\\.')}`, 'u'));
    expect(at(4)).toMatch(/redirect loop/iu);
    expect(at(5)).toMatch(/file:/u);
    expect(at(6)).toMatch(/data:/u);
    for (const index of [5, 6]) expect(at(index)).not.toMatch(/request failed \(fetch failed\)/u);
    // A host that never answers: two time-outs, the rest not tried.
    const hangs = Array.from({ length: 6 }, (_, index) => at(7 + index));
    expect(hangs.filter((finding) => /no answer within 800 ms/u.test(finding)).length).toBeGreaterThanOrEqual(2);
    expect(hangs.filter((finding) => /not checked: 127\.0\.0\.1:\d+ did not answer 2 other links/u.test(finding)).length).toBeGreaterThanOrEqual(3);
    expect(result.output).not.toMatch(/internal error|\n\s+at \S+ \(/u);
    expect(changedPaths(before, snapshotTree(root)).filter((entry) => !entry.startsWith('.cache'))).toEqual([]);
  });

  it('refuses `--changed-since=--output=<path>`: git never sees an option, nothing is written anywhere', async () => {
    const root = tempRepo({ 'content/0.引言/0.ignore.md': '介绍。\n', 'content/1.基础/1.注意力.md': `#### 1. 问题\n\n[a](${base}/ok)\n` });
    const outside = mkdtempSync(path.join(os.tmpdir(), 'changed-since-'));
    try {
      for (const args of [['init', '-q'], ['add', '-A'], ['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '-m', 'notes']]) spawnSync('git', args, { cwd: root });
      const target = path.join(outside, 'written-by-git');
      const before = snapshotTree(root);
      const result = await notes(['lint', '--external', `--changed-since=--output=${target}`], root);
      expect(result.code, result.output).toBe(2);
      expect(result.output).toMatch(/--changed-since.*--output=/u);
      expect(result.output).not.toMatch(/checked 0 external links|internal error/u);
      expect(existsSync(target)).toBe(false);
      expect(changedPaths(before, snapshotTree(root)).filter((entry) => !entry.startsWith('.cache'))).toEqual([]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
