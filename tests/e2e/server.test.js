// The demo's static server: serves the page, the package's modules and its
// .wasm with the right types, and nothing else of the repository; answers
// only loopback hosts, with nosniff and a CSP, and closes idle connections.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, symlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../web-demo/server.js';
import { start } from './browser.js';

let server;
let origin;
before(async () => {
  const s = await serve({ port: 0 });
  server = s.server;
  origin = new URL(s.url).origin;
});
after(() => new Promise((r) => server.close(r)));

const get = (path) => fetch(origin + path, { redirect: 'manual' });

test('serves the page, the package and its module with their types', async () => {
  const root = await get('/');
  assert.equal(root.status, 302);
  assert.equal(root.headers.get('location'), '/web-demo/');
  for (const [path, type] of [
    ['/web-demo/', 'text/html; charset=utf-8'],
    ['/web-demo/js/main.js', 'text/javascript; charset=utf-8'],
    ['/dist/js/index.js', 'text/javascript; charset=utf-8'],
    ['/dist/js/platform-browser.js', 'text/javascript; charset=utf-8'],
    ['/dist/wasm-mem.wasm', 'application/wasm'],
  ]) {
    const res = await get(path);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers.get('content-type'), type, path);
    await res.arrayBuffer();
  }
});

test('refuses everything else: other files, traversal, other methods', async () => {
  for (const path of ['/package.json', '/node_modules/playwright-core/package.json', '/src/mem.h', '/web-demo/../package.json',
    '/web-demo/%2e%2e/package.json', '/dist/js/../../scripts/setup', '/bindings/js/index.js', '/web-demo/nope.js', '/%ff']) {
    const res = await get(path);
    assert.ok(res.status === 404 || res.status === 400, `${path}: ${res.status}`);
    await res.arrayBuffer();
  }
  const post = await fetch(origin + '/web-demo/', { method: 'POST' });
  assert.equal(post.status, 405);
});

// Issue 18, item 11: links, headers, hosts and time limits, over real sockets on 127.0.0.1.
const port = () => server.address().port;

/** One raw HTTP exchange: what the server sent until it closed or `ms` passed. */
function raw(text, { srv = server, ms = 2000 } = {}) {
  return new Promise((resolve, reject) => {
    const sock = connect(srv.address().port, '127.0.0.1');
    let got = '';
    const timer = setTimeout(() => {
      sock.destroy();
      resolve({ text: got, closed: false });
    }, ms);
    sock.on('data', (d) => (got += d.toString('latin1')));
    sock.on('close', () => {
      clearTimeout(timer);
      resolve({ text: got, closed: true });
    });
    sock.on('error', reject);
    sock.write(text);
  });
}
const statusOf = (text) => Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1]);

test('every answer carries nosniff and a CSP the page satisfies, without unsafe-inline', async () => {
  const html = readFileSync(new URL('../../web-demo/index.html', import.meta.url), 'utf8');
  const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html)[1];
  const hash = `'sha256-${createHash('sha256').update(importMap).digest('base64')}'`;
  for (const [path, status] of [['/web-demo/', 200], ['/dist/wasm-mem.wasm', 200], ['/package.json', 404], ['/', 302]]) {
    const res = await get(path);
    await res.arrayBuffer();
    assert.equal(res.status, status, path);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
    const csp = res.headers.get('content-security-policy') ?? '';
    const script = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src ')) ?? '';
    assert.match(script, /'self'/, path);
    assert.match(script, /'wasm-unsafe-eval'/, path);
    assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'|\*/, path);
    assert.match(csp, /worker-src 'self'/, path);
    assert.equal(script.includes(hash), path === '/web-demo/', `${path}: the import map's hash only on the page`);
  }
});

test('links are resolved before the public-folder check; a FIFO does not hang it', async (t) => {
  const demo = fileURLToPath(new URL('../../web-demo/', import.meta.url));
  const tag = `harden-${process.pid}`;
  const made = [`${tag}-up`, `${tag}-pkg.json`, `${tag}-inside.css`, `${tag}-fifo.txt`].map((n) => join(demo, n));
  t.after(() => made.forEach((p) => rmSync(p, { force: true })));
  symlinkSync('..', made[0]);
  symlinkSync('../package.json', made[1]);
  symlinkSync('style.css', made[2]);
  spawnSync('mkfifo', [made[3]]);
  for (const path of [`/web-demo/${tag}-up/package.json`, `/web-demo/${tag}-up/src/mem.h`, `/web-demo/${tag}-pkg.json`, `/web-demo/${tag}-fifo.txt`]) {
    const res = await get(path);
    assert.equal(res.status, 404, path);
    await res.arrayBuffer();
  }
  const inside = await get(`/web-demo/${tag}-inside.css`);
  assert.equal(inside.status, 200, 'a link that stays inside the public folder still serves');
  assert.equal(await inside.text(), readFileSync(join(demo, 'style.css'), 'utf8'));
});

