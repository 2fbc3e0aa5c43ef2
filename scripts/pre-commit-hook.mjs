// The pre-commit hook's entry: runs the bundled toolchain when this checkout
// has it, and otherwise says in one line what to do (a fresh `git worktree`
// or a clone without `pnpm install` has no node_modules and no bundle).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const bundle = path.join(root, 'packages/cli/bundle/notes.js');
if (!existsSync(path.join(root, 'node_modules')) || !existsSync(bundle)) {
  process.stderr.write(
    `pre-commit: the notes toolchain is not installed in this checkout (${root}); run \`pnpm install\` here first, or commit with --no-verify\n`,
  );
  process.exit(1);
}
const result = spawnSync(process.execPath, [bundle, 'pre-commit', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
