// Bulk reads and writes of columns and strided views (array/bulk.js over the
// C kernel mem_gather): toTypedArray, toArray, fill and slice against
// Python's struct (tests/vectors/records.json: every code in every byte
// order and alignment), against DataView loops over windows of the kernel's
// size, and across memory growth, relocation and free between two calls.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { hexBytes, vectorValue } from './helpers.js';
import { Chunk, ChunkArray, MemSlice, StrArray, bytes as bytesOf, memoryStats } from 'wasm-mem';

const V = JSON.parse(readFileSync(new URL('../vectors/records.json', import.meta.url), 'utf8'));
const hex = hexBytes;
const value = vectorValue;
const TYPED = { c: Uint8Array, '?': Uint8Array, e: Float32Array };
const typedOf = (code) => TYPED[code] ?? { b: Int8Array, B: Uint8Array, h: Int16Array, H: Uint16Array, q: BigInt64Array, Q: BigUint64Array, f: Float32Array, d: Float64Array }[code] ?? (/[ilnI]/.test(code) ? (code === code.toLowerCase() ? Int32Array : Uint32Array) : Uint32Array);
/** What toTypedArray holds for a value (c: its char code, ?: 0 or 1). */
const typedValue = (code, v) => (code === 'c' ? v.charCodeAt(0) : code === '?' ? +v : v);
const PREFIX = 3; // bytes before the first record: columns over an offset too
const REPEAT = 5; // every unpack vector 5 times: past the kernel's SIMD groups of 2, 4 and 8 items
const isScalar = (format) => /^[@=<>!]?1?[cbB?hHiIlLqQnNPefd]$/.test(format.replace(/\s+/g, ''));
/** Record formats (a scalar format has no columns: its array is the column). */
const valid = V.records.filter((r) => r.size > 0 && r.fields.length > 0 && !isScalar(r.format));

/** The unpack vectors of a format, repeated, after PREFIX bytes: [bytes, records' values]. */
function recordsOf(r) {
  const recs = [];
  for (let k = 0; k < REPEAT; k++) recs.push(...r.unpack);
  const bytes = new Uint8Array(PREFIX + recs.length * r.size);
  recs.forEach((u, i) => bytes.set(hex(u.hex), PREFIX + i * r.size));
  return [bytes, recs.map((u) => u.values.map(value))];
}

/** The kinds of buffer a column lives in: a Chunk, a foreign Buffer, a MemSlice window of a Chunk. */
function buffers(bytes) {
  const chunk = new Chunk(bytes);
  const big = new Chunk(new Uint8Array(10), bytes, new Uint8Array(10));
  return [
    ['Chunk', chunk],
    ['Buffer', Buffer.from(bytes)],
    ['ArrayBuffer', bytes.slice().buffer],
    ['MemSlice', new MemSlice(big, 10, 10 + bytes.length)],
  ];
}

