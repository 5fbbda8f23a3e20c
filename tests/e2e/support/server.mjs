// A static file server for the built app (dist/), on a loopback address, for the
// end-to-end specs. It can mount dist/ under any sub-path and send any headers.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

export const DIST = resolve(import.meta.dirname, '..', '..', '..', 'dist');

/**
 * Serves `root` under `base` (a path that starts and ends with '/').
 * Returns { url, close, requests, setRoot } where requests lists every request
 * (method, path, body) and setRoot switches the folder served (a new build).
 */
export async function serve({ root: firstRoot = DIST, base = '/', host = '127.0.0.1', headers = {} } = {}) {
  const requests = [];
  let root = firstRoot;
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let body = '';
    for await (const chunk of req) body += chunk;
    requests.push({ method: req.method, path, url: req.url, body });
    if (!path.startsWith(base)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = normalize(path.slice(base.length));
    if (rel === '.' || rel === '') rel = 'index.html';
    const file = join(root, rel);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      const target = info.isDirectory() ? join(file, 'index.html') : file;
      const body = await readFile(target);
      res.writeHead(200, {
        'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        ...headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, host, ok));
  const { port } = server.address();
  return {
    url: `http://${host}:${port}${base}`,
    requests,
    setRoot: (dir) => {
      root = dir;
    },
    close: () => new Promise((ok) => server.close(ok)),
  };
}
