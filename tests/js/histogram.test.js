// histogram (issue 26) against a plain-loop model of its definition: every
// bytes-like kind, in place in wasm memory and staged in windows from foreign
// buffers, sizes on both sides of the JS loop's limit (768 bytes) and of the window
// (256 KiB), Python slice positions; the argument rules of SPEC §1; counts
// of 2^32 refused; no wasm memory kept.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Chunk, ChunkArray, MemSlice, histogram, memoryStats } from 'wasm-mem';
import { wasmBuffer } from '../../dist/js/core/wasm.js';
import { freeKinds, kinds, rng } from './helpers.js';

const WINDOW = 256 << 10; // histogram.js stages foreign bytes in windows of this size
const SMALL = 768; // and counts ranges up to this many bytes in JS

/** Python's slice positions: negative counts from the end, then clamped to [0, n]. */
function slice(n, start, end) {
  const pos = (v, dflt) => (v === undefined ? dflt : v < 0 ? Math.max(0, v + n) : Math.min(v, n));
  return [pos(start, 0), pos(end, n)];
}

/** The model: one count per byte of u8[start:end]. */
function model(u8, start, end) {
  const [s, e] = slice(u8.length, start, end);
  const out = new Uint32Array(256);
  for (let i = s; i < e; i++) out[u8[i]]++;
  return out;
}

/** Bytes with runs (the kernel's 64-byte run path) and noise. */
function runsAndNoise(next, n) {
  const u8 = new Uint8Array(n);
  for (let i = 0; i < n; ) {
    const run = 1 + next.int(next() < 0.3 ? 300 : 3);
    u8.fill(next.int(256), i, i + run);
    i += run;
  }
  return u8;
}

