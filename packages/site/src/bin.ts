#!/usr/bin/env node
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build, createServer, serve } from 'vitepress';
import { CONTENT_OVERRIDE, SITE_OUT_DIR } from './vitepress-config.js';

const HELP = `Usage: site <command> [options]

Builds the reading site of the notes in the content folder (VitePress).

Commands:
  build               write the static site (default folder: ${SITE_OUT_DIR})
  dev                 serve the site with live reload while you edit notes
  preview             serve the built site (after build)

Options:
  --out-dir <folder>  build: where to write the site
  --content <folder>  content folder, relative to the root (default: \`content\` from notes.config.json)
  --base <path>       URL path the site is served under, e.g. /my-notes/ (default /)
  --port <number>     dev, preview: port to listen on (default 5173, preview 4173)
  --host <address>    dev: address to listen on (default 127.0.0.1)
  -h, --help          show this help

Run from the repository root (where notes.config.json is).`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'out-dir': { type: 'string' },
      content: { type: 'string' },
      base: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...extra] = positionals;
  if (values.help || command === undefined) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  if (extra.length > 0) throw new Error(`unexpected argument: ${extra.join(' ')}`);
  const root = process.cwd();
  // VitePress loads the configuration itself: the override reaches it through the environment.
  if (values.content !== undefined) process.env[CONTENT_OVERRIDE] = values.content;
  const base = values.base === undefined ? undefined : normalizeBase(values.base);
  if (command === 'build') {
    const started = Date.now();
    await build(root, { ...(base ? { base } : {}), ...(values['out-dir'] ? { outDir: path.resolve(values['out-dir']) } : {}) });
    console.log(`site written to ${path.relative(root, path.resolve(values['out-dir'] ?? SITE_OUT_DIR)) || '.'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  }
  if (command === 'preview') {
    await serve({ root, port: portOption(values.port, 4173), ...(base ? { base } : {}) });
    return await new Promise<number>(() => {});
  }
  if (command === 'dev') {
    const port = portOption(values.port, 5173);
    const server = await createServer(root, { port, host: values.host ?? '127.0.0.1', ...(base ? { base } : {}) });
    await server.listen();
    server.printUrls();
    return await new Promise<number>(() => {});
  }
  throw new Error(`unknown command: ${command} (expected build, dev or preview)`);
}

function portOption(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got ${text}`);
  return port;
}

/** `/notes` and `notes/` both mean `/notes/`. */
function normalizeBase(base: string): string {
  return `/${base.replace(/^\/+|\/+$/gu, '')}/`.replace(/^\/\/$/u, '/');
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`site: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
