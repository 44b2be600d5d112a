// The loader: one instance per realm, reachable through import and require
// alike; init() from every kind of source; the cached memory view replaced
// on growth and never used stale.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import * as mem from 'wasm-mem';
import { core, heap, wasmBuffer } from '../../dist/js/core/wasm.js';
import { wasmBytes } from './helpers.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url)));

function inFreshRealm(workerData) {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./fixtures/fresh-realm.js', import.meta.url), { workerData });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

test('require() gives the very same module and classes as import', () => {
  const required = createRequire(import.meta.url)('wasm-mem');
  assert.equal(required.find, mem.find);
  assert.equal(required.NotFoundError, mem.NotFoundError);
  assert.equal(required.bytes, mem.bytes);
  assert.equal(required.find('xxab', 'ab'), 2);
});

test('version matches package.json', () => {
  assert.equal(mem.version, pkg.version);
});

test('init() is a no-op once instantiated, whatever it is given', async () => {
  const before = wasmBuffer();
  await mem.init();
  await mem.init(new Uint8Array([0, 1, 2]));
  assert.equal(wasmBuffer(), before);
  assert.equal(mem.find('abc', 'c'), 2);
});

test('the exports are exactly those the SPEC names', () => {
  const functions = ['index', 'rindex', 'find', 'rfind', 'findAll', 'cmp', 'copy', 'len', 'diff', 'rdiff', 'match', 'rmatch'];
  const struct = ['calcsize', 'pack', 'packInto', 'unpack', 'unpackFrom', 'iterUnpack', 'Struct']; // §5
  const patterns = ['Pattern', 'hexPattern', 'findAny', 'findAllAny', 'magic']; // §10
  const streams = ['findAsync', 'findAllAsync', 'countAsync', 'rfindAsync', 'cmpAsync', 'diffAsync', 'findAllAnyAsync']; // §9
  const web = ['histogram']; // issue 26
  const expected = [...functions, ...struct, ...patterns, ...streams, ...web, 'init', 'version', 'bytes', 'NotFoundError', 'Chunk', 'MemSlice', 'dumps', 'loads', 'memoryStats', 'StrArray', 'ChunkArray', 'StrIO', 'ChunkIO'];
  assert.deepEqual(Object.keys(mem).sort(), expected.sort());
});

for (const source of ['bytes', 'arraybuffer', 'module', 'response', 'untyped response']) {
  test(`init(${source}) in a fresh realm instantiates the module`, async () => {
    const out = await inFreshRealm({ scenario: 'init', source });
    assert.match(out.before, /^Error: wasm-mem is not initialised/);
    assert.equal(out.error, undefined);
    assert.equal(out.after, 2);
    assert.equal(out.again, 5);
  });
}

test('init() with a source of the wrong kind is a TypeError', async () => {
  const out = await inFreshRealm({ scenario: 'init', source: 'bad' });
  assert.match(out.error, /^TypeError: init\(\): source must be/);
});

test('memory growth replaces the cached view; wasm-resident arguments still read right', async () => {
  const out = await inFreshRealm({ scenario: 'growth' });
  assert.deepEqual(out, {
    find: 2 << 20,
    grew: true,
    oldViewDetached: true,
    heapIsCurrent: true,
    rfind: (4 << 20) - 10,
    all: [2 << 20],
    cmp: 0,
    diff: (4 << 20) - 11,
  });
});

test('a growth in this realm: old views detach, heap() follows, data is intact', () => {
  const w = wasmBytes(Buffer.from('hello growth'));
  const old = heap();
  const big = core.malloc(wasmBuffer().byteLength); // more than is free: must grow
  assert.notEqual(big, 0);
  assert.equal(old.byteLength, 0);
  assert.equal(heap().buffer, wasmBuffer());
  assert.equal(mem.find(w, 'growth'), 6);
  core.free(big);
  w.free();
});
