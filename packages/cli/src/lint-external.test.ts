import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, makeRepo } from './test-support.js';
import { inProcessCli } from '../../../tests/support/command-process.js';

let server: Server;
let base = '';
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(request.url ?? '');
    if (request.url === '/missing') return void response.writeHead(404).end();
    if (request.url === '/rate-limited') return void response.writeHead(429, { 'retry-after': '0' }).end();
    response.writeHead(200).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

// The CLI runs in the file's long-lived command process, so this process stays free to serve the HTTP
// requests; what is tested is each run's output, exit code and cache, not the process.
const run = inProcessCli();

describe('notes lint --external', () => {
  it('is off by default, reports 404 as an error and 429 as a warning, and keeps a cache', async () => {
    const note = `# 外链\n\n[好](${base}/fine)\n\n[坏](${base}/missing)\n\n[限流](${base}/rate-limited)\n`;
    const config = JSON.stringify({ links: { retries: 1, backoffMs: 10 } });
    const { root, cleanup } = makeRepo({ 'content/1.章/1.节.md': note, 'notes.config.json': config });
    try {
      seen.length = 0;
      const offline = await run(['lint', '--format', 'json'], root);
      expect(offline.code).toBe(0);
      expect(seen).toEqual([]);

      const online = await run(['lint', '--external', '--format', 'json'], root);
      expect(online.code).toBe(1);
      const messages = (JSON.parse(online.stdout) as { messages: { line: number; severity: string; ruleId: string }[] }[]).flatMap((file) => file.messages);
      expect(messages.filter((message) => message.ruleId === 'link-external').map((message) => `${message.line} ${message.severity}`)).toEqual(['5 error', '7 warning']);
      // Saved although the run failed.
      const cacheFile = path.join(root, '.cache/external-links.json');
      expect(existsSync(cacheFile)).toBe(true);
      expect(Object.keys(JSON.parse(readFileSync(cacheFile, 'utf8')))).toEqual([`${base}/fine`, `${base}/missing`]);
    } finally {
      cleanup();
    }
  });

  it('--changed-since checks only links added or changed since the ref', async () => {
    const { root, cleanup } = makeRepo({ 'content/1.章/1.节.md': `# 外链\n\n[旧](${base}/old)\n`, 'notes.config.json': '{}' });
    try {
      execFileSync('git', ['init', '-q'], { cwd: root });
      execFileSync('git', ['add', '-A'], { cwd: root });
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'base'], { cwd: root });
      const file = path.join(root, 'content/1.章/1.节.md');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n[新](${base}/new)\n`);
      seen.length = 0;
      const result = await run(['lint', '--external', '--changed-since', 'HEAD', '--no-cache'], root);
      expect(result.code).toBe(0);
      expect(seen.filter((url) => url === '/old')).toEqual([]);
      expect(seen).toContain('/new');
      const bad = await run(['lint', '--external', '--changed-since', 'no-such-ref'], root);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--changed-since');
    } finally {
      cleanup();
    }
  });

  it('is a rule like the others: listed, configured by severity, silenced by an ignore comment', async () => {
    const note = `# 外链\n\n[坏](${base}/missing)\n\n<!-- lint ignore link-external -->\n[也坏但忽略](${base}/missing?again)\n`;
    const { root, cleanup } = makeRepo({ 'content/1.章/1.节.md': note, 'notes.config.json': JSON.stringify({ rules: { 'link-external': 'warn' } }) });
    try {
      const list = await run(['lint', '--list-rules'], root);
      expect(list.stdout).toMatch(/link-external/u);
      expect(existsSync(path.resolve(BIN, '../../../../docs/rules/link-external.md'))).toBe(true);

      const warned = await run(['lint', '--external', '--rule', 'link-external', '--format', 'json', '--no-cache'], root);
      expect(warned.code).toBe(0); // a warning does not fail the run
      const messages = (JSON.parse(warned.stdout) as { messages: { line: number; severity: string; ruleId: string }[] }[]).flatMap((file) => file.messages);
      expect(messages.map((message) => `${message.line} ${message.ruleId} ${message.severity}`)).toEqual(['3 link-external warning']);

      writeFileSync(path.join(root, 'notes.config.json'), JSON.stringify({ rules: { 'link-external': 'off' } }));
      seen.length = 0;
      const off = await run(['lint', '--external', '--no-cache'], root);
      expect(off.code).toBe(0);
      expect(off.stderr).toContain('link-external is off in the config');
      expect(seen).toEqual([]);

      writeFileSync(path.join(root, 'notes.config.json'), '{}');
      const markdown = await run(['lint', '--external', '--rule', 'link-external', '--format', 'markdown', '--no-cache'], root);
      expect(markdown.code).toBe(1);
      // The earlier run's answer comes from the result cache (`links.cacheFile`).
      expect(markdown.stdout).toBe(
        `1 problem (1 error, 0 warnings) in 1 file.\n\n### \`content/1.章/1.节.md\`\n\n- **error** line 3: External link \`${base}/missing\` is broken: HTTP 404 (cached) (\`link-external\`)\n`,
      );
    } finally {
      cleanup();
    }
  });

  it('without a network (no host resolves) stops with one clear error, exit 2, and checks nothing', async () => {
    // `.invalid` names never resolve (RFC 2606): the run sees what an offline machine sees.
    const links = Array.from({ length: 6 }, (_, index) => `[链接 ${index}](https://host${index}.example.invalid/page)`).join('\n\n');
    const { root, cleanup } = makeRepo({ 'content/1.章/1.节.md': `# 外链\n\n${links}\n`, 'notes.config.json': '{}' });
    try {
      const result = await run(['lint', '--external', '--format', 'json'], root);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^notes lint: network unavailable: .*; 6 external links not checked/u);
      expect(existsSync(path.join(root, '.cache/external-links.json'))).toBe(false);
    } finally {
      cleanup();
    }
  });
});

