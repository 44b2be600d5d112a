// dumps/loads (SPEC §7): round trips, shared bases, and a table of corrupt
// inputs that must each fail clearly, free what they built and allocate
// nothing large.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Chunk, MemSlice, dumps, loads, memoryStats } from 'wasm-mem';
import { varint } from '../lib/random.js';

const text = (x) => Buffer.from(x instanceof Chunk || x instanceof MemSlice ? x.toUint8Array() : x).toString('latin1');

describe('round trips', () => {
  test('every supported type', () => {
    const c = new Chunk('hello world');
    const ab = Uint8Array.from([1, 2, 3, 4]).buffer;
    const u = new Uint8Array(ab, 1, 2);
    for (const [label, value, check] of [
      ['Chunk', c, (v) => v instanceof Chunk && text(v) === 'hello world'],
      ['empty Chunk', new Chunk(), (v) => v instanceof Chunk && v.length === 0],
      ['MemSlice on a Chunk', c.subarray(6), (v) => v instanceof MemSlice && text(v) === 'world' && text(v.base) === 'hello world'],
      ['MemSlice on an ArrayBuffer', new MemSlice(ab, 1, 3), (v) => v.base instanceof ArrayBuffer && text(v) === '\x02\x03'],
      ['MemSlice on a Uint8Array', new MemSlice(u, 1), (v) => v.base instanceof Uint8Array && text(v) === '\x03'],
      ['ArrayBuffer', ab, (v) => v instanceof ArrayBuffer && text(new Uint8Array(v)) === '\x01\x02\x03\x04'],
      ['Uint8Array', u, (v) => v instanceof Uint8Array && v.byteOffset === 1 && text(v) === '\x02\x03'],
      ['nested arrays', [[c], [], [[u]]], (v) => text(v[0][0]) === 'hello world' && v[1].length === 0 && text(v[2][0][0]) === '\x02\x03'],
    ]) {
      assert.ok(check(loads(dumps(value))), label);
    }
  });
  test('objects sharing a base share one base after loads', () => {
    const c = new Chunk('shared');
    const ab = new ArrayBuffer(6);
    const [c1, s1, s2, c2, u1, s3, b1] = loads(dumps([c, c.subarray(1), new MemSlice(c, 2, 4), c, new Uint8Array(ab, 2), new MemSlice(new Uint8Array(ab), 1), ab]));
    assert.equal(c1, c2);
    assert.equal(s1.base, c1);
    assert.equal(s2.base, c1);
    assert.equal(u1.buffer, b1);
    assert.equal(s3.base.buffer, b1);
    c1.set(2, 65);
    assert.equal(text(s2), 'Ar');
  });
  test('a slice left past its shrunk base keeps its offsets', () => {
    const c = new Chunk('0123456789');
    const s = c.subarray(4, 9);
    c.resize(6);
    const t = loads(dumps(s));
    assert.deepEqual([t.start, t.stop, t.length], [4, 9, 2]);
    t.base.resize(10, 'x');
    assert.equal(text(t), '45xxx');
  });
  test('unsupported values are TypeErrors', () => {
    const c = new Chunk('x');
    for (const bad of [1, 'abc', null, {}, new Uint16Array(2), new SharedArrayBuffer(2), new MemSlice(new Uint16Array(2)), c.bytes, [new Set()]]) {
      assert.throws(() => dumps(bad), TypeError, String(bad));
    }
    const freed = new Chunk('y');
    freed.free();
    assert.throws(() => dumps(freed), /freed/);
    assert.throws(() => loads(null), TypeError);
    assert.throws(() => loads('WMEM'), TypeError);
  });
});

/** Every Chunk a loaded value holds, directly or as a slice's base. */
function chunksIn(v) {
  if (Array.isArray(v)) return v.flatMap(chunksIn);
  if (v instanceof MemSlice) return chunksIn(v.base);
  return v instanceof Chunk ? [v] : [];
}

