// The element fast paths of StrArray keep a view of an array's items between
// accesses (bindings/js/array/access-table.js), valid while wasm.js's
// `moves.generation` is unchanged. These tests change what the view shows
// between two accesses — wasm memory grows, the chunk moves (grown past its
// capacity with another block right after it), shrinks, is freed, grows in
// place — for packed scalar arrays, columns, strided, offset and
// length-bound views, windows and ChunkArray.push, and check every read
// against Python's struct (tests/vectors/access.json, made by
// tests/vectors/make_access_vectors.py): a read sees the bytes there now,
// and an access to a freed chunk throws the package's error, never stale
// memory. Foreign buffers (which tell us nothing when they change) too.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { Chunk, ChunkArray, StrArray, memoryStats } from 'wasm-mem';
import { wasmBuffer } from '../../dist/js/core/wasm.js';

const V = JSON.parse(readFileSync(new URL('../vectors/access.json', import.meta.url), 'utf8'));
const N = V.count;
const value = ([kind, text]) => (kind === 'bigint' ? BigInt(text) : Number(text));
const hex = (h) => Buffer.from(h, 'hex');
const all = (arr) => Array.from({ length: arr.length }, (_, i) => arr.get(i));
/** Reads twice: the second read goes through the view the first one kept. */
const readAll = (arr) => {
  all(arr);
  return all(arr);
};
const freedError = (fn) => (e) => e instanceof TypeError && e.message.startsWith(`${fn}(): `) && /freed/.test(e.message);

/** Grows wasm memory (every view of it is detached); returns the block that made it grow, to free. */
function growMemory() {
  const before = wasmBuffer().byteLength;
  const big = Chunk.alloc(before - memoryStats().bytesInUse + 65536); // more than is free
  assert.ok(wasmBuffer().byteLength > before, 'memory grew');
  return big;
}

/** Grows `chunk` to `n` bytes with other blocks after it until it moves (in place would not test a move); asserts it moved. */
function relocate(chunk, n) {
  const before = chunk.bytes.byteOffset;
  const blockers = [];
  for (let k = 0; k < 8 && chunk.bytes.byteOffset === before; k++) {
    blockers.push(Chunk.alloc(64));
    chunk.resize(chunk.length + 1); // a realloc only past capacity: this may still fit
    chunk.resize(Math.max(n, chunk.length * 2));
  }
  const moved = chunk.bytes.byteOffset !== before;
  for (const b of blockers) b.free();
  chunk.resize(n);
  assert.ok(moved, 'the chunk moved');
}

describe('packed scalar arrays on a chunk (every format, both byte orders)', () => {
  for (const s of V.scalars) {
    const a = s.a.map(value);
    const b = s.b.map(value);
    test(`${s.format}: memory growth, relocation, shrinking, in-place growth and free between two accesses`, () => {
      const chunk = new Chunk(hex(s.aHex));
      const arr = new StrArray(s.format, chunk);
      assert.deepEqual(readAll(arr), a);
      const big = growMemory();
      assert.deepEqual(all(arr), a, 'after memory grew');
      for (let i = 0; i < N; i++) arr.set(i, b[i]);
      assert.equal(chunk.toHex(), s.bHex, 'sets after memory grew land in the chunk');
      big.free();

      const size = chunk.length / N;
      relocate(chunk, chunk.length * 4);
      chunk.bytes.set(hex(s.aHex)); // written behind the array's back, at the new place
      assert.deepEqual(all(arr).slice(0, N), a, 'after the chunk moved');
      assert.equal(arr.length, N * 4);
      arr.set(N, b[0]);
      assert.equal(Buffer.from(chunk.bytes.subarray(N * size, N * size + size)).toString('hex'), s.bHex.slice(0, size * 2));

      chunk.resize(size * 3); // shrinks: a kept count would be too big
      assert.deepEqual(all(arr), a.slice(0, 3));
      assert.throws(() => arr.get(3), RangeError);
      assert.throws(() => arr.set(3, a[0]), RangeError);
      assert.equal(arr.get(2), a[2]);

      chunk.resize(size * 5); // in place (within capacity): the new items are there
      assert.equal(arr.get(4), typeof a[0] === 'bigint' ? 0n : 0);
      arr.set(4, b[4]);
      assert.equal(arr.get(4), b[4]);

      chunk.free();
      assert.throws(() => arr.get(0), freedError('StrArray.get'));
      assert.throws(() => arr.set(0, a[0]), freedError('StrArray.set'));
    });
  }
});

