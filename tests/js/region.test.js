// The region interface and what it made possible (issue: the JS data layer):
// open-ended slices, MemSlice over a StrArray writing through, MemSlice
// searches, a user's thrown value passing through, a chunk freed mid-call,
// bulk appends, per-format access on every storage kind, and foreign searches
// through growing windows — each against an oracle (Buffer, DataView, plain JS).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as mem from 'wasm-mem';
import { Chunk, ChunkArray, MemSlice, StrArray, StrIO, find, findAll, rfind } from 'wasm-mem';
import { rng } from './helpers.js';

describe('open-ended slices (SPEC §4)', () => {
  test('follow a chunk as it grows and shrinks; stop reads Infinity', () => {
    const c = new Chunk('abcdef');
    const s = new MemSlice(c, 2, Infinity);
    assert.equal(s.stop, Infinity);
    c.resize(10, 0x7a);
    assert.equal(s.length, 8);
    assert.equal(Buffer.from(s.toUint8Array()).toString(), 'cdefzzzz');
    c.resize(1);
    assert.equal(s.length, 0);
    const sub = c.subarray(0, Infinity);
    c.resize(3, 0x41);
    assert.equal(sub.length, 3);
  });
  test('follow a resizable ArrayBuffer; composed onto a bounded slice they end where it ends', () => {
    const ab = new ArrayBuffer(4, { maxByteLength: 64 });
    const s = new MemSlice(ab, 1, Infinity);
    ab.resize(20);
    assert.equal(s.length, 19);
    const bounded = new MemSlice(new Uint8Array(10), 2, 6);
    const open = bounded.subarray(1, Infinity);
    assert.equal(open.stop, 6);
    assert.equal(open.length, 3);
  });
  test('getbuffer() is open-ended', () => {
    const f = new mem.ChunkIO('ab');
    const b = f.getbuffer();
    f.seek(0, 2);
    f.write('cdef');
    assert.equal(b.length, 6);
    assert.equal(b.stop, Infinity);
  });
});

describe('MemSlice', () => {
  test('over a writable StrArray writes through; over a read-only one refuses', () => {
    const a = new ChunkArray('<B', [1, 2, 3]);
    new MemSlice(a, 1).set(0, 9);
    assert.equal(a.get(1), 9);
    const frozen = new StrArray('<H', new MemSlice({ [mem.bytes]: (access) => (access === 'write' ? null : new Uint8Array(4)) }));
    assert.throws(() => new MemSlice(frozen).set(0, 1), /read-only/);
  });
  test('indexOf, lastIndexOf, includes, equals, compare agree with Buffer', () => {
    const r = rng(7);
    for (let n = 0; n < 300; n++) {
      const bytes = Buffer.from(Array.from({ length: 1 + r.int(60) }, () => 97 + r.int(3)));
      const c = new Chunk(bytes);
      const lo = r.int(bytes.length);
      const hi = lo + r.int(bytes.length - lo + 1);
      const s = c.subarray(lo, hi);
      const win = bytes.subarray(lo, hi);
      const pat = Buffer.from(Array.from({ length: 1 + r.int(3) }, () => 97 + r.int(3)));
      assert.equal(s.indexOf(pat), win.indexOf(pat), `indexOf ${n}`);
      assert.equal(s.lastIndexOf(pat), win.length >= pat.length ? win.lastIndexOf(pat) : -1, `lastIndexOf ${n}`);
      assert.equal(s.includes(pat), win.includes(pat));
      assert.equal(s.equals(win), true);
      assert.equal(s.compare(pat), Buffer.compare(win, pat));
    }
  });
});

describe("a user's [bytes]() that throws", () => {
  const values = ['a string', null, undefined, 42, new DOMException('stop', 'AbortError'), Object.assign(new Error('x', { cause: 'why' }), { code: 'E_X' })];
  for (const thrown of values) {
    test(`passes ${String(thrown?.name ?? thrown)} through unchanged`, () => {
      const evil = { [mem.bytes]() { throw thrown; } };
      for (const call of [() => find(evil, 'a'), () => find('abc', evil), () => new Chunk(evil), () => mem.copy(new Uint8Array(4), evil), () => new MemSlice(evil)]) {
        let caught = Symbol('nothing');
        try {
          call();
        } catch (e) {
          caught = e;
        }
        assert.equal(caught, thrown);
      }
    });
  }
});

