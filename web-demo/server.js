// The web demo's static server: serves the repository's files (so the page
// imports the package's built dist/js/ modules and dist/wasm-mem.wasm, the
// same files users get) from localhost, with no framework and no network.
//
//   node web-demo/server.js        # PORT=8080 by default; PORT=0 picks a free port
//
// Also a module: `serve({ port, host })` resolves to { server, url } (the
// end-to-end tests start it on a free port that way).
//
// Hardened for a machine where other users and other web pages exist:
// - only regular files under the public folders, judged after resolving
//   symbolic links (a link out of the tree serves nothing);
// - a Host check: only localhost, 127.0.0.1 and [::1] with our port, so a
//   hostile site cannot read the pages through DNS rebinding;
// - `X-Content-Type-Options: nosniff` and a Content-Security-Policy the page
//   satisfies: scripts only from here (the inline import map by its hash),
//   'wasm-unsafe-eval' for the module, Workers from here;
// - time limits: a connection idle, or a request slow to arrive, is closed.
// A static-file package (sirv, serve-static) would add ranges and caching,
// which a local tool does not need; links, types, headers, hosts and limits
// are the rules here either way, so the server stays dependency-free.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { constants, createReadStream, realpathSync } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = realpathSync(fileURLToPath(new URL('..', import.meta.url)));

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

// Every response carries these; HTML pages also get the page's script hashes.
const POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': POLICY.join('; '),
  'referrer-policy': 'no-referrer',
};

/** The policy for an HTML page: its inline scripts (the import map) allowed by their SHA-256 alone. */
function pagePolicy(html) {
  const hashes = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\bsrc\s*=/i.test(m[1])) hashes.push(`'sha256-${createHash('sha256').update(m[2]).digest('base64')}'`);
  }
  return POLICY.map((d) => (d.startsWith('script-src') && hashes.length ? `${d} ${hashes.join(' ')}` : d)).join('; ');
}

// Time limits (milliseconds): a connection with nothing to do, the headers
// of one request, a whole request. The tests shrink them.
const TIMEOUTS = { idle: 10_000, headers: 10_000, request: 30_000 };

function send(res, status, text) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
  res.end(text + '\n');
}

/**
 * Whether the Host header names this server with its port: a loopback name,
 * or the one address it was told to listen on (HOST=192.168.1.5); never any
 * name a DNS record could point here (DNS rebinding).
 */
function hostAllowed(host, port, bound) {
  if (typeof host !== 'string') return false;
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(host);
  if (m === null || Number(m[2] ?? 80) !== port) return false;
  const name = m[1].toLowerCase();
  return ['localhost', '127.0.0.1', '[::1]'].includes(name) || (bound !== null && name === bound);
}

/** The Host name of a specific listening address, or null for loopback and wildcards. */
function boundName(host) {
  if (['127.0.0.1', 'localhost', '::1', '0.0.0.0', '::', ''].includes(host)) return null;
  return host.includes(':') ? `[${host.toLowerCase()}]` : host.toLowerCase();
}

/** The real path of a public file, or null: links resolved, then checked against the public folders. */
async function publicFile(rel) {
  let real;
  try {
    real = await realpath(join(root, rel));
  } catch {
    return null;
  }
  const inside = real.startsWith(root + sep)
    ? real
        .slice(root.length + 1)
        .split(sep)
        .join('/')
    : null;
  if (inside === null || !PUBLIC.some((p) => inside === p || (p.endsWith('/') && inside.startsWith(p)))) return null;
  return real;
}

async function handle(req, res, port, bound) {
  if (!hostAllowed(req.headers.host, port, bound))
    return send(res, 421, 'this server answers only to localhost, 127.0.0.1 and [::1] with its port');
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
  let path;
  try {
    path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    return send(res, 400, 'bad request');
  }
  if (path === '/' || path === '/web-demo') {
    res.writeHead(302, { ...SECURITY_HEADERS, location: '/web-demo/' });
    return res.end();
  }
  if (path.endsWith('/')) path += 'index.html';
  // normalize() folds any "..": a path that still leaves the root is refused.
  const rel = normalize(path).replace(/^[/\\]+/, '');
  if (rel.startsWith('..') || !PUBLIC.some((p) => rel === p || (p.endsWith('/') && rel.startsWith(p)))) {
    return send(res, 404, 'not found');
  }
  const file = await publicFile(rel);
  if (file === null) return send(res, 404, 'not found');
  // One descriptor from check to send, so the file cannot be swapped in
  // between; O_NONBLOCK so that a FIFO planted in the tree cannot hang the open.
  let fh;
  try {
    fh = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return send(res, 404, 'not found');
  }
  try {
    const info = await fh.stat();
    if (!info.isFile()) return send(res, 404, 'not found');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const html = type.startsWith('text/html');
    const body = html ? await fh.readFile() : null;
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      ...(html ? { 'content-security-policy': pagePolicy(body.toString()) } : {}),
      'content-type': type,
      'content-length': html ? body.length : info.size,
      // A local tool under development: always the files on disk, never a stale cache.
      'cache-control': 'no-cache',
    });
    if (req.method === 'HEAD') return res.end();
    if (html) return res.end(body);
    const stream = createReadStream(null, { fd: fh, autoClose: true });
    fh = null; // the stream closes it
    stream.on('error', () => res.destroy()).pipe(res);
  } finally {
    await fh?.close();
  }
}

/**
 * Starts the server. Resolves once it listens.
 * @param {{port?: number, host?: string}} [options]
 * @returns {Promise<{server: import('node:http').Server, url: string}>}
 */
export function serve({ port = 8080, host = '127.0.0.1', timeouts = {} } = {}) {
  const limits = { ...TIMEOUTS, ...timeouts };
  const bound = boundName(host);
  const server = createServer(
    {
      headersTimeout: limits.headers,
      requestTimeout: limits.request,
      keepAliveTimeout: limits.idle,
      // How often Node checks the two limits above on open connections.
      connectionsCheckingInterval: Math.max(10, Math.min(limits.headers, limits.request) / 4),
    },
    (req, res) => {
      handle(req, res, server.address().port, bound).catch(() => {
        if (!res.headersSent) send(res, 500, 'internal error');
        else res.destroy();
      });
    },
  );
  // A connection that sends nothing at all (not even a request line) is
  // closed after the idle limit: headersTimeout alone leaves it open.
  server.setTimeout(limits.idle, (socket) => socket.destroy());
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
