// End to end: the built `notes fix` on a temporary repository (run `pnpm build` first).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { inProcessCli } from '../../../tests/support/command-process.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(repoRoot, 'packages/cli/bundle/notes.js');

const NOTE = 'content/1.基础/1.笔记.md';
const CRLF_NOTE = 'content/1.基础/2.换行.md';
const noteText = '# 笔记\n\n文字在上面:\n![模型](./images/a.png)\n\n- 列表项:\n  ![列表图](./images/a.png)\n- 下一项\n';
const crlfText = '# 换行\r\n\r\n说明:\r\n![图](./images/a.png)\r\n';
const outsideText = 'Outside the content folder:\n![x](./x.png)\n';

const made: string[] = [];
afterAll(() => {
  for (const root of made) rmSync(root, { recursive: true, force: true });
});

function makeRepo(style: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'image-markup-cli-'));
  made.push(root);
  mkdirSync(path.join(root, 'content/1.基础/images'), { recursive: true });
  mkdirSync(path.join(root, 'node_modules/pkg'), { recursive: true });
  writeFileSync(path.join(root, 'notes.config.json'), JSON.stringify({ images: { style } }));
  writeFileSync(path.join(root, 'content/1.基础/images/a.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
  writeFileSync(path.join(root, NOTE), noteText);
  writeFileSync(path.join(root, CRLF_NOTE), crlfText);
  writeFileSync(path.join(root, 'node_modules/pkg/README.md'), outsideText);
  writeFileSync(path.join(root, 'outside.md'), outsideText);
  return root;
}

// Each run goes through the file's long-lived command process: what is tested is its output, exit code and files.
const cli = inProcessCli();

async function notes(root: string, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const result = await cli(['fix', '--root', root, ...args], root);
  return { status: result.code, stdout: result.stdout, stderr: result.stderr };
}

const read = (root: string, file: string): string => readFileSync(path.join(root, file), 'utf8');

describe('notes fix with the image rules', () => {
  it('needs the built CLI', async () => {
    expect(existsSync(bin), 'run `pnpm build` first').toBe(true);
  });

  it('--dry-run prints the diff, writes nothing, and exits 1 since files would change', async () => {
    const root = makeRepo('own-line');
    const run = await notes(root, '--dry-run');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`--- a/${NOTE}`);
    expect(run.stdout).toContain(`+++ b/${CRLF_NOTE}`);
    expect(run.stdout).toContain(' 文字在上面:\n+\n ![模型](./images/a.png)');
    expect(run.stderr).toContain('would fix');
    expect(read(root, NOTE)).toBe(noteText);
    expect(read(root, CRLF_NOTE)).toBe(crlfText);
  });

  it('applies the configured style, prints file, rule and count, keeps CRLF, and settles', async () => {
    const root = makeRepo('own-line');
    const first = await notes(root);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`${NOTE}: image-own-line ×2`);
    expect(first.stdout).toContain(`${CRLF_NOTE}: image-own-line ×1`);
    expect(read(root, NOTE)).toBe('# 笔记\n\n文字在上面:\n\n![模型](./images/a.png)\n\n- 列表项:\n\n  ![列表图](./images/a.png)\n- 下一项\n');
    expect(read(root, CRLF_NOTE)).toBe('# 换行\r\n\r\n说明:\r\n\r\n![图](./images/a.png)\r\n');

    const second = await notes(root);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe('');
    expect(second.stderr).toContain('fixed 0 problems in 0 files');
  });

  it('--rule applies a style the config did not choose, and image-markdown takes it back', async () => {
    const root = makeRepo('own-line');
    await notes(root);
    const spaced = read(root, NOTE);
    const html = await notes(root, '--rule', 'image-html-centered');
    expect(html.status).toBe(0);
    expect(html.stdout).toContain(`${NOTE}: image-html-centered ×2`);
    expect(read(root, NOTE)).toContain('  <p align="center"><img width="900" alt="列表图" src="./images/a.png"></p>\n- 下一项');
    expect(read(root, CRLF_NOTE)).toBe('# 换行\r\n\r\n说明:\r\n\r\n<p align="center"><img width="900" alt="图" src="./images/a.png"></p>\r\n');
    expect((await notes(root, '--rule', 'image-html-centered')).stdout).toBe('');

    const back = await notes(root, '--rule', 'image-markdown');
    expect(back.stdout).toContain(`${NOTE}: image-markdown ×2`);
    expect(read(root, NOTE)).toBe(spaced);
  });

  it('fixes Markdown anywhere in the repository, never under node_modules, even when named', async () => {
    const root = makeRepo('own-line');
    const run = await notes(root, 'outside.md', 'node_modules/pkg/README.md');
    expect(run.status).toBe(0);
    expect(read(root, 'outside.md')).not.toBe(outsideText);
    expect(read(root, 'node_modules/pkg/README.md')).toBe(outsideText);
    await notes(root);
    expect(read(root, 'node_modules/pkg/README.md')).toBe(outsideText);
  });
});
