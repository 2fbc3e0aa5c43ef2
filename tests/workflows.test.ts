import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const folder = path.join(root, '.github', 'workflows');
const workflows = readdirSync(folder)
  .filter((name) => /\.ya?ml$/u.test(name))
  .map((name) => ({ name, text: readFileSync(path.join(folder, name), 'utf8') }));
const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

interface Step {
  uses?: string;
  run?: string;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, { steps: Step[]; permissions?: unknown }>;
}

function steps(workflow: Workflow): Step[] {
  return Object.values(workflow.jobs).flatMap((job) => job.steps);
}

describe('GitHub workflows', () => {
  it('exist: one for pull requests, one scheduled for external links', () => {
    expect(workflows.map((workflow) => workflow.name).sort()).toEqual(['ci.yml', 'external-links.yml']);
  });

  for (const { name, text } of workflows) {
    describe(name, () => {
      const workflow = parse(text) as Workflow;

      it('validates against the workflow schema', () => {
        const state = validateWorkflow(text);
        expect(state.errors).toEqual([]);
      });

      it('is read-only, pins every action by commit SHA, never uses pull_request_target', () => {
        expect(workflow.permissions).toEqual({ contents: 'read' });
        for (const job of Object.values(workflow.jobs)) expect(job.permissions).toBeUndefined();
        expect(Object.keys(workflow.on)).not.toContain('pull_request_target');
        expect(text).not.toMatch(/secrets\./u);
        for (const step of steps(workflow)) {
          if (step.uses === undefined) continue;
          expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/u);
          // The version stays readable in a comment beside the SHA.
          expect(text).toMatch(new RegExp(`${step.uses.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')} # v\\d`, 'u'));
        }
      });

      it('cancels superseded runs', () => {
        expect(workflow.concurrency?.['cancel-in-progress']).toBe(true);
      });

      it('runs only pnpm scripts that exist in package.json', () => {
        for (const step of steps(workflow)) {
          for (const match of (step.run ?? '').matchAll(/\bpnpm (?!install\b)([\w:-]+)/gu)) {
            expect(Object.keys(scripts)).toContain(match[1]);
          }
        }
      });
    });
  }

  it('CI runs exactly `pnpm check` and `pnpm test`, as contributors do', () => {
    const ci = parse(workflows.find((workflow) => workflow.name === 'ci.yml')!.text) as Workflow;
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    const runs = steps(ci).flatMap((step) => (step.run ? [step.run.trim()] : []));
    expect(runs).toEqual(['pnpm install --frozen-lockfile', 'pnpm check --format github', 'pnpm test']);
    expect(text(ci)).toContain('12.4.2');
  });

  it('the external-link check never blocks: scheduled and manual only, failure tolerated', () => {
    const links = parse(workflows.find((workflow) => workflow.name === 'external-links.yml')!.text) as Workflow;
    expect(Object.keys(links.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const check = steps(links).find((step) => step.run?.includes('--external'));
    expect(check).toMatchObject({ 'continue-on-error': true });
    expect(steps(links).some((step) => step.uses?.startsWith('actions/upload-artifact@'))).toBe(true);
  });
});

function text(workflow: Workflow): string {
  return JSON.stringify(workflow);
}