describe('a chunk freed during a call by another argument', () => {
  test('is a TypeError naming the function, never a silent answer', () => {
    const c = new Chunk('xxabxx');
    const evil = { [mem.bytes]() { c.free(); return new Uint8Array([97, 98]); } };
    assert.throws(() => find(c, evil), (e) => e instanceof TypeError && /^find\(\)/.test(e.message));
    const d = new Chunk('abc');
    const evil2 = { [mem.bytes]() { d.free(); return new Uint8Array([1]); } };
    assert.throws(() => new Chunk(d, evil2), (e) => e instanceof TypeError && /^Chunk\(\)/.test(e.message));
  });
});

describe('typed access on every storage kind matches DataView', () => {
  const formats = ['<b', '<B', '<h', '>h', '<H', '>H', '<i', '>i', '<I', '>I', '<l', '>L', '<q', '>q', '<Q', '>Q', '<f', '>f', '<d', '>d', '<e', '>e', 'c', '?'];
  const kinds = {
    chunk: (n) => Chunk.alloc(n),
    arrayBuffer: (n) => new ArrayBuffer(n),
    uint8Array: (n) => new Uint8Array(n + 3).subarray(3),
    resizable: (n) => new ArrayBuffer(n, { maxByteLength: n * 2 }),
    dataView: (n) => new DataView(new ArrayBuffer(n)),
    memSlice: (n) => new MemSlice(Chunk.alloc(n + 5), 5),
  };
  for (const [kind, make] of Object.entries(kinds)) {
    test(kind, () => {
      const r = rng(3);
      for (const f of formats) {
        const buf = make(64);
        const a = new StrArray(f, buf);
        const bytes = () => new Uint8Array(mem.len(buf) ? Buffer.from(new Chunk(buf).toUint8Array()) : []);
        for (let k = 0; k < 20; k++) {
          const i = r.int(a.length);
          const raw = Uint8Array.from({ length: a.itemsize }, () => r.int(256));
          mem.copy(buf, raw, i * a.itemsize);
          const v = a.get(i);
          a.set(i, v); // what was read writes back the same bytes (NaN payloads aside)
          if (!(typeof v === 'number' && Number.isNaN(v))) assert.deepEqual(bytes().subarray(i * a.itemsize, (i + 1) * a.itemsize), f === '?' ? Uint8Array.of(v ? 1 : 0) : raw, `${kind} ${f} ${i}`);
          assert.equal(a.get(i - a.length), a.get(i));
        }
        assert.throws(() => a.get(a.length), RangeError);
        if (f !== 'c' && f !== '?') assert.throws(() => a.set(0, f.endsWith('q') || f.endsWith('Q') ? 1.5 : 'x'), TypeError);
      }
    });
  }
});

describe('appends', () => {
  test('extend with a same-format typed array equals a push loop, both orders', () => {
    const r = rng(11);
    const types = { b: Int8Array, B: Uint8Array, h: Int16Array, H: Uint16Array, i: Int32Array, I: Uint32Array, q: BigInt64Array, Q: BigUint64Array, f: Float32Array, d: Float64Array };
    for (const [code, T] of Object.entries(types)) {
      for (const order of ['<', '>']) {
        const src = new T(1 + r.int(100));
        new Uint8Array(src.buffer).forEach((_, k, u) => (u[k] = r.int(256)));
        const bulk = new ChunkArray(order + code, src);
        const loop = new ChunkArray(order + code);
        for (const v of src) loop.push(v);
        assert.equal(bulk.length, src.length);
        assert.ok(bulk.equals(loop) || Number.isNaN(src[0]) || code === 'f' || code === 'd', `${order}${code}`);
        assert.deepEqual(new Chunk(bulk).toUint8Array(), new Chunk(loop).toUint8Array(), `${order}${code} bytes`);
      }
    }
  });
  test('a rejected value appends nothing; push over a fixed buffer is a TypeError', () => {
    const a = new ChunkArray('<h', [1, 2]);
    assert.throws(() => a.extend([3, 40000]), RangeError);
    assert.throws(() => a.push(4, 'x'), TypeError);
    assert.deepEqual(a.toArray(), [1, 2]);
    assert.throws(() => new StrArray('<h', new Uint8Array(4)).push(1), TypeError);
    const ab = new ArrayBuffer(0, { maxByteLength: 8 });
    const g = new StrArray('<h', ab);
    g.push(1, 2, 3, 4);
    assert.throws(() => g.push(5), RangeError);
    assert.deepEqual(g.toArray(), [1, 2, 3, 4]);
  });
  test('readStruct and writeStruct take record formats', () => {
    const f = new StrIO(new Chunk());
    assert.equal(f.writeStruct('>I4s', 13, 'IHDR'), 8);
    f.seek(0);
    const [n, tag] = f.readStruct('>I4s');
    assert.equal(n, 13);
    assert.equal(Buffer.from(tag).toString(), 'IHDR');
  });
});

