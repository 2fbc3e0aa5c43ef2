import { createReadStream, statSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
};

export interface StaticSite {
  /** `http://127.0.0.1:<port><base>` */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves a built site on 127.0.0.1 under `base`, as GitHub Pages serves a
 * project site: files by path, folders by their index.html, 404.html otherwise.
 */
export async function serveStatic(folder: string, base: string): Promise<StaticSite> {
  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    let file: string | undefined;
    if (pathname.startsWith(base)) {
      let relative: string;
      try {
        relative = decodeURIComponent(pathname.slice(base.length));
      } catch {
        relative = '\0';
      }
      const candidate = path.resolve(folder, relative);
      if (candidate === folder || candidate.startsWith(folder + path.sep)) {
        file = isFile(candidate) ? candidate : isFile(path.join(candidate, 'index.html')) ? path.join(candidate, 'index.html') : undefined;
      }
    }
    const status = file ? 200 : 404;
    file ??= path.join(folder, '404.html');
    response.writeHead(status, { 'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
