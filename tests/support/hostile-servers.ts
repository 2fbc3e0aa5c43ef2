import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';

/**
 * HTTP servers on 127.0.0.1 that misbehave the ways external link checking
 * must survive, for the checker's unit tests and the CLI's end-to-end test.
 * Paths of `base`:
 * - `/ok`: 200;
 * - `/endless-403`: a 403 whose body never ends; `/bomb-403`: a 403 whose gzip body inflates to 50 MB
 *   ending in an anti-bot phrase (both refuse HEAD, so the checker asks with GET and meets the body);
 * - `/hang/…`: never answers; `/slow/…`: answers after 1.5 s;
 * - `/retry-after-59`: 429 asking for 59 s; `/retry-after-1`: 429 asking for 1 s the first time, then 200;
 * - `/to-other-port` redirects to `otherBase`; `/loop-a` ⇄ `/loop-b`; `/to-file` and `/to-data` redirect to
 *   `file:` and `data:` addresses;
 * - anything else: 404.
 * `otherBase` answers 200 to everything; `silentBase` never answers.
 */
export interface HostileServers {
  readonly base: string;
  readonly otherBase: string;
  readonly silentBase: string;
  /** Requests `base` received, by path. */
  readonly hits: ReadonlyMap<string, number>;
  /** Body bytes `base` pushed, by path (the endless body). */
  readonly sent: ReadonlyMap<string, number>;
  /** Drops the hanging responses and closes every server. */
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function startHostileServers(): Promise<HostileServers> {
  const hits = new Map<string, number>();
  const sent = new Map<string, number>();
  const hanging = new Set<ServerResponse>();
  const bomb = zlib.gzipSync(Buffer.concat([Buffer.alloc(50 * 1024 * 1024), Buffer.from('just a moment: captcha')]));
  let otherBase = '';

  const route = (request: IncomingMessage, response: ServerResponse): void => {
    const url = request.url ?? '/';
    hits.set(url, (hits.get(url) ?? 0) + 1);
    if (url === '/ok') return void response.writeHead(200).end('fine');
    if ((url === '/endless-403' || url === '/bomb-403') && request.method === 'HEAD') return void response.writeHead(405).end();
    if (url === '/endless-403') {
      response.writeHead(403, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (!response.destroyed && response.write(chunk)) sent.set(url, (sent.get(url) ?? 0) + chunk.length);
        if (!response.destroyed) response.once('drain', pump);
      };
      response.on('close', () => response.removeAllListeners('drain'));
      return void pump();
    }
    if (url === '/bomb-403') return void response.writeHead(403, { 'content-encoding': 'gzip', 'content-type': 'text/html' }).end(bomb);
    if (url.startsWith('/hang/')) return void hanging.add(response);
    if (url === '/retry-after-59') return void response.writeHead(429, { 'retry-after': '59' }).end();
    if (url === '/retry-after-1') {
      if (hits.get(url) === 1) return void response.writeHead(429, { 'retry-after': '1' }).end();
      return void response.writeHead(200).end('now');
    }
    if (url === '/to-other-port') return void response.writeHead(302, { location: `${otherBase}/ok` }).end();
    if (url === '/loop-a') return void response.writeHead(302, { location: '/loop-b' }).end();
    if (url === '/loop-b') return void response.writeHead(302, { location: '/loop-a' }).end();
    if (url === '/to-file') return void response.writeHead(302, { location: 'file:///etc/passwd' }).end();
    if (url === '/to-data') return void response.writeHead(302, { location: 'data:text/plain,hello' }).end();
    if (url.startsWith('/slow/')) return void setTimeout(() => response.writeHead(200).end('late'), 1500);
    response.writeHead(404).end();
  };

  const servers = [
    createServer(route),
    createServer((_request, response) => response.writeHead(200).end('other port')),
    createServer((_request, response) => void hanging.add(response)),
  ];
  const [base, other, silentBase] = await Promise.all(servers.map(listen));
  otherBase = other as string;
  return {
    base: base as string,
    otherBase,
    silentBase: silentBase as string,
    hits,
    sent,
    async close() {
      for (const response of hanging) response.destroy();
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  };
}
