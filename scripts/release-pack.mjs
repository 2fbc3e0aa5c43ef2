// `pnpm release:pack`: packs the bundled CLI as the one installable package
// (manifest in release/package.json) and writes exactly one tarball to
// artifacts/ (or to the folder given with --out). The package holds the
// esbuild bundle, the config's JSON schema, a README and the licence; its only
// dependency is sharp, which the bundle leaves external and loads only for
// `images`. Nothing is published.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = path.resolve(values.out ?? path.join(root, 'artifacts'));

function readJson(relPath) {
  return JSON.parse(readFileSync(path.join(root, relPath), 'utf8'));
}

function fail(message) {
  process.stderr.write(`release:pack: ${message}\n`);
  process.exit(1);
}

const manifest = readJson('release/package.json');
const cli = readJson('packages/cli/package.json');
const images = readJson('packages/images/package.json');
// One version and one sharp range: the workspace's. The release manifest must agree.
if (manifest.version !== cli.version) {
  fail(`release/package.json has version ${manifest.version}, packages/cli/package.json ${cli.version}; make them equal`);
}
if (manifest.dependencies?.sharp !== images.dependencies.sharp) {
  fail(`release/package.json depends on sharp ${manifest.dependencies?.sharp}, packages/images on ${images.dependencies.sharp}; make them equal`);
}
const bundle = path.join(root, 'packages/cli/bundle');
if (!existsSync(path.join(bundle, 'notes.js'))) fail('packages/cli/bundle/notes.js is missing; run `pnpm build` first');

mkdirSync(out, { recursive: true });
const stage = path.join(out, `.stage-${process.pid}`);
try {
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(path.join(stage, 'package', 'bundle'), { recursive: true });
  const pkg = path.join(stage, 'package');
  for (const name of readdirSync(bundle)) copyFileSync(path.join(bundle, name), path.join(pkg, 'bundle', name));
  copyFileSync(path.join(root, 'notes.config.schema.json'), path.join(pkg, 'notes.config.schema.json'));
  mkdirSync(path.join(pkg, 'docs'));
  copyFileSync(path.join(root, 'docs/config.md'), path.join(pkg, 'docs/config.md'));
  copyFileSync(path.join(root, 'release/README.md'), path.join(pkg, 'README.md'));
  copyFileSync(path.join(root, 'release/LICENSE'), path.join(pkg, 'LICENSE'));
  writeFileSync(path.join(pkg, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const report = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--pack-destination', stage], { cwd: pkg, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
  );
  const tarball = report[0].filename;
  // Exactly one tarball in the output folder: older ones go once the new one exists.
  for (const name of readdirSync(out)) if (name.endsWith('.tgz')) rmSync(path.join(out, name));
  renameSync(path.join(stage, tarball), path.join(out, tarball));
  process.stdout.write(`${path.relative(process.cwd(), path.join(out, tarball)) || tarball} (${report[0].entryCount} files, ${report[0].size} bytes)\n`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