test('only localhost, 127.0.0.1 and [::1] with the right port are answered', async () => {
  for (const [host, ok] of [
    [`127.0.0.1:${port()}`, true],
    [`localhost:${port()}`, true],
    [`LOCALHOST:${port()}`, true],
    [`[::1]:${port()}`, true],
    [`evil.example:${port()}`, false],
    [`localhost.evil.example:${port()}`, false],
    [`127.0.0.1:${port() === 1 ? 2 : port() - 1}`, false],
    ['localhost', false],
    [`127.0.0.1.nip.io:${port()}`, false],
    [`[::1]@evil:${port()}`, false],
  ]) {
    const { text } = await raw(`GET /web-demo/ HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    assert.equal(statusOf(text), ok ? 200 : 421, host);
  }
  const { text } = await raw('GET /web-demo/ HTTP/1.0\r\n\r\n');
  assert.equal(statusOf(text), 421, 'no Host at all');
});

test('idle connections and slow requests are closed', async (t) => {
  const { server: quick } = await serve({ port: 0, timeouts: { idle: 200, headers: 300, request: 600 } });
  t.after(() => new Promise((r) => quick.close(r)));
  const host = `Host: 127.0.0.1:${quick.address().port}\r\n`;
  // Nothing sent at all.
  assert.equal((await raw('', { srv: quick, ms: 5000 })).closed, true, 'a silent connection stays open');
  // Headers that never end, one byte at a time.
  const slow = new Promise((resolve) => {
    const sock = connect(quick.address().port, '127.0.0.1');
    sock.write(`GET /web-demo/ HTTP/1.1\r\n${host}`);
    const drip = setInterval(() => sock.write('X'), 50);
    const give = setTimeout(() => sock.destroy(), 5000);
    sock.on('error', () => {});
    sock.on('close', () => {
      clearInterval(drip);
      clearTimeout(give);
      resolve(Date.now());
    });
  });
  const began = Date.now();
  assert.ok((await slow) - began < 4500, 'a request dripping its headers stays open');
  // A kept-alive connection after its answer.
  const kept = await raw(`GET /web-demo/style.css HTTP/1.1\r\n${host}\r\n`, { srv: quick, ms: 5000 });
  assert.equal(statusOf(kept.text), 200);
  assert.equal(kept.closed, true, 'an idle kept-alive connection stays open');
});

test('the page runs under its CSP in Chromium, and the CSP is enforced', { timeout: 120_000 }, async () => {
  const env = await start();
  try {
    const page = await env.context.newPage();
    await page.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(env.url);
    await page.waitForSelector('body[data-state="empty"]');
    assert.deepEqual(await page.evaluate(() => window.violations), [], 'the page breaks its own policy');
    assert.deepEqual(errors, []);
    // A script injected into the page is refused: the policy is really in force.
    const injected = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.injected = true';
      document.head.append(s);
      await new Promise((r) => setTimeout(r, 50));
      return [window.injected === true, window.violations.length > 0];
    });
    assert.deepEqual(injected, [false, true]);
  } finally {
    await env.close();
  }
});

test('listening on one address also answers that address as Host, and nothing else new', async (t) => {
  const { server: s } = await serve({ port: 0, host: '127.0.0.2' }).catch(() => ({ server: null }));
  if (s === null) return t.skip('127.0.0.2 is not available here');
  t.after(() => new Promise((r) => s.close(r)));
  const p = s.address().port;
  const ask = (host) => new Promise((resolve, reject) => {
    const sock = connect(p, '127.0.0.2');
    let got = '';
    sock.on('data', (d) => (got += d));
    sock.on('close', () => resolve(statusOf(got)));
    sock.on('error', reject);
    sock.write(`GET /web-demo/style.css HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
  });
  assert.equal(await ask(`127.0.0.2:${p}`), 200);
  assert.equal(await ask(`localhost:${p}`), 200);
  assert.equal(await ask(`127.0.0.3:${p}`), 421);
  assert.equal(await ask(`evil.example:${p}`), 421);
});