describe('corrupt input', () => {
  const good = dumps([new Chunk('abcdef'), new Chunk('abcdef').subarray(1, 3), new Uint8Array([1, 2, 3]).subarray(1)]);

  function rejects(bytes, label, why = /./) {
    const before = memoryStats();
    assert.throws(() => loads(bytes), (e) => {
      assert.ok(e instanceof RangeError, `${label}: ${e.constructor.name} ${e.message}`);
      assert.match(e.message, /^loads\(\): /, label);
      assert.match(e.message, why, label);
      return true;
    }, label);
    const after = memoryStats();
    assert.equal(after.bytesInUse, before.bytesInUse, `${label}: memory left allocated`);
    assert.equal(after.memoryBytes, before.memoryBytes, `${label}: memory grew`);
  }

  test('every truncation of a valid dump', () => {
    for (let n = 0; n < good.length; n++) rejects(good.subarray(0, n), `truncated to ${n}`, /truncated|cannot hold/);
  });
  test('wrong magic, unknown version, trailing bytes', () => {
    const g = Uint8Array.from(good);
    rejects(Uint8Array.from([0x58, ...g.subarray(1)]), 'bad magic', /bad magic/);
    rejects(Uint8Array.from([...g.subarray(0, 4), 2, ...g.subarray(5)]), 'version 2', /unknown version 2/);
    rejects(Uint8Array.from([...g, 0]), 'trailing byte', /after the value/);
  });
  test('hostile lengths and counts are refused before allocating', () => {
    const head = [0x57, 0x4d, 0x45, 0x4d, 1];
    rejects(Uint8Array.from([...head, ...varint(2 ** 40)]), 'absurd base count', /cannot hold/);
    rejects(Uint8Array.from([...head, 1, 1, ...varint(2 ** 31 + 5)]), 'chunk length beyond the input', /cannot hold/);
    rejects(Uint8Array.from([...head, 1, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]), 'varint beyond 2^53', /beyond 2\^53/);
    rejects(Uint8Array.from([...head, 1, 1, 1, 97, 5, ...varint(2 ** 30), 1, 0]), 'array count beyond the input', /cannot hold/);
    rejects(Uint8Array.from([...head, 1, 1, 1, 97, ...Array(100).fill([5, 1]).flat(), 1, 0]), 'nesting too deep', /nesting deeper/);
    rejects(Uint8Array.from([...head, 1, 1, 1, 97, 1, 3]), 'a base that does not exist', /does not exist/);
    rejects(Uint8Array.from([...head, 1, 1, 1, 97, 2, 0]), 'a chunk base used as an ArrayBuffer', /is not an ArrayBuffer/);
    rejects(Uint8Array.from([...head, 1, 2, 2, 97, 98, 3, 0, 1, 5]), 'a Uint8Array outside its buffer', /outside its buffer/);
    rejects(Uint8Array.from([...head, 1, 1, 1, 97, 4, 3, 1, 1, 0]), 'a MemSlice stop before start', /stop is before its start/);
    rejects(Uint8Array.from([...head, 1, 1, 1, 97, 4, 0, 1, 5, 1, 1, 0]), 'a MemSlice on an array', /MemSlice on something/);
    rejects(Uint8Array.from([...head, 2, 1, 1, 97, 1, 1, 98, 1, 0]), 'an unused base', /no value uses/);
    rejects(Uint8Array.from([...head, 1, 9, 1, 97, 1, 0]), 'an unknown base kind', /unknown base kind/);
    rejects(Uint8Array.from([...head, 1, 1, 1, 97, 99]), 'an unknown tag', /unknown tag/);
  });
  test('flipped length fields anywhere in a valid dump never crash or leak', () => {
    for (let i = 5; i < good.length; i++) {
      for (const v of [0, 1, 0x7f, 0x80, 0xff]) {
        const bad = Uint8Array.from(good);
        bad[i] = v;
        const before = memoryStats().bytesInUse;
        try {
          for (const c of chunksIn(loads(bad))) c.free(); // a flip that still parses: clean up

        } catch (e) {
          assert.ok(e instanceof RangeError, `byte ${i} = ${v}: ${e}`);
        }
        assert.equal(memoryStats().bytesInUse, before, `byte ${i} = ${v}`);
      }
    }
  });
});
