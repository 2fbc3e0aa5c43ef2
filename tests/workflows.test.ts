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
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  engines: { node: string };
  packageManager: string;
};
const scripts = manifest.scripts;

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  'continue-on-error'?: unknown;
}
interface Job {
  steps: Step[];
  permissions?: Record<string, string>;
  strategy?: { matrix?: Record<string, unknown> };
  needs?: string | string[];
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

/**
 * The first major of each action that runs on the Node 24 action runtime
 * (the Node 20 runtime is retired from GitHub's runners). A pin below these
 * would fail on a current runner.
 */
const NODE24_MAJOR: Record<string, number> = {
  'actions/checkout': 5,
  'actions/setup-node': 5,
  'actions/upload-artifact': 6,
  'actions/github-script': 8,
  'pnpm/action-setup': 5,
  'actions/configure-pages': 6,
  'actions/upload-pages-artifact': 5,
  'actions/deploy-pages': 5,
};

/** The Node line CI targets: an LTS line, not one past its end of life. */
const TARGET_NODE = '24';

function steps(workflow: Workflow): Step[] {
  return Object.values(workflow.jobs).flatMap((job) => job.steps);
}

function load(name: string): Workflow {
  return parse(workflows.find((workflow) => workflow.name === name)!.text) as Workflow;
}

describe('GitHub workflows', () => {
  it('exist: one for pull requests, one scheduled for external links, one for the site', () => {
    expect(workflows.map((workflow) => workflow.name)).toEqual(expect.arrayContaining(['ci.yml', 'external-links.yml', 'pages.yml']));
  });

  for (const { name, text } of workflows) {
    describe(name, () => {
      const workflow = parse(text) as Workflow;

      it('validates against the workflow schema', () => {
        const state = validateWorkflow(text);
        expect(state.errors).toEqual([]);
      });

      it('is read-only by default, pins every action by commit SHA, never uses pull_request_target', () => {
        expect(workflow.permissions).toEqual({ contents: 'read' });
        expect(Object.keys(workflow.on)).not.toContain('pull_request_target');
        expect(text).not.toMatch(/secrets\./u);
        for (const step of steps(workflow)) {
          if (step.uses === undefined || step.uses.startsWith('./')) continue;
          expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/u);
          // The release stays readable in a comment beside the SHA.
          expect(text).toMatch(new RegExp(`${step.uses.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')} # v\\d+\\.\\d+\\.\\d+\\n`, 'u'));
        }
      });

      it('uses action majors that run on the Node 24 action runtime', () => {
        for (const match of text.matchAll(/uses: ([\w.-]+\/[\w.-]+)@[0-9a-f]{40} # v(\d+)/gu)) {
          const [, action, major] = match;
          expect(Object.keys(NODE24_MAJOR), `${action} has no known Node 24 major`).toContain(action);
          expect(Number(major), action).toBeGreaterThanOrEqual(NODE24_MAJOR[action!]!);
        }
      });

      it('sets up Node 24 (and, in a matrix, the oldest Node `engines` accepts), never an end-of-life line alone', () => {
        for (const job of Object.values(workflow.jobs)) {
          for (const step of job.steps) {
            if (!step.uses?.startsWith('actions/setup-node@')) continue;
            const version = String(step.with?.['node-version']);
            if (version.includes('matrix.node')) expect(job.strategy?.matrix?.node).toContain(TARGET_NODE);
            else expect(version).toBe(TARGET_NODE);
          }
        }
      });

      it('takes the pnpm version from package.json `packageManager`, not a second copy', () => {
        for (const step of steps(workflow)) {
          if (step.uses?.startsWith('pnpm/action-setup@')) expect(step.with?.version).toBeUndefined();
        }
      });

      it('cancels superseded runs (a release is never cancelled half-way)', () => {
        expect(workflow.concurrency?.['cancel-in-progress']).toBe(name !== 'publish.yml');
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

  it('pnpm is the version .ci/run installs', () => {
    const ciRun = readFileSync(path.join(root, '.ci', 'run'), 'utf8');
    const version = manifest.packageManager.replace(/^pnpm@/u, '');
    expect(ciRun).toContain(`pnpm@${version}`);
  });

  it('CI runs `pnpm check` and `pnpm test`, as contributors do, tests also on the oldest Node `engines` claims', () => {
    const ci = load('ci.yml');
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    for (const job of Object.values(ci.jobs)) expect(job.permissions).toBeUndefined();
    const oldest = /^>=\s*(\d+)/u.exec(manifest.engines.node)?.[1];
    expect(oldest, 'engines.node is a ">=N" range').toBeDefined();
    const nodes = Object.values(ci.jobs).flatMap((job) => (job.strategy?.matrix?.node as string[] | undefined) ?? []).map(String);
    expect(nodes).toEqual(expect.arrayContaining([TARGET_NODE, oldest]));
    const runs = steps(ci).flatMap((step) => (step.run ? [step.run.trim()] : []));
    expect(runs).toEqual(expect.arrayContaining(['pnpm install --frozen-lockfile', 'pnpm test']));
    // The corpus tests run on GitHub too: on stand-ins generated before the tests, which find them through NOTES_CORPORA.
    const standIn = steps(ci).findIndex((step) => step.run?.startsWith('node scripts/corpus-stand-in.mjs "$RUNNER_TEMP/corpora"'));
    const test = steps(ci).findIndex((step) => step.run?.trim() === 'pnpm test');
    expect(standIn).toBeGreaterThan(-1);
    expect(standIn).toBeLessThan(test);
    expect((steps(ci)[test] as Step & { env?: Record<string, string> }).env?.NOTES_CORPORA).toBe('${{ runner.temp }}/corpora');
    // The content check runs (once) in CI; either through the CLI or through the repository's own action.
    expect(steps(ci).some((step) => step.run?.trim() === 'pnpm check --format github' || step.uses === './')).toBe(true);
  });

  describe('external links', () => {
    const links = load('external-links.yml');
    const jobs = Object.entries(links.jobs);

    it('never blocks a pull request: scheduled and manual only', () => {
      expect(Object.keys(links.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    });

    it('fails visibly when the check cannot run, instead of tolerating every failure', () => {
      const check = steps(links).find((step) => step.run?.includes('--external'));
      expect(check?.run).toContain('--rule link-external');
      expect(check?.['continue-on-error']).toBeUndefined();
      // Exit 1 (dead links) is reported; any higher status ends the job with an error.
      expect(check?.run).toMatch(/-gt 1 \]; then[\s\S]*exit "\$status"/u);
    });

    it('only a job that runs no project code may write issues, and it keeps one issue up to date', () => {
      const writers = jobs.filter(([, job]) => job.permissions !== undefined);
      expect(writers).toHaveLength(1);
      const [, report] = writers[0]!;
      expect(report.permissions).toEqual({ issues: 'write' });
      expect(report.steps.every((step) => step.uses === undefined && !/\bpnpm\b|\bnode\b/u.test(step.run ?? ''))).toBe(true);
      const script = report.steps.map((step) => step.run ?? '').join('\n');
      expect(script).toContain('gh issue list --label dead-links --state open');
      expect(script).toContain('gh issue edit');
      expect(script).toContain('gh issue create');
      // The issue body reaches the script through the environment, never spliced into it.
      expect(script).not.toContain('${{');
      for (const [name, job] of jobs) if (job !== report) expect(job.permissions, name).toBeUndefined();
    });
  });
});

describe('pages.yml', () => {
  const pages = load('pages.yml') as Workflow & { jobs: Record<string, Job & { if?: string; environment?: { name: string } }> };

  it('lets only the deploy job write, and only to Pages; the build job reads', () => {
    expect(pages.jobs.deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    for (const [name, job] of Object.entries(pages.jobs)) {
      if (name !== 'deploy') expect(Object.values(job.permissions ?? {}).every((level) => level === 'read'), name).toBe(true);
    }
  });

  it('builds on pull requests and pushes to main with Node 24', () => {
    expect(Object.keys(pages.on).sort()).toEqual(['pull_request', 'push', 'workflow_dispatch']);
    expect(pages.on.push).toEqual({ branches: ['main'] });
    const build = pages.jobs.build!;
    expect(build.steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(24);
    expect(build.steps.some((step) => step.run?.startsWith('pnpm site:build'))).toBe(true);
    expect(build.steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))?.with?.path).toBe('dist/site');
  });

  it('deploys only from main, never for a pull request, after the build', () => {
    const deploy = pages.jobs.deploy!;
    expect(deploy.needs).toBe('build');
    expect(deploy.if).toContain("github.event_name != 'pull_request'");
    expect(deploy.if).toContain("github.ref == 'refs/heads/main'");
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.map((step) => step.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
    // Nothing is uploaded for a pull request.
    const upload = pages.jobs.build!.steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.if).toBe("github.event_name != 'pull_request'");
  });
});

function text(workflow: Workflow): string {
  return JSON.stringify(workflow);
}
