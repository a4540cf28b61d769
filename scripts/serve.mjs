// Tiny static file server for the e2e fixtures, the demo and the benchmarks.
// node:http only, no dependencies. Binds to loopback on a random port.
//
//   const server = await startServer({ root: 'tests/e2e/pages' });
//   server.url('places.html')            -> http://127.0.0.1:PORT/places.html
//   server.crossOriginUrl('x.html')      -> http://127.0.0.1:PORT2/x.html  (same site, other origin)
//   server.crossSiteUrl('x.html')        -> http://localhost:PORT2/x.html  (other site: out-of-process iframe)
//   server.route('/bench.html', html)    -> serve generated content from memory
//   server.requests                      -> every request received (both ports)
//   await server.close();
//
// A file `NAME.headers.json` next to `NAME` adds response headers to it
// (e.g. {"Content-Security-Policy": "default-src 'none'"}).

import http from 'node:http';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PAGES_DIR = path.join(REPO_ROOT, 'tests', 'e2e', 'pages');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * @param {object} [options]
 * @param {string} [options.root] directory to serve (default tests/e2e/pages)
 * @param {string} [options.host] host to bind (default 127.0.0.1)
 * @param {number} [options.port] port (default 0 = random)
 * @param {boolean} [options.secondOrigin] also listen on a second random port (default true)
 * @param {boolean} [options.quiet] do not log errors (default true)
 */
export async function startServer(options = {}) {
  const root = path.resolve(options.root ?? PAGES_DIR);
  const host = options.host ?? '127.0.0.1';
  const quiet = options.quiet ?? true;
  /** @type {Map<string, {body: string | Buffer, type: string, headers?: Record<string,string>}>} */
  const routes = new Map();
  /** @type {Array<{method: string, url: string, host: string, port: number, time: number, status: number}>} */
  const requests = [];

  /** @param {number} port */
  const handler = (port) => async (req, res) => {
    const entry = { method: req.method ?? 'GET', url: req.url ?? '/', host: req.headers.host ?? '', port, time: Date.now(), status: 0 };
    requests.push(entry);
    const send = (status, body, headers = {}) => {
      entry.status = status;
      res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed', { Allow: 'GET, HEAD' });
      const { pathname } = new URL(req.url ?? '/', 'http://x');
      let rel = decodeURIComponent(pathname);
      const routed = routes.get(rel);
      if (routed) return send(200, routed.body, { 'Content-Type': routed.type, ...routed.headers });
      if (rel.endsWith('/')) rel += 'index.html';
      const file = path.resolve(root, '.' + rel);
      if (file !== root && !file.startsWith(root + path.sep)) return send(403, 'Forbidden');
      let body;
      try {
        body = await fs.readFile(file);
      } catch {
        return send(404, 'Not found', { 'Content-Type': 'text/plain; charset=utf-8' });
      }
      /** @type {Record<string,string>} */
      let extra = {};
      try {
        extra = JSON.parse(await fs.readFile(file + '.headers.json', 'utf8'));
      } catch {
        /* no sidecar */
      }
      const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      return send(200, body, { 'Content-Type': type, ...extra });
    } catch (err) {
      if (!quiet) console.error('[serve]', err);
      return send(500, 'Internal error');
    }
  };

  /** @param {number} port */
  const listen = (port) =>
    new Promise((resolve, reject) => {
      const srv = http.createServer();
      srv.on('error', reject);
      srv.listen(port, host, () => {
        const addr = srv.address();
        const actual = typeof addr === 'object' && addr ? addr.port : port;
        srv.on('request', handler(actual));
        resolve({ srv, port: actual });
      });
    });

  const primary = await listen(options.port ?? 0);
  const second = options.secondOrigin === false ? null : await listen(0);
  const sockets = new Set();
  for (const s of [primary, second]) {
    if (!s) continue;
    s.srv.on('connection', (sock) => {
      sockets.add(sock);
      sock.on('close', () => sockets.delete(sock));
    });
  }

  const join = (base, p = '') => base + '/' + String(p).replace(/^\/+/, '');
  const origin = `http://${host}:${primary.port}`;
  const crossOrigin = second ? `http://${host}:${second.port}` : null;
  const crossSite = second ? `http://localhost:${second.port}` : null;
  const need = (o) => {
    if (!o) throw new Error('startServer: secondOrigin is disabled');
    return o;
  };

  return {
    root,
    host,
    port: primary.port,
    /** origin of the primary server, e.g. http://127.0.0.1:4711 */
    origin,
    /** all origins this server answers on (for allow-lists) */
    origins: [origin, crossOrigin, crossSite, `http://localhost:${primary.port}`].filter(Boolean),
    crossOrigin,
    crossSite,
    url: (p = '') => join(origin, p),
    crossOriginUrl: (p = '') => join(need(crossOrigin), p),
    crossSiteUrl: (p = '') => join(need(crossSite), p),
    requests,
    clearRequests() {
      requests.length = 0;
    },
    route(p, body, type = 'text/html; charset=utf-8', headers = {}) {
      routes.set(p.startsWith('/') ? p : '/' + p, { body, type, headers });
    },
    unroute(p) {
      routes.delete(p.startsWith('/') ? p : '/' + p);
    },
    async close() {
      for (const sock of sockets) sock.destroy();
      await Promise.all(
        [primary, second].filter(Boolean).map((s) => new Promise((r) => s.srv.close(() => r(undefined)))),
      );
    },
  };
}

// `node scripts/serve.mjs [dir] [port]` serves a directory until Ctrl+C.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await startServer({ root: process.argv[2], port: Number(process.argv[3] ?? 0) });
  console.log(`Serving ${server.root}\n  ${server.url()}\n  second origin: ${server.crossOriginUrl()} / ${server.crossSiteUrl()}\nCtrl+C to stop.`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
