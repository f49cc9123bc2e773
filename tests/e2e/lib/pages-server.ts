// A tiny static server on 127.0.0.1 for the fixture pages, Preact's ES module, and generated
// large pages (tests and the bench share it).
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const PAGES = path.join(ROOT, 'tests/fixtures/pages');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript', '.js': 'text/javascript' };

export interface PagesServer {
  url: string;
  /** Serve generated HTML at /gen/<name>. */
  put(name: string, html: string): void;
  close(): Promise<void>;
}

export async function startPagesServer(): Promise<PagesServer> {
  const generated = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let body: string | Buffer | undefined;
    let type = 'text/html; charset=utf-8';
    if (url.pathname.startsWith('/gen/')) body = generated.get(url.pathname.slice(5));
    else if (url.pathname === '/vendor/preact.mjs') {
      body = readFileSync(path.join(ROOT, 'node_modules/preact/dist/preact.mjs'));
      type = TYPES['.mjs']!;
    } else {
      const file = path.join(PAGES, path.normalize(url.pathname).replace(/^(\.\.[/\\])+/, ''));
      if (file.startsWith(PAGES)) {
        try {
          body = readFileSync(file);
          type = TYPES[path.extname(file)] ?? 'application/octet-stream';
        } catch {
          body = undefined;
        }
      }
    }
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    put: (name, html) => generated.set(name, html),
    // The browser keeps its connections open; a server closed while it still runs would wait for them.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
