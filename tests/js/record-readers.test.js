// The per-layout record readers (struct/readers.js, array/record-get.js):
// more record formats live than there are reader copies, read interleaved,
// against Python's struct (tests/vectors/records.json); names (NUL in a
// name, '__proto__', many name sets on one format); the storage kinds
// (Chunk, foreign buffer, MemSlice window) and growth, relocation and free
// between two reads; Struct with names and the options a column inherits.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { hexBytes, vectorValue } from './helpers.js';
import { Chunk, MemSlice, StrArray, Struct, memoryStats } from 'wasm-mem';

const V = JSON.parse(readFileSync(new URL('../vectors/records.json', import.meta.url), 'utf8'));
const hex = hexBytes;
const value = vectorValue;
const isScalar = (format) => /^[@=<>!]?1?[cbB?hHiIlLqQnNPefd]$/.test(format.replace(/\s+/g, ''));
const records = V.records.filter((r) => r.size > 0 && !isScalar(r.format) && r.unpack.length > 1);

function arrayOf(r, make, options) {
  const bytes = new Uint8Array(r.unpack.length * r.size);
  r.unpack.forEach((u, i) => bytes.set(hex(u.hex), i * r.size));
  return new StrArray(r.format, make(bytes), options);
}

describe('record readers against struct', () => {
  test(`${records.length} record formats live at once (more than the reader copies), read interleaved`, () => {
    for (const make of [(b) => new Chunk(b), (b) => Buffer.from(b), (b) => new MemSlice(new Chunk(b))]) {
      const arrays = records.map((r) => [r, arrayOf(r, make)]);
      for (let round = 0; round < 3; round++)
        for (const [r, a] of arrays) {
          const i = (round * 5) % r.unpack.length;
          assert.deepEqual(a.get(i), r.unpack[i].values.map(value), `${JSON.stringify(r.format)} item ${i}`);
          assert.deepEqual(a.get(-1), r.unpack.at(-1).values.map(value));
          assert.throws(() => a.get(r.unpack.length), RangeError);
        }
    }
  });

  test('with names: objects with the values in order, for every format', () => {
    for (const r of records) {
      const names = r.fields.map((_, k) => `f${k}`);
      const a = arrayOf(r, (b) => new Chunk(b), { names });
      r.unpack.forEach((u, i) => {
        const want = Object.fromEntries(u.values.map((v, k) => [names[k], value(v)]));
        assert.deepEqual(a.get(i), want, `${JSON.stringify(r.format)} item ${i}`);
        assert.deepEqual(Object.keys(a.get(i)), names);
      });
    }
  });

  test('names that differ only by where a NUL is, __proto__, and many name sets on one format', () => {
    const bytes = Uint8Array.of(1, 0, 2, 0, 3, 0, 4, 0);
    const x = new StrArray('<HH', bytes, { names: ['a\0b', 'c'] });
    const y = new StrArray('<HH', bytes, { names: ['a', 'b\0c'] });
    assert.deepEqual(x.get(1), { 'a\0b': 3, c: 4 });
    assert.deepEqual(y.get(1), { a: 3, 'b\0c': 4 });
    const p = new StrArray('<2sH', bytes, { names: ['__proto__', 'n'] }).get(0);
    assert.equal(Object.getPrototypeOf(p), Object.prototype, 'a field named __proto__ is an own property, not the prototype');
    assert.deepEqual(Object.getOwnPropertyDescriptor(p, '__proto__').value, Uint8Array.of(1, 0));
    assert.equal(p.n, 2);
    // More name sets than a Layout keeps readers for: each array still reads its own names.
    const many = Array.from({ length: 20 }, (_, k) => new StrArray('<HH', bytes, { names: [`a${k}`, `b${k}`] }));
    many.forEach((a, k) => assert.deepEqual(a.get(0), { [`a${k}`]: 1, [`b${k}`]: 2 }));
  });

  test('get called on another object is refused by the engine, not believed; another array reads its own records', () => {
    const a = new StrArray('<HH', Uint8Array.of(1, 0, 2, 0), { names: ['a', 'b'] });
    assert.throws(() => a.get.call({}, 0), TypeError);
    assert.throws(() => a.get.call(new Proxy(a, {}), 0), TypeError);
    // Another record array is read as what it is: the state is its own.
    assert.deepEqual(a.get.call(new StrArray('<II', Uint8Array.of(5, 0, 0, 0, 6, 0, 0, 0)), 0), [5, 6]);
  });

  test('growth, relocation and free between two reads of a record array', () => {
    const c = new Chunk(Uint8Array.of(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xf8, 0x3f)); // '<Id': 1, 1.5
    const a = new StrArray('<Id', c, { names: ['n', 'v'] });
    assert.deepEqual(a.get(0), { n: 1, v: 1.5 });
    const before = memoryStats().memoryBytes;
    const filler = Chunk.alloc(before * 2);
    assert.ok(memoryStats().memoryBytes > before);
    assert.deepEqual(a.get(0), { n: 1, v: 1.5 });
    c.resize(1 << 24);
    assert.deepEqual(a.get(0), { n: 1, v: 1.5 });
    assert.deepEqual(a.get(1), { n: 0, v: 0 });
    filler.free();
    c.free();
    assert.throws(() => a.get(0), { name: 'TypeError', message: /freed/ });
  });
});

describe('Struct with names and options, columns with options', () => {
  test('Struct(format, {names}).unpackFrom gives the named record of the vectors', () => {
    for (const r of records.slice(0, 40)) {
      const names = r.fields.map((_, k) => `v${k}`);
      const s = new Struct(r.format, { names });
      const u = r.unpack[1];
      const buf = new Uint8Array(3 + r.size);
      buf.set(hex(u.hex), 3);
      assert.deepEqual(s.unpackFrom(buf, 3), Object.fromEntries(u.values.map((v, k) => [names[k], value(v)])), r.format);
    }
  });

  test('int64 and strings: a column reads as its parent does, through toArray too', () => {
    const bytes = new Uint8Array(2 * 12);
    const dv = new DataView(bytes.buffer);
    dv.setBigInt64(0, 2n ** 53n - 1n, true);
    bytes.set([0x41, 0xe9, 0x43, 0], 8);
    dv.setBigInt64(12, -5n, true);
    bytes.set([0x7a, 0, 0, 0], 20);
    const a = new StrArray('<q4s', bytes, { names: ['n', 's'], int64: 'number', strings: 'latin1' });
    assert.deepEqual(a.get(0), { n: 2 ** 53 - 1, s: 'A\u00e9C\0' });
    assert.deepEqual(a.column('n').toArray(), [2 ** 53 - 1, -5]);
    assert.deepEqual(a.column('n').toTypedArray(), BigInt64Array.of(2n ** 53n - 1n, -5n));
    assert.deepEqual(a.column('s').toArray(), [['A\u00e9C\0'], ['z\0\0\0']]);
    assert.deepEqual(new StrArray('<q4s', bytes, { length: 1 }).toArray(), [[2n ** 53n - 1n, Uint8Array.of(0x41, 0xe9, 0x43, 0)]]);
    dv.setBigInt64(12, 2n ** 53n, true);
    assert.throws(() => a.column('n').toArray(), { name: 'RangeError', message: /item 1 .*not a safe integer/ });
  });
});
