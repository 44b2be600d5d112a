// The web demo's static server: serves the repository's files (so the page
// imports the package's built dist/js/ modules and dist/wasm-mem.wasm, the
// same files users get) from localhost, with no framework and no network.
//
//   node web-demo/server.js        # PORT=8080 by default; PORT=0 picks a free port
//
// Also a module: `serve({ port, host })` resolves to { server, url } (the
// end-to-end tests start it on a free port that way).
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// application/wasm matters: without it the browser cannot compile while
// streaming (the loader then falls back to fetching the bytes first).
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.md': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

// Only what the page needs is served: the demo, the package's modules and
// its .wasm. The rest of the repository (build trees, node_modules, tests)
// stays private even on a shared machine.
const PUBLIC = ['web-demo/', 'dist/js/', 'dist/wasm-mem.wasm'];

function send(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text + '\n');
}

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
  let path;
  try {
    path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    return send(res, 400, 'bad request');
  }
  if (path === '/' || path === '/web-demo') {
    res.writeHead(302, { location: '/web-demo/' });
    return res.end();
  }
  if (path.endsWith('/')) path += 'index.html';
  // normalize() folds any "..": a path that still leaves the root is refused.
  const rel = normalize(path).replace(/^[/\\]+/, '');
  if (rel.startsWith('..') || !PUBLIC.some((p) => rel === p || (p.endsWith('/') && rel.startsWith(p)))) {
    return send(res, 404, 'not found');
  }
  const file = join(root, rel);
  if (!file.startsWith(root) || file.includes(`${sep}..${sep}`)) return send(res, 404, 'not found');
  let info;
  try {
    info = await stat(file);
  } catch {
    return send(res, 404, 'not found');
  }
  if (!info.isFile()) return send(res, 404, 'not found');
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': info.size,
    // A local tool under development: always the files on disk, never a stale cache.
    'cache-control': 'no-cache',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

/**
 * Starts the server. Resolves once it listens.
 * @param {{port?: number, host?: string}} [options]
 * @returns {Promise<{server: import('node:http').Server, url: string}>}
 */
export function serve({ port = 8080, host = '127.0.0.1' } = {}) {
  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, 'internal error'));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ server, url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${actual}/web-demo/` });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const port = process.env.PORT === undefined ? 8080 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`web-demo: PORT must be an integer 0..65535, got ${JSON.stringify(process.env.PORT)}`);
    process.exit(2);
  }
  serve({ port, host: process.env.HOST ?? '127.0.0.1' }).then(
    ({ url }) => console.log(`wasm-mem web demo: ${url}`),
    (err) => {
      console.error(`web-demo: cannot listen on port ${port}: ${err.message}`);
      process.exit(2);
    },
  );
}