describe('columns against struct', () => {
  test(`toTypedArray and toArray of every field of ${valid.length} formats, in every kind of buffer`, () => {
    let checked = 0;
    for (const r of valid) {
      const [bytes, values] = recordsOf(r);
      for (const [kind, buf] of buffers(bytes)) {
        const a = new StrArray(r.format, buf, { offset: PREFIX });
        r.fields.forEach((f, k) => {
          const col = a.column(k);
          const bytesField = f.code === 's' || f.code === 'p'; // a one-value record: items are [bytes]
          const want = values.map((v) => (bytesField ? [v[k]] : v[k]));
          const where = `${JSON.stringify(r.format)} field ${k} in a ${kind}`;
          assert.deepEqual(col.toArray(), want, where);
          if (!bytesField) {
            assert.deepEqual(col.toTypedArray(), typedOf(f.code).from(want, (v) => typedValue(f.code, v)), where);
            checked++;
          }
        });
        if (buf instanceof Chunk) buf.free();
      }
    }
    assert.ok(checked > 400, `${checked} typed columns`);
  });

  test('the same fields as hand-made strided views (options offset, stride, length)', () => {
    for (const r of valid) {
      const [bytes, values] = recordsOf(r);
      const prefix = /^[@=<>!]/.test(r.format) ? r.format[0] : '';
      r.fields.forEach((f, k) => {
        if (f.code === 's' || f.code === 'p') return;
        const fmt = `${prefix === '@' || prefix === '' ? '<' : prefix}${f.code}`;
        if (/[nNP]/.test(f.code)) return; // native-only codes: no standard-order format of them
        for (const length of [undefined, 0, 1, 7, values.length - 1]) {
          const v = new StrArray(fmt, Buffer.from(bytes), { offset: PREFIX + f.offset, stride: r.size, length });
          const want = values.slice(0, length ?? values.length).map((x) => x[k]);
          assert.deepEqual(v.toArray(), want, `${fmt} of ${r.format}, length ${length}`);
          assert.deepEqual(v.toTypedArray(), typedOf(f.code).from(want, (x) => typedValue(f.code, x)), `${fmt} of ${r.format}`);
        }
      });
    }
  });

  test('fill over a column writes what struct packs, and no other byte', () => {
    let filled = 0;
    for (const r of valid) {
      const [bytes] = recordsOf(r);
      const packed = hex(r.pack[0].hex);
      const packValues = r.pack[0].values.map(value);
      for (const [kind, buf] of buffers(bytes)) {
        const a = new StrArray(r.format, buf, { offset: PREFIX });
        const n = a.length;
        r.fields.forEach((f, k) => {
          const col = a.column(k);
          const before = new Uint8Array(a.valueOf());
          col.fill(f.code === 's' || f.code === 'p' ? [packValues[k]] : packValues[k], 1, -1);
          const after = new Uint8Array(a.valueOf());
          const want = before.slice();
          for (let i = 1; i < n - 1; i++) want.set(packed.subarray(f.offset, f.offset + f.size), i * r.size + f.offset);
          assert.deepEqual(after, want, `${JSON.stringify(r.format)} field ${k} in a ${kind}`);
          filled++;
        });
        if (buf instanceof Chunk) buf.free();
      }
    }
    assert.ok(filled > 500);
  });
});

