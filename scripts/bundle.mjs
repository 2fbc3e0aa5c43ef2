// Bundles the built CLI (packages/cli/dist) into packages/cli/bundle with
// esbuild. Node resolves and links hundreds of small ESM modules at every
// start; one bundle (MathJax and the other lazily loaded parts in chunks of
// their own) starts several times faster. sharp stays external: it is native.
// Every file lands in one folder, so `new URL('./lint-worker.js', import.meta.url)`
// finds the worker from whichever chunk holds the pool.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';

// jsonc-parser's `main` is a UMD build whose `require('./impl/…')` calls
// esbuild cannot follow; its ES module build (`module`) bundles cleanly.
const jsoncParserEsm = {
  name: 'jsonc-parser-esm',
  setup(plugin) {
    plugin.onResolve({ filter: /^jsonc-parser$/ }, async (args) => {
      if (args.pluginData === 'esm') return undefined;
      const umd = await plugin.resolve('jsonc-parser', { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'esm' });
      return { path: umd.path.replace(`${path.sep}umd${path.sep}`, `${path.sep}esm${path.sep}`) };
    });
  },
};

// vfile-reporter measures every cell of the stylish report with `string-width`, slowly
// (see bundle-shims/display-width.mjs): in the bundle it gets the same function with
// remembered graphemes. The shim's own `string-width` is vfile-reporter's copy.
const shims = path.resolve(path.dirname(new URL(import.meta.url).pathname), 'bundle-shims');
const shim = path.join(shims, 'string-width.mjs');
const rememberedStringWidth = {
  name: 'remembered-string-width',
  setup(plugin) {
    let reporterDir;
    plugin.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData === 'real') return undefined;
      if (/[\\/]vfile-reporter[\\/]/u.test(args.importer)) {
        reporterDir = args.resolveDir;
        return { path: shim };
      }
      if (args.importer !== shim || reporterDir === undefined) return undefined;
      const real = await plugin.resolve('string-width', { resolveDir: reporterDir, kind: args.kind, pluginData: 'real' });
      return { path: real.path };
    });
  },
};

const cli = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../packages/cli');
const outdir = path.join(cli, 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  // `main.js`: the CLI as a function (`main(argv, io)`), what the bin runs on the process; the
  // catalogue tests run many commands through it in one long-lived process.
  entryPoints: { notes: path.join(cli, 'dist/bin.js'), main: path.join(cli, 'dist/main.js'), 'lint-worker': path.join(cli, 'dist/lint-worker.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['sharp'],
  plugins: [jsoncParserEsm, rememberedStringWidth],
  chunkNames: 'chunk-[hash]',
  // CommonJS dependencies bundled into ESM still call `require` for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
