/**
 * Serves the console (`src/console/`, bundled by `scripts/build.mjs` into `<build>/console/`) at
 * `/console/` on the emulator's own port, so it is same-origin with the admin routes it reads and
 * works offline. The files are read once and kept; a strict Content-Security-Policy allows only
 * the emulator's own scripts, styles and connections.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';

const ASSETS: Record<string, [file: string, type: string]> = {
  '/console/': ['index.html', 'text/html;charset=utf-8'],
  '/console/app.js': ['app.js', 'text/javascript;charset=utf-8'],
  '/console/app.css': ['app.css', 'text/css;charset=utf-8'],
};

const HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

const cache = new Map<string, Buffer>();

function load(file: string): Buffer | undefined {
  let body = cache.get(file);
  if (!body) {
    try {
      body = readFileSync(new URL(`../console/${file}`, import.meta.url));
    } catch {
      return undefined;
    }
    cache.set(file, body);
  }
  return body;
}

/** A browser opening the emulator's bare address (a GET of `/` without API parameters, asking for HTML). */
export function isConsoleNavigation(req: IncomingMessage, path: string, rawQuery: string): boolean {
  return path === '/' && rawQuery === '' && req.method === 'GET' && /text\/html/.test(req.headers.accept ?? '');
}

/** Answer `GET /console/...`; `/console` and the bare address redirect to `/console/`. */
export function serveConsole(_req: IncomingMessage, res: ServerResponse, path: string): void {
  if (path === '/' || path === '/console') {
    res.writeHead(302, { Location: '/console/', 'Content-Length': 0 });
    return void res.end();
  }
  const asset = ASSETS[path];
  const body = asset && load(asset[0]);
  if (!asset || !body) {
    const text = asset
      ? `The console is not built: run "npm run build" (it bundles src/console into the build's console/ folder).\n`
      : `No console file ${path.slice(0, 100)}.\n`;
    res.writeHead(404, { ...HEADERS, 'Content-Type': 'text/plain;charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
    return void res.end(text);
  }
  res.writeHead(200, { ...HEADERS, 'Content-Type': asset[1], 'Content-Length': body.length });
  res.end(body);
}
