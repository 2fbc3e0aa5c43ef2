import { execFileSync } from 'node:child_process';

/**
 * The paths `git ls-files -z <args>` prints for the work tree at `root`
 * (relative to it, with `/`), or undefined when `root` is not inside a git
 * work tree or git is missing. The one place the toolchain lists what git knows.
 */
export function gitListFiles(root: string, args: readonly string[]): string[] | undefined {
  let output: string;
  try {
    output = execFileSync('git', ['ls-files', '-z', ...args], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
  return output.split('\0').filter(Boolean);
}
