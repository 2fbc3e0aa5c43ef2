import { type Config, RepoRoot, configSchema, discoverContent } from '@llm-notes/core';
import type { CommandContext } from '../../packages/cli/src/command.js';
import { detectInvocation } from '../../packages/cli/src/invocation.js';

const silent = { write() {} };

/**
 * A command context for a repository in a temp folder, as `main` would build it: the content
 * layout is read once per context, as once per command run. A test that adds, removes or renames
 * notes makes a new context.
 */
export function contextFor(root: string, config: Partial<Config> = {}): CommandContext {
  const repo = new RepoRoot(root);
  const parsed = configSchema.parse(config);
  let content: ReturnType<typeof discoverContent> | undefined;
  return {
    repo,
    config: parsed,
    contentDir: parsed.content,
    loadContent: () => (content ??= discoverContent(repo, parsed.content)),
    stdout: silent,
    stderr: silent,
    env: {},
    interactive: false,
    debug: false,
    invocation: detectInvocation({ env: {}, entry: undefined, cwd: root, root }),
  };
}
