import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateAction } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const read = (relative: string) => readFileSync(path.join(root, relative), 'utf8');
const actionText = read('action.yml');
const release = JSON.parse(read('release/package.json')) as { name: string; version: string };

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  runs: { using: string; steps: Step[] };
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>;
}

describe('the GitHub Action (action.yml)', () => {
  const action = parse(actionText) as Action;

  it('validates against the action metadata schema', () => {
    expect(validateAction(actionText).errors).toEqual([]);
  });

  it('is a composite action with documented inputs for root, content, format, checks and the pinned version', () => {
    expect(action.runs.using).toBe('composite');
    for (const input of ['root', 'content', 'format', 'checks', 'version', 'package', 'node-version']) {
      expect(action.inputs[input]?.description, input).toMatch(/\w{3}/u);
    }
    expect(action.inputs.format?.default).toBe('github');
    expect(action.inputs.checks?.default).toBe('readme,lint,images');
    // The installed version is exact (no range) and is the package's own.
    expect(action.inputs.version?.default).toBe(release.version);
    expect(actionText).toContain(`${release.name}@\${NOTES_VERSION}`);
  });

  it('pins every action it uses by commit SHA, with the release in a comment', () => {
    for (const step of action.runs.steps) {
      if (step.uses === undefined) continue;
      expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/u);
      expect(actionText).toContain(`${step.uses} # v`);
    }
  });

  it('passes inputs to its scripts through the environment, never spliced into them', () => {
    for (const step of action.runs.steps) {
      if (step.run === undefined) continue;
      expect(step.shell).toBe('bash');
      expect(step.run).not.toContain('${{');
      expect(step.run).toContain('set -euo pipefail');
    }
  });

  it('installs outside the checkout without lifecycle scripts and runs `check` with the inputs', () => {
    const install = action.runs.steps.find((step) => step.id === 'install');
    expect(install?.run).toContain('--prefix "$prefix"');
    expect(install?.run).toContain('prefix="$RUNNER_TEMP/');
    expect(install?.run).toContain('--ignore-scripts');
    const check = action.runs.steps.at(-1)!;
    expect(check.run).toContain('check --root "$NOTES_ROOT" --format "$NOTES_FORMAT" --only "$NOTES_CHECKS"');
    expect(check.env).toMatchObject({
      NOTES_ROOT: '${{ inputs.root }}',
      NOTES_CONTENT: '${{ inputs.content }}',
      NOTES_FORMAT: '${{ inputs.format }}',
      NOTES_CHECKS: '${{ inputs.checks }}',
    });
  });
});

describe('this repository uses its action and publishes only on a tag', () => {
  it('CI packs the toolchain and runs the action from the checkout on every pull request', () => {
    const ci = parse(read('.github/workflows/ci.yml')) as Workflow;
    expect(Object.keys(ci.on)).toContain('pull_request');
    const steps = Object.values(ci.jobs).flatMap((job) => job.steps);
    const pack = steps.findIndex((step) => step.run?.trim() === 'pnpm release:pack');
    const uses = steps.findIndex((step) => step.uses === './');
    expect(pack).toBeGreaterThanOrEqual(0);
    expect(uses).toBeGreaterThan(pack);
    expect(steps[uses]?.with).toMatchObject({ package: 'artifacts' });
    expect(steps[uses]?.if).toBe(steps[pack]?.if);
  });

  it('publish.yml runs on a version tag only, with provenance, least privilege and no stored token', () => {
    const text = read('.github/workflows/publish.yml');
    const publish = parse(text) as Workflow;
    expect(publish.on).toEqual({ push: { tags: ['v*'] } });
    expect(publish.permissions).toEqual({ contents: 'read' });
    const jobs = Object.values(publish.jobs);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(text).not.toMatch(/secrets\.|NODE_AUTH_TOKEN|NPM_TOKEN/u);
    const runs = jobs[0]!.steps.flatMap((step) => (step.run ? [step.run.trim()] : []));
    const order = ['pnpm install --frozen-lockfile', 'release/package.json', 'pnpm test', 'pnpm release:pack', 'publish artifacts/*.tgz --provenance'];
    const at = order.map((part) => runs.findIndex((run) => run.includes(part)));
    expect(at.every((index) => index >= 0), JSON.stringify(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});
