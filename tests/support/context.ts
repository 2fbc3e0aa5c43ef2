import { type Config, RepoRoot, configSchema, discoverContent } from '@llm-notes/core';
import type { CommandContext } from '../../packages/cli/src/command.js';
import { detectInvocation } from '../../packages/cli/src/invocation.js';

const silent = { write() {} };

/** A command context for a repository in a temp folder, as `main` would build it. */
export function contextFor(root: string, config: Partial<Config> = {}): CommandContext {
  const repo = new RepoRoot(root);
  const parsed = configSchema.parse(config);
  return {
    repo,
    config: parsed,
    contentDir: parsed.content,
    loadContent: () => discoverContent(repo, parsed.content),
    stdout: silent,
    stderr: silent,
    env: {},
    interactive: false,
    debug: false,
    invocation: detectInvocation({ env: {}, entry: undefined, cwd: root, root }),
  };
}
