import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { detectInvocation } from './invocation.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function repository(scripts?: Record<string, string>, extra: Record<string, string> = {}): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'invocation-'));
  folders.push(root);
  if (scripts) writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'notes', scripts }));
  for (const [relative, text] of Object.entries(extra)) {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), text);
  }
  return root;
}

const SCRIPTS = {
  readme: 'llm-notes gen-readme',
  notes: 'llm-notes',
  // Chained: running it does more than the subcommand, so it is never suggested for it.
  'images:commit': 'llm-notes images && git add -A',
};

describe('detectInvocation', () => {
  it('names the bin when the bin was run', () => {
    const root = repository(SCRIPTS);
    const invocation = detectInvocation({ env: {}, entry: path.join(root, 'node_modules/.bin/llm-notes'), cwd: root, root });
    expect(invocation.command('gen-readme')).toBe('llm-notes gen-readme');
    expect(invocation.command('images', '--check')).toBe('llm-notes images --check');
  });

  it('names `npx llm-notes` when npx ran it', () => {
    const root = repository(SCRIPTS);
    const env = { npm_command: 'exec', npm_lifecycle_event: 'npx', npm_config_user_agent: 'npm/10.9.0 node/v20' };
    const invocation = detectInvocation({ env, entry: path.join(root, 'node_modules/.bin/llm-notes'), cwd: root, root });
    expect(invocation.command('images')).toBe('npx llm-notes images');
  });

  it('through a package script: the script that runs exactly the subcommand, else the generic one with arguments passed on', () => {
    const root = repository(SCRIPTS);
    const entry = path.join(root, 'node_modules/.bin/llm-notes');
    const pnpm = detectInvocation({ env: { npm_lifecycle_event: 'readme', npm_config_user_agent: 'pnpm/12.4.2 npm/? node/v20' }, entry, cwd: root, root });
    expect(pnpm.command('gen-readme')).toBe('pnpm readme');
    expect(pnpm.command('gen-readme', '--check')).toBe('pnpm readme --check');
    expect(pnpm.command('images')).toBe('pnpm notes images');
    const npm = detectInvocation({ env: { npm_lifecycle_event: 'readme', npm_config_user_agent: 'npm/10.9.0 node/v20' }, entry, cwd: root, root });
    expect(npm.command('gen-readme', '--check')).toBe('npm run readme -- --check');
    expect(npm.command('images', '--check')).toBe('npm run notes -- images --check');
  });

  it('never names a script the repository lacks', () => {
    const root = repository({ test: 'vitest run', readme: 'llm-notes gen-readme' });
    const entry = path.join(root, 'node_modules/.bin/llm-notes');
    const invocation = detectInvocation({ env: { npm_lifecycle_event: 'readme', npm_config_user_agent: 'pnpm/12.4.2' }, entry, cwd: root, root });
    expect(invocation.command('images')).toBe('llm-notes images');
    const bare = detectInvocation({ env: { npm_lifecycle_event: 'test', npm_config_user_agent: 'pnpm/12.4.2' }, entry, cwd: root, root: repository() });
    expect(bare.command('gen-readme')).toBe('llm-notes gen-readme');
  });

  it('run by path (a git hook): a matching script when there is one, else `npx` when installed, else node and the path', () => {
    const withScripts = repository({ 'gen-readme': 'node tools/notes.js gen-readme' }, { 'yarn.lock': '' });
    const hook = detectInvocation({ env: {}, entry: path.join(withScripts, 'tools/notes.js'), cwd: withScripts, root: withScripts });
    expect(hook.command('gen-readme')).toBe('yarn gen-readme');
    const installed = repository({}, { 'node_modules/.bin/llm-notes': '' });
    const viaInstalled = detectInvocation({ env: {}, entry: path.join(installed, 'node_modules/llm-notes-toolchain/bundle/notes.js'), cwd: installed, root: installed });
    expect(viaInstalled.command('images')).toBe('npx llm-notes images');
    const plain = repository();
    const byPath = detectInvocation({ env: {}, entry: path.join(plain, 'vendor/notes.js'), cwd: path.join(plain, 'docs'), root: plain });
    expect(byPath.command('lint', '--fix')).toBe(`node ${path.join('..', 'vendor', 'notes.js')} lint --fix`);
  });
});
