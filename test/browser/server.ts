/**
 * A static file server on 127.0.0.1 for browser tests, the demo and benchmarks. Mounts:
 *   /pages/   → test/pages (our own sample articles)
 *   /shared/  → ../shared (seed page and saved real pages), when present
 * Only loopback; no directory listings; paths are confined to their mount.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);
export const SHARED = resolve(ROOT, '..', 'shared');
export const hasShared = (): boolean => existsSync(join(SHARED, 'pages', 'seed-article.html'));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xhtml': 'application/xhtml+xml; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startServer(extraMounts: Record<string, string> = {}): Promise<StaticServer> {
  const mounts: Record<string, string> = {
    '/pages/': join(ROOT, 'test', 'pages'),
    '/fixtures/': join(ROOT, 'test', 'fixtures'),
    '/shared/': SHARED,
    ...extraMounts,
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length)));
      if (!file.startsWith(dir)) break;
      let target = file;
      if (existsSync(target) && statSync(target).isDirectory()) target = join(target, 'index.html');
      if (!existsSync(target)) break;
      res.writeHead(200, { 'content-type': TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream' });
      createReadStream(target).pipe(res);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
