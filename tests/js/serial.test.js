// dumps/loads (SPEC §7): round trips, shared bases, and a table of corrupt
// inputs that must each fail clearly, free what they built and allocate
// nothing large.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Chunk, ChunkArray, MemSlice, StrArray, dumps, find, loads, memoryStats } from 'wasm-mem';
import { rng, varint } from '../lib/random.js';

const describeValue = (v) => (Array.isArray(v) ? `[${v.map(describeValue)}]` : Object.prototype.toString.call(v));

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
      ['Uint8Array', u, (v) => v instanceof Uint8Array && v.byteOffset === 0 && v.buffer.byteLength === 2 && text(v) === '\x02\x03'],
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
    rejects(Uint8Array.from([...g.subarray(0, 4), 4, ...g.subarray(5)]), 'version 4', /unknown version 4/);
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
  test('a short dump naming a huge repeat count is checked against the count, never expanded (issue 25)', () => {
    // 29 bytes: a tag-10 StrArray of format '1048576B' (one record of 2^20
    // values) with an empty names list, over an empty chunk. The names count
    // (0) is compared with the values count (2^20) as numbers: a RangeError,
    // with nothing built per value (struct.test.js measures the heap in a child).
    const dump = Buffer.from('574d454d020101000a0831303438353736420100808040008080400100', 'hex');
    assert.equal(dump.length, 29);
    for (let k = 0; k < 3; k++) {
      rejects(dump, 'the 29-byte dump', /^loads\(\): a StrArray that cannot be made \(StrArray\(\): options\.names has 0 names; format "1048576B" has 1048576 values\) \(at byte 27\)$/);
    }
    // Without the names (tag 6) the same array loads: no record fits the empty chunk.
    const plain = loads(Buffer.from('574d454d02010100060831303438353736420100', 'hex'));
    assert.ok(plain instanceof StrArray);
    assert.equal(plain.length, 0);
    assert.equal(plain.itemsize, 1048576);
    plain.buffer.free();
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

// SPEC §7: a view holds only its own window, never the rest of its buffer.
describe('what a dump carries', () => {
  test("a Node Buffer from the shared pool does not carry its neighbours' bytes", () => {
    const secret = Buffer.from('password=hunter2');
    const hi = Buffer.from('hi');
    assert.equal(hi.buffer, secret.buffer, 'both are cut from one pool (else this test proves nothing)');
    for (const value of [hi, new MemSlice(hi), new StrArray('B', hi), [hi, new MemSlice(hi, 1)]]) {
      const d = dumps(value);
      assert.equal(find(d, 'hunter2'), -1, describeValue(value));
      assert.ok(d.length < 64, `${describeValue(value)}: ${d.length} bytes for a 2-byte view`);
    }
    const u = loads(dumps(hi));
    assert.deepEqual([u.byteOffset, u.length, u.buffer.byteLength, text(u)], [0, 2, 2, 'hi']);
  });

  test('views of one buffer: the smallest range holding them, offsets rebased, the gaps zero (random layouts)', () => {
    const r = rng(20261129);
    for (let round = 0; round < 300; round++) {
      const size = 1 + r.int(200);
      const ab = new ArrayBuffer(size);
      new Uint8Array(ab).fill(0xee); // the bytes no view shows must not travel
      const views = Array.from({ length: 1 + r.int(4) }, () => {
        const from = r.int(size + 1);
        const v = new Uint8Array(ab, from, r.int(size - from + 1));
        v.set(r.bytes(v.length, 200).map((b) => b + 1)); // never 0, never 0xee
        return v;
      });
      const lo = Math.min(...views.map((v) => v.byteOffset));
      const hi = Math.max(...views.map((v) => v.byteOffset + v.length));
      // The oracle: the range [lo, hi) with only the views' bytes kept.
      const want = new Uint8Array(hi - lo);
      for (const v of views) want.set(v, v.byteOffset - lo);
      const got = loads(dumps(views));
      const buffer = got[0].buffer;
      assert.deepEqual(new Uint8Array(buffer), want, `round ${round}`);
      got.forEach((g, i) => {
        assert.equal(g.buffer, buffer, `round ${round}: one buffer`);
        assert.equal(g.byteOffset, views[i].byteOffset - lo, `round ${round}: rebased offset`);
        assert.deepEqual(g, views[i], `round ${round}: the view's bytes`);
      });
    }
  });

  test('a Chunk, and an ArrayBuffer dumped as such, stay whole; its views keep their offsets', () => {
    const ab = Uint8Array.from([1, 2, 3, 4, 5, 6]).buffer;
    const [b, u] = loads(dumps([ab, new Uint8Array(ab, 4, 1)]));
    assert.deepEqual([...new Uint8Array(b)], [1, 2, 3, 4, 5, 6]);
    assert.deepEqual([u.buffer === b, u.byteOffset, u[0]], [true, 4, 5]);
    const c = new Chunk('0123456789');
    const [c2, s2] = loads(dumps([c.subarray(2, 3), c]).subarray()).reverse();
    assert.equal(text(c2), '0123456789');
    assert.equal(s2.base, c2);
    const s = loads(dumps(new MemSlice(ab, 1, 2)));
    assert.equal(s.base.byteLength, 6, 'a MemSlice on an ArrayBuffer holds the buffer itself');
    for (const x of [c, c2]) x.free();
  });

  test('version 1 dumps still load', () => {
    // Written by version 1: [Uint8Array(buffer [9,8,7], 1, 2), ChunkArray('B', [5, 6]) twice].
    const v1 = Uint8Array.from([0x57, 0x4d, 0x45, 0x4d, 1, 2, 2, 3, 9, 8, 7, 1, 2, 5, 6,
      5, 3, 3, 0, 1, 2, 7, 1, 66, 1, 7, 1, 66, 1]);
    const [u, a1, a2] = loads(v1);
    assert.deepEqual([u.byteOffset, [...u], u.buffer.byteLength], [1, [8, 7], 3]);
    assert.ok(a1 instanceof ChunkArray);
    assert.equal(a1, a2, 'a ChunkArray written twice by version 1 is one array');
    assert.deepEqual(a1.toArray(), [5, 6]);
    a1.free();
    // Two formats over one chunk cannot be one array: refused.
    const two = Uint8Array.from([0x57, 0x4d, 0x45, 0x4d, 1, 1, 1, 2, 5, 6, 5, 2, 7, 1, 66, 0, 7, 1, 98, 0]);
    assert.throws(() => loads(two), /loads\(\): two ChunkArrays owning one chunk/);
    // Tags 8 and 9 are version 2's.
    assert.throws(() => loads(Uint8Array.from([0x57, 0x4d, 0x45, 0x4d, 1, 1, 1, 1, 97, 5, 2, 1, 0, 8, 0])), /unknown tag 8/);
  });
});

// SPEC §7: one object met twice loads as one object twice.
describe('object identity', () => {
  test('every kind of object dumped twice loads as one object twice', () => {
    const c = new Chunk('abc');
    const ab = new ArrayBuffer(4);
    const arr = [c];
    for (const x of [c, ab, new Uint8Array(ab, 1), c.subarray(1), new MemSlice(new Uint8Array(ab)), arr,
      new ChunkArray('<h', [1, -2]), new StrArray('B', c)]) {
      const [a, b, inner] = loads(dumps([x, x, [x]]));
      assert.equal(a, b, describeValue(x));
      assert.equal(inner[0], a, describeValue(x));
      assert.equal(a.constructor, x.constructor);
    }
    c.free();
  });

  test('two ChunkArrays from one dump own two chunks; freeing one keeps the other', () => {
    const a = new ChunkArray('i', [1, 2, 3]);
    const [x, y, z] = loads(dumps([a, a, new ChunkArray('i', [1, 2, 3])]));
    assert.equal(x, y);
    assert.notEqual(x.buffer, z.buffer);
    x.free();
    assert.deepEqual(z.toArray(), [1, 2, 3]);
    z.free();
    a.free();
  });

  test('an array that holds itself round-trips', () => {
    const a = [new Chunk('x')];
    a.push(a);
    const b = loads(dumps(a));
    assert.equal(b[1], b);
    assert.equal(text(b[0]), 'x');
    a[0].free();
    b[0].free();
  });

  test('input that would make two objects own one chunk is refused, and frees what it built', () => {
    const head = [0x57, 0x4d, 0x45, 0x4d, 2, 1, 1, 4, 1, 2, 3, 4];
    const before = memoryStats().bytesInUse;
    for (const [label, body, why] of [
      ['two ChunkArrays on one base', [5, 2, 7, 1, 66, 0, 7, 1, 66, 0], /two ChunkArrays owning one chunk/],
      ['two formats on one base', [5, 2, 7, 1, 66, 0, 7, 1, 98, 0], /two ChunkArrays owning one chunk/],
      ['a reference forward', [5, 2, 8, 2, 1, 0], /does not come before it/],
      ['a reference to a value being made', [4, 0, 1, 8, 0, 1, 0], /from inside it/],
      ['a StrArray over itself', [6, 1, 66, 8, 0, 1, 0], /from inside it/],
    ]) {
      assert.throws(() => loads(Uint8Array.from([...head, ...body])), (e) => e instanceof RangeError && why.test(e.message), label);
      assert.equal(memoryStats().bytesInUse, before, `${label}: memory left allocated`);
    }
  });
});

// SPEC §4 and §7: slices past their base and open-ended slices.
describe('slices that outlive their bounds', () => {
  test('a slice whose stop and start lie past its shrunk base loads as it was', () => {
    const c = new Chunk('0123456789');
    const inside = c.subarray(2, 9);
    const past = c.subarray(7, 10);
    c.resize(5);
    const [a, b] = loads(dumps([inside, past]));
    assert.deepEqual([a.start, a.stop, a.length, b.start, b.stop, b.length], [2, 9, 3, 7, 10, 0]);
    assert.equal(a.base, b.base);
    a.base.resize(10, 'x');
    assert.deepEqual([text(a), text(b)], ['234xxxx', 'xxx']);
    a.base.free();
    c.free();
  });

  test('an open-ended slice has its own mark and loads with stop Infinity, following its base', () => {
    const c = new Chunk('abcdef');
    const open = new MemSlice(c, 2, Infinity);
    assert.equal(c.subarray(2, Infinity).stop, Infinity);
    const d = dumps(open);
    assert.equal(d[d.length - 4], 9, 'tag 9, then start 2, then the base (tag 1, base 0)');
    const s = loads(d);
    assert.deepEqual([s.start, s.stop, s.length, text(s)], [2, Infinity, 4, 'cdef']);
    s.base.resize(9, 'g');
    assert.equal(text(s), 'cdefggg');
    s.base.resize(1);
    assert.equal(s.length, 0);
    assert.equal(loads(dumps(s)).stop, Infinity);
    s.base.free();
    c.free();
  });
});
