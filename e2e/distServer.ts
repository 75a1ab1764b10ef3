/**
 * A throw-away static server for the built app (dist/), for specs that must cut the network for
 * real: closing it makes every request to its origin fail, which `context.setOffline` alone does
 * not guarantee for service-worker fetches. Unknown paths get index.html, like `vite preview`.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

export interface DistServer {
  url: string;
  /** Files served with this text appended (e.g. a changed sw.js, as a new build would have). */
  append: Map<string, string>;
  close(): Promise<void>;
}

export async function serveDist(dir = 'dist'): Promise<DistServer> {
  const append = new Map<string, string>();
  const server = createServer((req, res) => {
    void (async () => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
      let file = join(dir, path === '/' ? 'index.html' : path);
      let body: Buffer;
      try {
        body = await readFile(file);
      } catch {
        file = join(dir, 'index.html');
        body = await readFile(file);
      }
      const extra = append.get(path);
      if (extra) body = Buffer.concat([body, Buffer.from(extra)]);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      res.end(body);
    })().catch(() => {
      res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    append,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