describe('windows of the kernel against DataView loops', () => {
  const CODES = 'bBhHiIqQfd';
  const N = 9001; // several windows of 32 KiB whatever the field size, and a partial last one
  test('columns of 9001 records, every code in both byte orders, in a Chunk and a Buffer', () => {
    const bytes = new Uint8Array(N * 24);
    for (let i = 0, x = 5; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 23;
    for (const code of CODES)
      for (const order of '<>') {
        const size = typedOf(code).BYTES_PER_ELEMENT;
        const format = `${order}3x${code}${24 - 3 - size}x`;
        // The oracle is the bytes themselves, reversed for '>' (a DataView read would quiet a float NaN's payload).
        const want = new (typedOf(code))(N);
        const wantBytes = new Uint8Array(want.buffer);
        for (let i = 0; i < N; i++)
          for (let b = 0; b < size; b++) wantBytes[i * size + b] = bytes[i * 24 + 3 + (order === '<' ? b : size - 1 - b)];
        for (const buf of [new Chunk(bytes), Buffer.from(bytes)]) {
          const col = new StrArray(format, buf).column(0);
          const got = col.toTypedArray();
          // Floats compared by their bits: NaN payloads and -0 kept.
          const bits = (t) => new Uint8Array(t.buffer, t.byteOffset, t.byteLength);
          assert.deepEqual(bits(got), bits(want), `${format} in a ${buf.constructor.name}`);
          assert.equal(col.toArray().length, N);
          // A strided slice is the gathered records, packed.
          const s = new StrArray(`${order}${code}`, buf, { offset: 3, stride: 24 }).slice(100, 8100);
          assert.deepEqual(bits(s.toTypedArray()), bits(want.subarray(100, 8100)), `${format} slice`);
          assert.equal(s.stride, size);
          s.free();
          if (buf instanceof Chunk) buf.free();
        }
      }
  });

  test('a big-endian contiguous array reads swapped in one call', () => {
    const a = new StrArray('>i', Buffer.from([0x80, 0, 0, 1, 0, 0, 1, 0, 0xff, 0xff, 0xff, 0xfe]));
    assert.deepEqual(a.toTypedArray(), Int32Array.of(-(2 ** 31) + 1, 256, -2));
    assert.deepEqual(a.toArray(), [-(2 ** 31) + 1, 256, -2]);
  });

  test('fill of a strided view in a Chunk and a Buffer, big-endian, over 9001 items', () => {
    for (const make of [(n) => Chunk.alloc(n), (n) => Buffer.alloc(n)]) {
      const buf = make(N * 10);
      const v = new StrArray('>d', buf, { offset: 1, stride: 10 });
      v.fill(-1.5, 2, N - 3);
      const dv = new DataView(new Uint8Array(buf instanceof Chunk ? buf.toUint8Array() : buf).buffer);
      for (let i = 0; i < N; i++) assert.equal(dv.getFloat64(1 + i * 10, false), i >= 2 && i < N - 3 ? -1.5 : 0, `item ${i}`);
      assert.equal(dv.getUint8(0) + dv.getUint8(9) + dv.getUint8(N * 10 - 1), 0);
      if (buf instanceof Chunk) buf.free();
    }
  });
});

describe('extend from a typed array, big-endian', () => {
  test('the bytes a DataView writes, for every code, in one swapped copy', () => {
    const SET = { b: 'Int8', B: 'Uint8', h: 'Int16', H: 'Uint16', i: 'Int32', I: 'Uint32', q: 'BigInt64', Q: 'BigUint64', f: 'Float32', d: 'Float64' };
    for (const code of Object.keys(SET)) {
      const T = typedOf(code);
      const values = T.from({ length: 37 }, (_, k) => (T.name.startsWith('Big') ? BigInt(k * 1000003 - 7) : k * 1000003 - 7.25));
      const a = new ChunkArray(`>${code}`, [values[0]]);
      a.extend(values.subarray(1));
      const want = new DataView(new ArrayBuffer(values.length * T.BYTES_PER_ELEMENT));
      values.forEach((v, k) => want[`set${SET[code]}`](k * T.BYTES_PER_ELEMENT, v, false));
      assert.deepEqual(new Uint8Array(a.valueOf()), new Uint8Array(want.buffer), `>${code}`);
      assert.deepEqual(a.toTypedArray(), values, `>${code} read back`);
      a.free();
    }
  });
});

describe('bulk calls across memory changes', () => {
  test('growth, relocation and free between two bulk calls', () => {
    const n = 5000;
    const c = Chunk.alloc(n * 16);
    const a = new StrArray('<I4xd', c, { names: ['id', 'v'] });
    for (let i = 0; i < n; i++) a.set(i, { id: i, v: i / 4 });
    const col = a.column('v');
    const want = Float64Array.from({ length: n }, (_, i) => i / 4);
    assert.deepEqual(col.toTypedArray(), want);
    // Grow wasm memory: every view of it is detached; the next call must use the new one.
    const before = memoryStats().memoryBytes;
    const filler = Chunk.alloc(before * 2);
    assert.ok(memoryStats().memoryBytes > before, 'memory grew');
    assert.deepEqual(col.toTypedArray(), want);
    // Relocate the chunk (a resize that cannot stay in place moves it).
    // Relocate the chunk: a resize that cannot stay in place moves it (the filler sits after it).
    const where = () => c[bytesOf]().byteOffset; // the chunk's place in wasm memory
    const at = where();
    for (let extra = 1 << 16; where() === at && extra <= 1 << 26; extra *= 4) c.resize(n * 16 + extra);
    assert.notEqual(where(), at, 'the chunk moved');
    assert.deepEqual(col.toArray().slice(0, n), [...want]); // the column follows the chunk's new length
    col.fill(2, 0, 10);
    assert.deepEqual(a.column('id').toTypedArray().subarray(0, 12), Uint32Array.from({ length: 12 }, (_, i) => i));
    assert.deepEqual([...col.toTypedArray().subarray(8, 12)], [2, 2, 10 / 4, 11 / 4]);
    c.resize(n * 16); // back: moved or cut in place, the column follows
    assert.equal(col.length, n);
    filler.free();
    c.free();
    assert.throws(() => col.toTypedArray(), { name: 'TypeError', message: /toTypedArray.*freed/ });
    assert.throws(() => col.fill(1), { name: 'TypeError', message: /freed/ });
  });

  test('a detached buffer is an error, not a read of stale bytes', () => {
    const ab = new ArrayBuffer(64);
    const col = new StrArray('<Hd', ab).column(1);
    assert.equal(col.toTypedArray().length, 6);
    structuredClone(ab, { transfer: [ab] });
    assert.throws(() => col.toTypedArray(), { name: 'TypeError', message: /detached/ });
  });
});
