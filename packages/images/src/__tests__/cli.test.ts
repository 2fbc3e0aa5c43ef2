import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fewColoursPng, rgbaOpaquePng, truncatedPng } from './make-images.js';
import { inProcessCli } from '../../../../tests/support/command-process.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const bin = path.join(repoRoot, 'packages/cli/bundle/notes.js');

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'images-cli-'));
  mkdirSync(path.join(root, 'content/1.a/images'), { recursive: true });
  writeFileSync(path.join(root, 'content/1.a/1.note.md'), '# Note\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

// Each run goes through the file's long-lived command process: what is tested is its output, exit code and files.
const cli = inProcessCli();

function notes(args: string[], env: Record<string, string> = {}) {
  return cli([...args, '--root', root], root, env);
}

describe.skipIf(!existsSync(bin))('notes images (built CLI)', () => {
  it('check fails, images optimizes and writes the manifest and job summary, then check passes', async () => {
    writeFileSync(path.join(root, 'content/1.a/images/a.png'), await rgbaOpaquePng());
    writeFileSync(path.join(root, 'content/1.a/images/b.png'), await fewColoursPng());
    const before = await notes(['images', '--check']);
    expect(before.code).toBe(1);
    // In CI: one line per image that fails, no table repeating them.
    const lines = before.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^failed content\/1\.a\/images\/a\.png: \d+ → \d+ bytes \(not optimized\)$/u),
        expect.stringMatching(/^failed content\/1\.a\/images\/b\.png: /u),
      ]),
    );
    expect(before.stderr).toContain('2 images checked: 2 images failed');
    // The fix, as this run was started (the bundle by path; the repository has no package.json).
    expect(before.stderr).toMatch(/Run `node \S*notes\.js images` to optimize them\./u);
    expect(existsSync(path.join(root, 'content/images.manifest.json'))).toBe(false);

    const dry = await notes(['images', '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toMatch(/optimized content\/1\.a\/images\/a\.png/);
    expect(dry.stderr).toContain('2 images: 2 would be rewritten, 0 already up to date');
    expect(existsSync(path.join(root, 'content/images.manifest.json'))).toBe(false);
    expect((await notes(['images', '--check'])).code).toBe(1);

    const summary = path.join(root, 'summary.md');
    const run = await notes(['images'], { GITHUB_STEP_SUMMARY: summary });
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(2);
    expect(run.stdout).toMatch(/optimized content\/1\.a\/images\/a\.png/);
    const table = readFileSync(summary, 'utf8');
    expect(table).toMatch(/^### Image optimization\n\n\| file \| before \| after \| saved \| status \|/);
    expect(table).toContain('| total (2 images) |');

    const checked = path.join(root, 'checked.md');
    expect((await notes(['images', '--check'], { GITHUB_STEP_SUMMARY: checked })).code).toBe(0);
    // Every image checked is in the job summary's table, and the total counts them all.
    expect(readFileSync(checked, 'utf8')).toContain('| total (2 images) |');
    const manifest = JSON.parse(readFileSync(path.join(root, 'content/images.manifest.json'), 'utf8'));
    expect(Object.keys(manifest.images)).toEqual(['content/1.a/images/a.png', 'content/1.a/images/b.png']);

    const again = await notes(['images']);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/0 rewritten, 2 already up to date/);
    expect((await notes(['images', '--dry-run'])).code).toBe(0);
  });

  it('a broken image fails the run with its name while the others are optimized; --check <file> checks only that file', async () => {
    writeFileSync(path.join(root, 'content/1.a/images/good.png'), await rgbaOpaquePng());
    writeFileSync(path.join(root, 'content/1.a/images/cut.png'), await truncatedPng());
    const run = await notes(['images']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error content\/1\.a\/images\/cut\.png: .*cannot decode/);
    expect(run.stdout).toMatch(/optimized content\/1\.a\/images\/good\.png/);
    // A path relative to the working folder, without --root.
    const one = await cli(['images', '--check', 'content/1.a/images/good.png'], root);
    expect(one.code).toBe(0);
  });

  it('the manifest follows --content and the config, and nothing is left behind when its folder is missing', async () => {
    // Chapters at the root, as many notes repositories keep them.
    mkdirSync(path.join(root, '1.b/images'), { recursive: true });
    writeFileSync(path.join(root, '1.b/1.note.md'), '# Note\n');
    writeFileSync(path.join(root, '1.b/images/a.png'), await rgbaOpaquePng());
    const check = await notes(['images', '--check', '--content', '.']);
    expect(check.code).toBe(1);
    // The command to run next, as this run was started: never a script the repository lacks.
    expect(check.stderr).toMatch(/Run `node \S*notes\.js images` to optimize them\./);
    expect(check.stderr).not.toContain('pnpm');
    expect((await notes(['images', '--content', '.'])).code).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(path.join(root, 'images.manifest.json'), 'utf8')).images)).toContain('1.b/images/a.png');
    expect(existsSync(path.join(root, 'content/images.manifest.json'))).toBe(false);
    expect((await notes(['images', '--check', '--content', '.'])).code).toBe(0);

    writeFileSync(path.join(root, 'notes.config.json'), JSON.stringify({ images: { manifest: 'build/images.json' } }));
    const image = await rgbaOpaquePng();
    writeFileSync(path.join(root, 'content/1.a/images/a.png'), image);
    const missingFolder = await notes(['images']);
    expect(missingFolder.code).toBe(2);
    expect(missingFolder.stderr).toContain('content/build/images.json: the folder of the image manifest does not exist');
    expect(readFileSync(path.join(root, 'content/1.a/images/a.png')).equals(image)).toBe(true);
    expect(existsSync(path.join(root, 'content/build'))).toBe(false);
    expect(readdirSync(path.join(root, 'content')).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});
