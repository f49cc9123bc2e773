// Static pages (SDK test client, demo CRM) and the unmodified Stringee SDK for a plain <script>.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const STATIC_DIR = fileURLToPath(new URL('../static/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/** URL path → file in static/; a fixed list, so no path can reach outside the folder. */
const PAGES: Record<string, string> = {
  '/sdk-client.html': 'sdk-client.html',
  '/sdk-client.js': 'sdk-client.js',
  '/demo': 'demo.html',
  '/demo.html': 'demo.html',
  '/demo.js': 'demo.js',
  '/demo.css': 'demo.css',
};

export interface StaticFile {
  contentType: string;
  body: string;
}

export async function staticFile(path: string): Promise<StaticFile | undefined> {
  if (path === '/stringee.js') return { contentType: CONTENT_TYPES.js!, body: await stringeeScript() };
  const file = PAGES[path];
  if (!file) return undefined;
  const ext = file.slice(file.lastIndexOf('.') + 1);
  return { contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream', body: await readFile(STATIC_DIR + file, 'utf8') };
}

let sdkCache: Promise<string> | undefined;

/**
 * The npm bundle is CommonJS and assigns to a free `exports`; a global object of that name lets it
 * run as a classic script. Its classes are then on window.Stringee (and on window.exports).
 */
function stringeeScript(): Promise<string> {
  sdkCache ??= readFile(createRequire(import.meta.url).resolve('stringee'), 'utf8').then(
    (src) => `var exports = window.exports || {};\n${src}\n;window.Stringee = exports;\n`,
  );
  return sdkCache;
}