describe('columns, strided, offset and length-bound views and windows on a chunk', () => {
  for (const r of V.records) {
    const names = r.fields.map((_, k) => `f${k}`);
    test(`${r.format}: every field's column and strided view through growth, relocation, shrinking and free`, () => {
      const chunk = new Chunk(hex(r.hex));
      const recs = new StrArray(r.format, chunk, { names });
      // [what, view, its values, its item count in n bytes of the chunk]
      const views = r.fields.flatMap((f, k) => {
        const size = { b: 1, B: 1, h: 2, H: 2, i: 4, I: 4, q: 8, Q: 8, f: 4, d: 8 }[f.format[1]];
        const strided = (n, from) => (n >= from + size ? Math.floor((n - from - size) / r.size) + 1 : 0);
        const values = f.values.map(value);
        return [
          [`column ${k}`, recs.column(names[k]), values, (n) => Math.floor(n / r.size)],
          [`stride ${f.format}`, new StrArray(f.format, chunk, { offset: f.offset, stride: r.size }), values, (n) => strided(n, f.offset)],
          [`length 5 ${f.format}`, new StrArray(f.format, chunk, { offset: f.offset, stride: r.size, length: 5 }), values.slice(0, 5), (n) => Math.min(5, strided(n, f.offset))],
          [`window ${f.format}`, new StrArray(f.format, chunk.subarray(r.size + f.offset), { stride: r.size }), values.slice(1), (n) => strided(n, r.size + f.offset)],
        ];
      });
      for (const [what, view, want] of views) assert.deepEqual(readAll(view), want, what);
      const big = growMemory();
      for (const [what, view, want] of views) assert.deepEqual(all(view), want, `${what} after memory grew`);
      big.free();

      relocate(chunk, r.size * N * 3);
      chunk.bytes.set(hex(r.hex)); // the same records at the new place; zeros after them
      for (const [what, view, want] of views) assert.deepEqual(all(view).slice(0, want.length), want, `${what} after the chunk moved`);
      // Sets through a column land in the chunk where Python's struct puts them.
      const last = r.fields.length - 1;
      const col = recs.column(names[last]);
      const vals = r.fields[last].values.map(value);
      for (let i = 0; i < N; i++) col.set(i, vals[N - 1 - i]);
      const want = Buffer.from(hex(r.hex));
      for (let i = 0; i < N; i++) {
        const from = (N - 1 - i) * r.size + r.fields[last].offset;
        hex(r.hex).copy(want, i * r.size + r.fields[last].offset, from, from + (r.size - r.fields[last].offset));
      }
      assert.equal(Buffer.from(chunk.bytes.subarray(0, r.size * N)).toString('hex'), want.toString('hex'));
      chunk.bytes.set(hex(r.hex)); // Python's records again

      const shrunk = r.size * 2 + 1; // two whole records and a byte
      chunk.resize(shrunk);
      for (const [what, view, want, count] of views) {
        const n = count(shrunk);
        assert.equal(view.length, n, what);
        assert.deepEqual(all(view), want.slice(0, n), what);
        assert.throws(() => view.get(n), RangeError, what);
        assert.throws(() => view.set(n, want[0]), RangeError, what);
      }
      chunk.resize(r.size * 4); // in place: records 2 and 3 are zeros, and there
      for (const [what, view, want, count] of views) {
        assert.equal(view.length, count(r.size * 4), what);
        assert.equal(view.get(count(r.size * 4) - 1), typeof want[0] === 'bigint' ? 0n : 0, what);
      }

      chunk.free();
      for (const [what, view, want] of views) {
        assert.throws(() => view.get(0), freedError('StrArray.get'), what);
        assert.throws(() => view.set(0, want[0]), freedError('StrArray.set'), what);
      }
    });
  }

  test('an offset view of a scalar array follows its chunk', () => {
    const s = V.scalars.find((x) => x.format === '<i');
    const chunk = new Chunk(hex(s.aHex));
    const view = new StrArray('<i', chunk, { offset: 8 });
    const a = s.a.map(value);
    assert.deepEqual(readAll(view), a.slice(2));
    relocate(chunk, chunk.length * 2);
    assert.deepEqual(all(view).slice(0, N - 2), a.slice(2));
    chunk.free();
    assert.throws(() => view.get(0), freedError('StrArray.get'));
  });
});

describe('ChunkArray.push', () => {
  for (const s of V.scalars) {
    test(`${s.format}: pushes from empty with memory growth and relocation between them`, () => {
      const a = s.a.map(value);
      const arr = new ChunkArray(s.format);
      const others = [];
      for (let i = 0; i < N; i++) {
        assert.equal(arr.push(a[i]), i + 1);
        assert.equal(arr.get(i), a[i]); // the new item is seen by the array's own get
        if (i % 8 === 3) others.push(growMemory());
        if (i % 8 === 5) others.push(Chunk.alloc(16)); // a block after the array's: its next growth moves it
      }
      assert.equal(Buffer.from(arr.valueOf()).toString('hex'), s.aHex);
      assert.deepEqual(all(arr), a);
      for (const o of others) o.free();
      arr.free();
      assert.throws(() => arr.push(a[0]), TypeError);
      assert.throws(() => arr.get(0), TypeError);
    });
  }

  test('a view of the array (a second StrArray over its chunk) sees the pushed items', () => {
    const arr = new ChunkArray('<d');
    const other = new StrArray('<d', arr.buffer);
    assert.equal(other.length, 0);
    for (let i = 0; i < 1000; i++) {
      arr.push(i * 0.5);
      assert.equal(other.get(i), i * 0.5);
    }
    arr.free();
    assert.throws(() => other.get(0), freedError('StrArray.get'));
  });
});

