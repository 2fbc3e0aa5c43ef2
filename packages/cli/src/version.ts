import { readFileSync } from 'node:fs';

/** The name of this CLI's package inside the workspace; the installed package has another. */
export const WORKSPACE_CLI_PACKAGE = '@llm-notes/cli';

interface PackageManifest {
  readonly name: string;
  readonly version: string;
}

let manifest: PackageManifest | undefined;

/**
 * The package.json of the package holding this code: `packages/cli` in the
 * workspace (source, dist and bundle all sit one folder below it), the
 * installed package's own once packed.
 */
function ownManifest(): PackageManifest {
  manifest ??= JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as PackageManifest;
  return manifest;
}

/** This CLI's version, from its package.json. */
export function cliVersion(): string {
  return ownManifest().version;
}

/** This CLI's package name, from its package.json. */
export function cliPackageName(): string {
  return ownManifest().name;
}
