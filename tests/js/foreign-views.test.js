// Views that are not plain Uint8Arrays: a Node Buffer (whose slice is a view,
// not a copy) and Uint8Array subclasses that override slice, subarray,
// length or Symbol.species. The gate reads every view through the built-in
// getters and hands the package a plain Uint8Array over the same bytes, so
// no copy aliases the caller's memory and no caller's method decides how
// many bytes are read or written.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  Chunk, ChunkArray, MemSlice, Pattern, StrArray, StrIO, dumps, find, findAll, findAny, hexPattern, loads, rfind,
} from 'wasm-mem';

/** A subclass whose own answers lie: length, slice and subarray say other things than its bytes. */
class Liar extends Uint8Array {
  get length() {
    return 100000;
  }
  get byteLength() {
    return 100000;
  }
  slice() {
    return new Uint8Array(100000).fill(0x99);
  }
  subarray() {
    return new Uint8Array(100000).fill(0x99);
  }
}

test('a Pattern made from Buffers copies them: the caller\'s bytes are not masked in place, later writes do not reach it', () => {
  const b = Buffer.from('aZc');
  const m = Buffer.from([0xff, 0x00, 0xff]);
  const p = new Pattern(b, m);
  assert.deepEqual([...b], [0x61, 0x5a, 0x63], 'the caller\'s Buffer is unchanged');
  b.write('xyz');
  m.fill(0xff);
  assert.equal(String(p), '61 ?? 63');
  assert.equal(find('--aqc', p), 2);
});

test('dumps of a subclass that lies about its window writes the bytes it holds', () => {
  const lie = Liar.from([1, 2, 3]);
  assert.deepEqual([...loads(dumps(lie))], [1, 2, 3]);
  assert.deepEqual([...loads(dumps(new MemSlice(lie, 1, 3)))], [2, 3]);
});

test('loads of a Buffer: what it returns shares nothing with the input', () => {
  const input = Buffer.from(dumps([new Uint8Array([1, 2, 3]), new Chunk('abc')]));
  const [u8, chunk] = loads(input);
  input.fill(9);
  assert.deepEqual([...u8], [1, 2, 3]);
  assert.equal(chunk.toString(), 'abc');
  chunk.free();
});

test('a Pattern whose sources pick their own slice (Symbol.species) is still a snapshot, and searches touch only their bytes', () => {
  const kept = [];
  class Species extends Uint8Array {
    static get [Symbol.species]() {
      return function (n) {
        const a = new Uint8Array(kept.length ? n : 100000).fill(0x99);
        kept.push(a);
        return a;
      };
    }
  }
  const victims = Array.from({ length: 4 }, () => Chunk.alloc(4096, 0x11));
  const p = new Pattern(Species.of(1, 2, 3, 4), Species.of(255, 0, 255, 255));
  for (const a of kept) a.fill(7);
  assert.equal(String(p), '01 ?? 03 04');
  assert.equal(find(new Uint8Array([0, 1, 9, 3, 4]), p), 1);
  assert.equal(find(new Uint8Array(16), p), -1);
  for (const v of victims) {
    assert.ok(v.bytes.every((x) => x === 0x11), 'another chunk was written');
    v.free();
  }
});

test('a subclass that lies about its length and slices is read as the bytes it holds', () => {
  const victims = Array.from({ length: 4 }, () => Chunk.alloc(4096, 0x11));
  const hay = Liar.from(Buffer.from('xxhello worldxx'));
  assert.equal(find(hay, 'world'), 8);
  assert.equal(rfind(hay, 'x'), 14);
  assert.deepEqual([...findAll(hay, 'x')], [0, 1, 13, 14]);
  assert.equal(find(Liar.from([0, 0, 0]), 'zz'), -1);
  assert.deepEqual(findAny(hay, [Liar.from(Buffer.from('wor')), 'll']), { index: 4, pattern: 1 });
  assert.equal(new Chunk(hay).length, 15);
  assert.equal(new MemSlice(hay, 2, 7).toString(), 'hello');
  assert.equal(new StrIO(hay).read().length, 15);
  assert.equal(String(hexPattern('41')), '41');
  for (const v of victims) {
    assert.ok(v.bytes.every((x) => x === 0x11), 'another chunk was written');
    v.free();
  }
});

test('a StrArray over a Buffer or a subclass reads and writes the caller\'s bytes, within them', () => {
  const buf = Buffer.alloc(8);
  const a = new StrArray('<H', buf);
  a.set(1, 0x0201);
  assert.deepEqual([...buf], [0, 0, 1, 2, 0, 0, 0, 0]);
  const lie = new Liar(4);
  const b = new StrArray('B', lie);
  assert.equal(b.length, 4);
  assert.throws(() => b.set(4, 1), RangeError);
  b.set(3, 9);
  assert.equal(Uint8Array.prototype.at.call(lie, 3), 9);
  assert.deepEqual([...new ChunkArray('B', Liar.from([1, 2, 3]))], [1, 2, 3]);
});

test('[bytes]() may answer a Buffer or a subclass: the gate reads its real bytes', () => {
  const obj = { [Symbol.for('wasm-mem.bytes')]: () => Liar.from(Buffer.from('abc')) };
  assert.equal(find(obj, 'c'), 2);
  assert.equal(new Chunk(obj).toString(), 'abc');
  const viaBuffer = { [Symbol.for('wasm-mem.bytes')]: () => Buffer.from('hello') };
  assert.equal(new Chunk(viaBuffer).toString(), 'hello');
});