describe('foreign buffers', () => {
  const s = V.scalars.find((x) => x.format === '>d');
  const r = V.records.find((x) => x.format === '<IHd');
  const a = s.a.map(value);
  const col = r.fields[2].values.map(value);

  for (const [label, make] of [
    ['ArrayBuffer', (h) => Uint8Array.from(hex(h)).buffer],
    ['Buffer', (h) => hex(h)],
    ['Uint8Array at an offset', (h) => { const u = new Uint8Array(hex(h).length + 3); u.set(hex(h), 3); return u.subarray(3); }],
    ['SharedArrayBuffer', (h) => { const b = new SharedArrayBuffer(hex(h).length); new Uint8Array(b).set(hex(h)); return b; }],
    ['resizable ArrayBuffer', (h) => { const b = new ArrayBuffer(hex(h).length, { maxByteLength: 4096 }); new Uint8Array(b).set(hex(h)); return b; }],
  ]) {
    test(`${label}: packed, column and strided views read and write the buffer's bytes`, () => {
      const buf = make(s.aHex);
      const arr = new StrArray('>d', buf);
      assert.deepEqual(readAll(arr), a);
      arr.set(1, 2.5);
      assert.equal(new DataView(arr.buffer.buffer ?? arr.buffer, arr.buffer.byteOffset ?? 0).getFloat64(8, false), 2.5);
      const recs = new StrArray(r.format, make(r.hex), { names: ['a', 'b', 'c'] });
      const c = recs.column('c');
      const strided = new StrArray('<d', recs.buffer, { offset: 6, stride: r.size, length: 7 });
      assert.deepEqual(readAll(c), col);
      assert.deepEqual(readAll(strided), col.slice(0, 7));
      c.set(3, -1.25);
      assert.equal(strided.get(3), -1.25);
      assert.throws(() => strided.get(7), RangeError);
    });
  }

  test('a resizable ArrayBuffer that shrinks and grows between two accesses', () => {
    const buf = new ArrayBuffer(hex(r.hex).length, { maxByteLength: 4096 });
    new Uint8Array(buf).set(hex(r.hex));
    const c = new StrArray(r.format, buf, { names: ['a', 'b', 'c'] }).column('c');
    const packed = new StrArray('<H', buf);
    assert.deepEqual(readAll(c), col);
    all(packed);
    buf.resize(r.size * 2);
    assert.equal(c.length, 2);
    assert.deepEqual(all(c), col.slice(0, 2));
    assert.throws(() => c.get(2), RangeError);
    assert.throws(() => c.set(2, 1), RangeError);
    assert.throws(() => packed.get(r.size), RangeError);
    buf.resize(r.size * 3); // grown back: zeros
    assert.equal(c.get(2), 0);
    assert.equal(packed.get(r.size * 2 / 2 + 1), 0);
  });

  test('a detached ArrayBuffer: the package\'s TypeError, for packed and strided views', () => {
    const buf = Uint8Array.from(hex(r.hex)).buffer;
    const c = new StrArray(r.format, buf).column(2);
    const packed = new StrArray('<I', buf);
    all(c);
    all(packed);
    structuredClone(buf, { transfer: [buf] }); // detaches it
    for (const arr of [c, packed]) {
      assert.throws(() => arr.get(0), (e) => e instanceof TypeError && /^StrArray\.get\(\): .*detached/.test(e.message));
      assert.throws(() => arr.set(0, 1), TypeError);
    }
  });
});

test("another table's method called on an array (with call) gives the generic answer", () => {
  const r = V.records.find((x) => x.format === '<Qd');
  const chunk = new Chunk(hex(r.hex));
  const column = new StrArray(r.format, chunk).column(1);
  const packed = new StrArray('<d', new Chunk(hex(r.hex)));
  const packedGet = Object.getPrototypeOf(packed).get;
  const columnGet = Object.getPrototypeOf(column).get;
  const want = r.fields[1].values.map(value);
  assert.equal(packedGet.call(column, 3), want[3]);
  assert.equal(column.get(3), want[3]);
  assert.equal(columnGet.call(packed, 2), packed.get(2));
  assert.deepEqual(all(column), want);
  chunk.free();
  packed.buffer.free();
});

