// Runs after `pnpm install`: builds and bundles the toolchain (so `pnpm lint`
// & co. work at once) and, inside a git checkout, installs the pre-commit hook.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, ['node_modules/typescript/bin/tsc', '-b']);
run(process.execPath, ['scripts/bundle.mjs']);
if (existsSync('.git') && process.env.SKIP_INSTALL_SIMPLE_GIT_HOOKS !== '1') {
  run(process.execPath, ['node_modules/simple-git-hooks/cli.js']);
}
