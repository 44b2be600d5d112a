// A plain Uint8Array is an ordinary object: own `length`, `byteOffset`,
// `buffer` or `subarray` properties on it may say anything. The gate and
// regions read a view only through the built-in getters, so such an object
// can neither make the package write past a chunk nor point it at bytes it
// was never given. And a kept element view is never one made while the
// chunk had no block (found by a review of issue 27's kept views).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Chunk, ChunkArray, copy, find, StrArray } from 'wasm-mem';

const intact = (c, byte) => c.toUint8Array().every((v) => v === byte);

test('copy: a plain Uint8Array whose own length says 1 is measured by its real length, and refused', () => {
  const src = new Uint8Array(4096).fill(0xee);
  Object.defineProperty(src, 'length', { value: 1 });
  Object.defineProperty(src, 'byteLength', { value: 1 });
  const dest = Chunk.alloc(8);
  const victim = Chunk.alloc(256, 0x66);
  assert.throws(() => copy(dest, src, 0), { name: 'RangeError', message: /src \(4096 bytes\) does not fit in dest \(8 bytes\)/ });
  assert.ok(intact(victim, 0x66));
  assert.ok(intact(dest, 0));
});

test('new Chunk(a, b): a spoofed length never lets b write past the new block', () => {
  const src = new Uint8Array(4096).fill(0xee);
  Object.defineProperty(src, 'length', { value: 1 });
  const z = new Chunk(Chunk.alloc(1), src);
  const victim = Chunk.alloc(256, 0x77);
  assert.equal(z.length, 4097);
  assert.ok(intact(victim, 0x77));
});

test("a chunk's view with its own byteOffset and length pointing at another chunk reaches only its own bytes", () => {
  const mine = Chunk.alloc(8);
  const victim = Chunk.alloc(64, 0x66);
  const v = mine.bytes;
  Object.defineProperty(v, 'byteOffset', { value: victim.bytes.byteOffset });
  Object.defineProperty(v, 'length', { value: 64 });
  Object.defineProperty(v, 'byteLength', { value: 64 });
  assert.throws(() => copy(v, new Uint8Array(64).fill(0xee), 0), RangeError);
  copy(v, new Uint8Array(8).fill(0xee), 0);
  assert.ok(intact(victim, 0x66));
  assert.ok(intact(mine, 0xee));
});

test('find over a plain Uint8Array with lying own properties searches its real bytes', () => {
  const hay = new Uint8Array(1000);
  hay.set([1, 2, 3], 900);
  for (const k of ['length', 'byteLength', 'byteOffset']) Object.defineProperty(hay, k, { value: 0 });
  Object.defineProperty(hay, 'buffer', { value: new ArrayBuffer(8) });
  Object.defineProperty(hay, 'subarray', { value: () => new Uint8Array(0) });
  assert.equal(find(hay, Uint8Array.of(1, 2, 3)), 900);
});

test("StrArray over a plain Uint8Array whose own buffer is wasm memory reads and writes the array's own bytes", () => {
  const victim = Chunk.alloc(64, 0x66);
  const u8 = new Uint8Array(16);
  Object.defineProperty(u8, 'buffer', { value: victim.bytes.buffer });
  Object.defineProperty(u8, 'byteOffset', { value: victim.bytes.byteOffset });
  const a = new StrArray('<i', u8);
  a.set(0, -1);
  assert.equal(a.get(0), -1);
  assert.deepEqual([...new Uint8Array(u8.slice.call(u8, 0, 4))], [255, 255, 255, 255]);
  assert.ok(intact(victim, 0x66));
});

test('a kept element view is never the empty one: push after an access on an empty chunk, then get and set', () => {
  for (const code of ['<i', 'B', '<d', '<H']) {
    const e = new ChunkArray(code);
    assert.throws(() => e.get(0), RangeError);
    e.push(1);
    e.push(2);
    e.push(3);
    e.set(1, 99);
    assert.deepEqual([e.get(0), e.get(1), e.get(2)], [1, 99, 3], code);
    assert.deepEqual(e.toArray(), [1, 99, 3], code);
    const f = new ChunkArray(code);
    assert.throws(() => f.set(0, 1), RangeError);
    f.push(5);
    f.set(0, 6);
    assert.equal(f.get(0), 6, code);
  }
});