// The fast set and push check the value with fits.js's tests written out inline
// (scripts/make_access.py, FITS): each integer code's bounds, on every kind of
// array those methods serve, against Buffer's own writers (which take exactly
// the in-range integers) as the oracle of what is stored; everything else is refused
// and leaves the item as it was.
test('fast set and push take exactly the in-range values of their code', () => {
  const codes = [
    ['b', 1, 'writeInt8', -128, 127], ['B', 1, 'writeUInt8', 0, 255],
    ['h', 2, 'writeInt16', -32768, 32767], ['H', 2, 'writeUInt16', 0, 65535],
    ['i', 4, 'writeInt32', -(2 ** 31), 2 ** 31 - 1], ['I', 4, 'writeUInt32', 0, 2 ** 32 - 1],
  ];
  const bad = (lo, hi) => [lo - 1, hi + 1, 0.5, -0.5, Number.NaN, Number.POSITIVE_INFINITY, '1', 1n, null, undefined];
  for (const [code, size, writer, lo, hi] of codes) {
    for (const order of size === 1 ? ['<'] : ['<', '>']) {
      const fmt = order + code;
      const oracleWrite = size === 1 ? writer : writer + (order === '<' ? 'LE' : 'BE');
      const arrays = [
        ['whole chunk', new StrArray(fmt, Chunk.alloc(4 * size))],
        ['offset on a chunk', new StrArray(fmt, Chunk.alloc(5 * size), { offset: size })],
        ['whole Buffer', new StrArray(fmt, Buffer.alloc(4 * size))],
      ];
      for (const [what, arr] of arrays) {
        for (const v of [lo, hi, 0, -0, 1]) {
          const want = Buffer.alloc(size);
          want[oracleWrite](v, 0);
          arr.set(1, v);
          assert.equal(arr.get(1), want[size === 1 ? writer.replace('write', 'read') : oracleWrite.replace('write', 'read')](0), `${fmt} ${what} ${v}`);
        }
        arr.set(2, 7);
        for (const v of bad(lo, hi)) {
          assert.throws(() => arr.set(2, v), (e) => e instanceof TypeError || e instanceof RangeError, `${fmt} ${what} ${String(v)}`);
          assert.equal(arr.get(2), 7, `${fmt} ${what}: nothing stored for ${String(v)}`);
        }
      }
      const pushed = new ChunkArray(fmt);
      pushed.push(lo);
      pushed.push(hi);
      for (const v of bad(lo, hi)) assert.throws(() => pushed.push(v), (e) => e instanceof TypeError || e instanceof RangeError, `${fmt} push ${String(v)}`);
      assert.deepEqual(all(pushed), [lo, hi], `${fmt} push`);
      pushed.free();
      for (const [, arr] of arrays) if (arr.buffer instanceof Chunk) arr.buffer.free();
    }
  }
  // '<d' takes any number (NaN too), nothing else.
  const d = new StrArray('<d', Chunk.alloc(16));
  for (const v of [Number.NaN, -0, 1e308, Number.NEGATIVE_INFINITY]) {
    d.set(1, v);
    assert.ok(Object.is(d.get(1), v));
  }
  for (const v of ['1', 1n, null]) assert.throws(() => d.set(0, v), TypeError);
  d.buffer.free();
});

// A record array over a whole chunk reads through a DataView of the block kept
// per generation (array/record-get.js, made by scripts/make_readers.py).
describe('record arrays over a whole chunk: the kept view', () => {
  for (const r of V.records) {
    test(`${r.format}: growth, relocation, shrinking, growth in place and free between two gets`, () => {
      const recs = Array.from({ length: N }, (_, k) => r.fields.map((f) => value(f.values[k])));
      const zero = r.fields.map((f) => (typeof recs[0][r.fields.indexOf(f)] === 'bigint' ? 0n : 0));
      const chunk = new Chunk(hex(r.hex));
      const arr = new StrArray(r.format, chunk);
      assert.deepEqual(readAll(arr), recs);
      const big = growMemory();
      assert.deepEqual(all(arr), recs, 'after memory grew');
      big.free();
      relocate(chunk, r.size * N * 3);
      chunk.bytes.set(hex(r.hex));
      assert.deepEqual(all(arr).slice(0, N), recs, 'after the chunk moved');
      assert.deepEqual(arr.get(N), zero, 'past the records: zeros');
      chunk.resize(r.size * 2 + 1); // two whole records and a byte
      assert.deepEqual(all(arr), recs.slice(0, 2));
      assert.throws(() => arr.get(2), RangeError);
      chunk.resize(r.size * 3); // in place: record 2 is there again, as its bytes are now
      assert.deepEqual(arr.get(2), new StrArray(r.format, Buffer.from(chunk.bytes)).get(2));
      chunk.free();
      assert.throws(() => arr.get(0), freedError('StrArray.get'));
    });
  }
});
