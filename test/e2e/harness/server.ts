import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve } from 'node:path';

/** The project's own fixture folders, served as consoles on 127.0.0.1. */
const ROOTS: Record<string, string> = {
  '/dashboards/': resolve(import.meta.dirname, '../../fixtures/dashboards'),
  '/pages/': resolve(import.meta.dirname, '../pages'),
};
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.csv': 'text/csv' };

/** A single-page console answers every path below its folder with its index.html. */
function nearestIndex(path: string, root: string): string {
  for (let dir = path; dir.startsWith(root); dir = dirname(dir)) {
    if (existsSync(join(dir, 'index.html'))) return join(dir, 'index.html');
  }
  return join(path, 'index.html');
}

export type FixtureServer = { origin: string; url: (path: string) => string; close: () => Promise<void> };

/** A static server on 127.0.0.1 (random port) for the fixture console pages; loopback only. */
export async function serveFixtures(): Promise<FixtureServer> {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const prefix = Object.keys(ROOTS).find((p) => path.startsWith(p));
    const root = prefix ? ROOTS[prefix] : undefined;
    if (!prefix || !root) return void res.writeHead(404).end('not found');
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (!extname(file)) file = nearestIndex(file, root);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
