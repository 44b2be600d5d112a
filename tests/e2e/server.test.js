// The demo's static server: serves the page, the package's modules and its
// .wasm with the right types, and nothing else of the repository.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../../web-demo/server.js';

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
