// MemSlice (SPEC §4): live windows that follow their base through resizes,
// memory growth and resizable ArrayBuffers.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Chunk, MemSlice, bytes, copy, find, len } from 'wasm-mem';
import { kinds, freeKinds, rng } from './helpers.js';

const text = (s) => Buffer.from(s.toUint8Array()).toString('latin1');

describe('construction', () => {
  test('over every bytes-like kind; offsets normalised at construction', () => {
    for (const [label, base] of kinds(Buffer.from('abcdefgh'))) {
      if (label === 'string') {
        assert.throws(() => new MemSlice(base), TypeError);
        continue;
      }
      const s = new MemSlice(base, 2, -2);
      assert.equal(s.start, 2, label);
      assert.equal(s.stop, 6, label);
      assert.equal(s.length, 4, label);
      assert.equal(text(s), 'cdef', label);
      assert.equal(s.base, base);
      assert.equal(new MemSlice(base, -100, 100).length, 8);
      assert.equal(new MemSlice(base, 5, 2).length, 0);
    }
  });
  test('slices of slices compose offsets on the underlying base', () => {
    const c = new Chunk('0123456789');
    const s = c.subarray(2, 9).slice(1, -1).subarray(1);
    assert.equal(s.base, c);
    assert.deepEqual([s.start, s.stop], [4, 8]);
    assert.equal(text(s), '4567');
    assert.equal(text(new MemSlice(s, -2)), '67');
  });
  test('bad arguments', () => {
    assert.throws(() => new MemSlice(), TypeError);
    assert.throws(() => new MemSlice('abc'), /MemSlice\(\): base/);
    assert.throws(() => new MemSlice(new Uint8Array(3), 1.5), TypeError);
    assert.throws(() => new MemSlice(new Uint8Array(3), 0, null), TypeError);
    assert.throws(() => new MemSlice(new Uint8Array(3), 2 ** 53), RangeError);
  });
});

describe('access', () => {
  test('get/set/at/iteration against a model, every writable kind', () => {
    const r = rng(77);
    for (let round = 0; round < 100; round++) {
      const data = r.bytes(1 + r.int(30));
      const start = r.int(data.length + 4) - 2;
      const stop = r.int(data.length + 4) - 2;
      for (const [label, base] of kinds(data).filter(([l]) => l !== 'string')) {
        const s = new MemSlice(base, start, stop);
        const model = Array.from(Buffer.from(data).subarray(s.start, s.stop));
        const where = `round ${round} ${label} [${start}, ${stop})`;
        assert.deepEqual([...s], model, where);
        assert.equal(s.length, model.length, where);
        if (model.length > 0) {
          const i = r.int(2 * model.length) - model.length;
          assert.equal(s.get(i), model.at(i), where);
          assert.equal(s.at(i), model.at(i), where);
          s.set(i, 42);
          model[i < 0 ? i + model.length : i] = 42;
          assert.deepEqual([...s.toUint8Array()], model, where);
        }
        assert.throws(() => s.get(model.length), RangeError, where);
        assert.equal(s.at(model.length), undefined, where);
        assert.throws(() => s.set(0, 256), RangeError, where);
      }
      freeKinds(kinds(data));
    }
  });
  test('a MemSlice is a bytes-like everywhere, a copy destination included', () => {
    const c = new Chunk('xxabxxab');
    const s = c.subarray(2);
    assert.equal(find(s, 'ab'), 0);
    assert.equal(len(s), 6);
    copy(s, 'ZZ', 2);
    assert.equal(c.toString(), 'xxabZZab');
    const ab = new ArrayBuffer(4);
    copy(new MemSlice(ab, 1), 'yz');
    assert.deepEqual([...new Uint8Array(ab)], [0, 121, 122, 0]);
    assert.equal(new Chunk(s).toString(), 'abZZab');
  });
  test('read-only bases give read-only slices', () => {
    const ro = { [bytes]: (access) => (access === 'write' ? null : Uint8Array.of(1, 2, 3)) };
    const s = new MemSlice(ro, 1);
    assert.equal(s.writable, false);
    assert.equal(s.get(0), 2);
    assert.throws(() => s.set(0, 1), /read-only/);
    assert.throws(() => copy(s, 'a'), TypeError);
  });
});

describe('liveness', () => {
  test('follows a chunk that grows, moves and shrinks', () => {
    const c = new Chunk('hello');
    const s = c.subarray(1, 4);
    const blocker = new Chunk('b');
    c.resize(5000, '.');
    assert.equal(text(s), 'ell');
    c.resize(2);
    assert.equal(s.length, 1);
    assert.equal(text(s), 'e');
    assert.throws(() => s.get(1), RangeError);
    c.resize(10, 'Z');
    assert.equal(text(s), 'eZZ');
    blocker.free();
  });
  test('follows a resizable ArrayBuffer up and down', () => {
    const ab = new ArrayBuffer(8, { maxByteLength: 64 });
    new Uint8Array(ab).set([1, 2, 3, 4, 5, 6, 7, 8]);
    const s = new MemSlice(ab, 2, 6);
    assert.equal(s.length, 4);
    ab.resize(4);
    assert.equal(s.length, 2);
    assert.deepEqual([...s], [3, 4]);
    ab.resize(3);
    assert.equal(s.length, 1);
    ab.resize(1);
    assert.equal(s.length, 0);
    assert.deepEqual([...s], []);
    ab.resize(64);
    assert.equal(s.length, 4);
    assert.deepEqual([...s], [0, 0, 0, 0]);
    s.set(3, 9);
    assert.equal(new Uint8Array(ab)[5], 9);
  });
  test('a DataView on a shrunk resizable buffer reads as empty', () => {
    const ab = new ArrayBuffer(8, { maxByteLength: 16 });
    const dv = new DataView(ab, 4, 4);
    ab.resize(2);
    assert.equal(len(dv), 0);
    assert.equal(find(dv, 0), -1);
  });
});