describe('foreign searches through growing windows', () => {
  test('agree with Buffer at every window boundary, both directions, with steps', () => {
    const r = rng(5);
    const size = 200000;
    const hay = Buffer.alloc(size, 0x61);
    const pat = Buffer.from('xyz');
    for (const at of [0, 4093, 4094, 4096, 12285, 12286, 12288, 28669, 61437, 126973, 199997]) {
      hay.fill(0x61);
      pat.copy(hay, at);
      assert.equal(find(hay, pat), hay.indexOf(pat), `find ${at}`);
      assert.equal(rfind(hay, pat), hay.lastIndexOf(pat), `rfind ${at}`);
      const step = 1 + r.int(4);
      const expect = at % step === 0 ? at : -1;
      assert.equal(find(hay, pat, 0, undefined, step), expect, `find step ${step} at ${at}`);
      assert.equal(rfind(hay, pat, 0, undefined, step), expect, `rfind step ${step} at ${at}`);
    }
    hay.fill(0x61);
    for (const at of [100, 5000, 70000, 150000]) pat.copy(hay, at);
    assert.deepEqual([...findAll(hay, pat)], [100, 5000, 70000, 150000]);
  });
});

describe('engine messages replaced by ours (issue: hardening, item 10)', () => {
  const detached = () => {
    const v = new Uint8Array(8);
    structuredClone(v.buffer, { transfer: [v.buffer] });
    return v;
  };
  test('a detached view, directly or from [bytes](), is a TypeError naming the function', () => {
    assert.throws(() => mem.dumps(detached()), (e) => e instanceof TypeError && /^dumps\(\): .*detached/.test(e.message));
    const evil = { [mem.bytes]: () => detached() };
    assert.throws(() => mem.copy(new Uint8Array(4), evil), (e) => e instanceof TypeError && /^copy\(\): src .*detached/.test(e.message));
    assert.throws(() => find(evil, 'a'), (e) => e instanceof TypeError && /^find\(\): dest .*detached/.test(e.message));
  });
  test('writing at 2^53 - 1 names the write, not Chunk.resize', () => {
    const f = new mem.ChunkIO();
    f.seek(2 ** 53 - 1);
    assert.throws(() => f.write('x'), (e) => e instanceof RangeError && /^StrIO\.write\(\)/.test(e.message));
    assert.equal(f.size, 0);
  });
  test("'__proto__' works as a record name (an own key, not the prototype)", () => {
    const a = new StrArray('<HH', new Uint8Array([1, 0, 2, 0]), { names: ['__proto__', 'b'] });
    const item = a.get(0);
    assert.ok(Object.hasOwn(item, '__proto__'));
    assert.equal(item.__proto__, 1);
    assert.equal(item.b, 2);
    a.set(0, JSON.parse('{"__proto__": 7, "b": 8}'));
    assert.deepEqual([...new Uint8Array(new Chunk(a).toUint8Array())], [7, 0, 8, 0]);
    assert.throws(() => a.set(0, { b: 1 }), TypeError); // an inherited __proto__ is not a value
  });
});

test('chunk blocks stay 8-aligned through growth and shrinking (the typed element methods rely on it)', async () => {
  const { chunkCell } = await import('../../dist/js/core/internal.js');
  const r = rng(9);
  const chunks = Array.from({ length: 20 }, () => new Chunk());
  for (let k = 0; k < 2000; k++) {
    const c = chunks[r.int(chunks.length)];
    c.resize(r.int(5000));
    assert.equal(chunkCell(c).ptr % 8, 0);
  }
  const a = new ChunkArray('<d');
  for (let i = 0; i < 5000; i++) a.push(i / 3);
  assert.deepEqual(a.toArray(), Array.from({ length: 5000 }, (_, i) => i / 3));
  assert.equal(chunkCell(a) === undefined, true);
});