describe('histogram', () => {
  test('the issue example: 256 counts', () => {
    const h = histogram(Uint8Array.of(7, 7, 7, 9));
    assert.ok(h instanceof Uint32Array);
    assert.deepEqual([h.length, h[7], h[9], h.reduce((a, b) => a + b)], [256, 3, 1, 4]);
  });

  test('a table of inputs and ranges', () => {
    const table = [
      ['', undefined, undefined, {}],
      ['abca', undefined, undefined, { a: 2, b: 1, c: 1 }],
      ['abca', 1, undefined, { a: 1, b: 1, c: 1 }],
      ['abca', -1, undefined, { a: 1 }],
      ['abca', 1, -1, { b: 1, c: 1 }],
      ['abca', 3, 1, {}], // start after end: empty
      ['abca', 9, undefined, {}], // start past the end: empty (a slice, not a search start)
      ['abca', -99, 99, { a: 2, b: 1, c: 1 }],
      ['abca', 0, -99, {}],
      ['héé', undefined, undefined, { h: 1, '\xc3': 2, '\xa9': 2 }], // a string is its UTF-8 bytes
    ];
    for (const [text, start, end, want] of table) {
      const h = histogram(text, start, end);
      const expected = new Uint32Array(256);
      for (const [ch, n] of Object.entries(want)) expected[ch.charCodeAt(0)] = n;
      assert.deepEqual(h, expected, `histogram(${JSON.stringify(text)}, ${start}, ${end})`);
    }
  });

  test('every bytes-like kind, sizes across the JS loop, the run test and the window, random ranges (seeded)', () => {
    const seed = 2601;
    const next = rng(seed);
    const sizes = [0, 1, 63, 64, 65, SMALL, SMALL + 1, 1000, 4096 + 3, WINDOW - 1, WINDOW + 1, 2 * WINDOW + 77];
    for (const n of sizes) {
      const u8 = runsAndNoise(next, n);
      const ranges = [[undefined, undefined], [next.int(n + 1), undefined], [-next.int(n + 2) - 1, undefined], [next.int(n + 1) - 10, -next.int(n + 1)]];
      const list = kinds(u8);
      try {
        for (const [label, value] of list) {
          for (const [start, end] of ranges) {
            assert.deepEqual(histogram(value, start, end), model(u8, start, end), `seed ${seed}: ${label} of ${n} bytes, [${start}, ${end})`);
          }
        }
      } finally {
        freeKinds(list);
      }
    }
  });

  test('the classes: a Chunk and a MemSlice in place, a ChunkArray, a slice of a Buffer', () => {
    const u8 = runsAndNoise(rng(26), 3 * WINDOW);
    const chunk = new Chunk(u8);
    try {
      assert.deepEqual(histogram(chunk), model(u8));
      assert.deepEqual(histogram(chunk.subarray(5000, -7)), model(u8, 5000, -7));
      assert.deepEqual(histogram(new MemSlice(chunk, 100, 300)), model(u8, 100, 300));
      assert.deepEqual(histogram(chunk, -SMALL - 1), model(u8, -SMALL - 1));
    } finally {
      chunk.free();
    }
    const arr = new ChunkArray('<H', [0x0102, 0x0102, 0xffff]);
    assert.deepEqual([histogram(arr)[1], histogram(arr)[2], histogram(arr)[255]], [2, 2, 2]);
    const buf = Buffer.from('xxabcxx').subarray(2, 5); // only the view's own window counts
    assert.equal(histogram(buf)[0x78], 0);
  });

  test('runs of one value: whole windows of zeros, and one byte that breaks a run', () => {
    const zeros = new Uint8Array(2 * WINDOW + 100);
    assert.equal(histogram(zeros)[0], zeros.length);
    zeros[WINDOW + 63] = 1;
    const h = histogram(zeros);
    assert.deepEqual([h[0], h[1]], [zeros.length - 1, 1]);
    const c = new Chunk(zeros);
    assert.deepEqual(histogram(c), h);
    c.free();
  });

  test('the counts are a new Uint32Array, not a view of wasm memory', () => {
    const c = new Chunk(new Uint8Array(1000));
    const h = histogram(c);
    c.free();
    assert.notEqual(h.buffer, wasmBuffer());
    assert.equal(h[0], 1000);
  });

  test('SPEC §1 argument rules: TypeError for a wrong type, RangeError past ±(2^53 - 1), slices clamped', () => {
    const b = new Uint8Array(10);
    for (const bad of [null, '1', 1n, true, {}, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      assert.throws(() => histogram(b, bad), (e) => e instanceof TypeError && /^histogram\(\): start /.test(e.message), String(bad));
      assert.throws(() => histogram(b, 0, bad), (e) => e instanceof TypeError && /^histogram\(\): end /.test(e.message), String(bad));
    }
    assert.throws(() => histogram(b, 2 ** 53), (e) => e instanceof RangeError && /start must be within/.test(e.message));
    assert.throws(() => histogram(b, 0, -(2 ** 53)), RangeError);
    assert.equal(histogram(b, Number.MAX_SAFE_INTEGER)[0], 0);
    assert.equal(histogram(b, -Number.MAX_SAFE_INTEGER)[0], 10);
    for (const bad of [undefined, null, 5, {}, [1, 2], Symbol('x')]) {
      assert.throws(() => histogram(bad), (e) => e instanceof TypeError && /^histogram\(\): bytes must be a bytes-like or a string/.test(e.message));
    }
    const freed = new Chunk('abc');
    freed.free();
    assert.throws(() => histogram(freed), (e) => e instanceof TypeError && /freed Chunk/.test(e.message));
    const detached = new ArrayBuffer(8);
    structuredClone(detached, { transfer: [detached] });
    assert.throws(() => histogram(detached), (e) => e instanceof TypeError && /detached/.test(e.message));
  });

  test('a value occurring 2^32 times is refused with a RangeError (counted exactly); 2^32 - 1 fits', () => {
    // 4 GiB of zero pages: the OS maps them lazily, so this reads 4 GiB without holding it (~3 s).
    const big = new Uint8Array(2 ** 32);
    assert.throws(
      () => histogram(big),
      (e) => e instanceof RangeError && e.message === 'histogram(): bytes holds 4294967296 bytes of value 0: a Uint32Array count holds at most 2^32 - 1',
    );
    assert.equal(histogram(big, 1)[0], 2 ** 32 - 1);
  });

  test('no wasm memory kept: in place, in windows, and after an error', () => {
    const foreign = runsAndNoise(rng(7), 3 * WINDOW);
    const chunk = new Chunk(foreign);
    const run = () => {
      histogram(foreign);
      histogram(foreign, 10, 500);
      histogram(chunk);
      assert.throws(() => histogram(foreign, 'x'), TypeError);
    };
    run();
    const before = memoryStats();
    for (let k = 0; k < 5; k++) run();
    const after = memoryStats();
    chunk.free();
    assert.equal(after.bytesInUse, before.bytesInUse);
    assert.equal(after.allocations - before.allocations, after.frees - before.frees);
  });
});
