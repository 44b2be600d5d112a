// The package knows its own objects by brand (core/internal.js), never by a
// property or a method of an argument, and measures again what a user's code
// may have changed before it writes (SPEC §1: no call, whatever its
// arguments, leaves corrupted memory). Each case surrounds its target with
// canary chunks and compares every canary byte for byte afterwards; a Proxy's
// get trap records every key it is asked, and none may be a symbol of the
// package's.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Chunk, ChunkArray, MemSlice, StrArray, StrIO, bytes, cmp, copy, diff, dumps, find, loads, memoryStats } from 'wasm-mem';

const FILL = 0xa5;

/** Chunks of FILL around whatever the test allocates next; check() says whether any byte changed. */
function canaries(n = 16, size = 64) {
  const list = Array.from({ length: n }, () => Chunk.alloc(size, FILL));
  return {
    list,
    check(label) {
      for (const [k, c] of list.entries()) {
        if (c.freed) continue;
        const v = c.toUint8Array();
        const bad = v.findIndex((b) => b !== FILL);
        assert.equal(bad, -1, `${label}: canary ${k} changed at byte ${bad}`);
      }
    },
    free() {
      for (const c of list) c.free();
    },
  };
}

/** A Proxy that records every key its get trap sees; `answer(key)` gives the value (undefined: the target's). */
function spy(target, answer = () => undefined) {
  const seen = [];
  const proxy = new Proxy(target, {
    get(t, k, r) {
      seen.push(k);
      const a = answer(k);
      return a !== undefined ? a : Reflect.get(t, k, r);
    },
  });
  return { proxy, seen };
}

/** The package's own symbols a trap saw (the public `bytes` protocol and well-known symbols are not). */
function packageSymbols(seen) {
  return seen.filter((k) => typeof k === 'symbol' && k !== bytes && k.description?.startsWith('wasm-mem'));
}

test('a Chunk whose resize is overridden is still resized by the package: nothing written past it', () => {
  class Capped extends Chunk {
    resize(n, p) {
      return super.resize(Math.min(n, 64), p);
    }
  }
  for (const make of [() => new Capped(new Uint8Array(64)), () => Object.assign(new Chunk(new Uint8Array(64)), { resize() { return this; } })]) {
    const around = canaries();
    const c = make();
    const after = canaries();
    const a = new StrArray('<I', c);
    a.push(...Array(64).fill(0x41414141));
    assert.equal(a.length, 80, 'the package grew its own chunk');
    assert.equal(c.length, 320);
    assert.deepEqual(a.toArray().slice(16), Array(64).fill(0x41414141));
    const f = new StrIO(c);
    f.seek(400);
    f.writeStruct('<Q', 1n);
    assert.equal(c.length, 408);
    around.check('StrArray.push / StrIO.writeStruct');
    after.check('StrArray.push / StrIO.writeStruct');
    around.free();
    after.free();
    c.free();
  }
});

test('a user object whose resize() lies is measured again: a short result is an error with nothing written', () => {
  const around = canaries();
  const target = Chunk.alloc(16, 0);
  // A bytes-like that says it resizes but keeps showing 16 bytes of a chunk.
  const liar = { [bytes]: () => target.bytes, resize() {} };
  const after = canaries();
  assert.throws(() => new StrArray('<I', liar).push(...Array(64).fill(0x41414141)), /StrArray\.push\(\): buffer was asked to resize to 272 bytes and holds 16/);
  const f = new StrIO(liar);
  f.seek(200);
  assert.throws(() => f.writeStruct('<Q', 1n), /StrIO\.writeStruct\(\): data was asked to resize to 208 bytes and holds 16/);
  assert.deepEqual([...target.toUint8Array()], Array(16).fill(0));
  around.check('lying resize');
  after.check('lying resize');
  around.free();
  after.free();
  target.free();
});

test('an options object never sees a symbol of the package, and cannot give an array its geometry', () => {
  const around = canaries();
  const c = Chunk.alloc(64, 0);
  const { proxy, seen } = spy({}, (k) => (typeof k === 'symbol' ? { origin: 0, stride: 4, lead: -2048, span: 4 } : undefined));
  const after = canaries();
  const a = new StrArray('<I', c, proxy);
  assert.deepEqual(packageSymbols(seen), []);
  assert.equal(a.offset, 0);
  assert.equal(a.stride, 4);
  assert.equal(a.length, 16);
  for (let i = 0; i < 16; i++) a.set(i, 0xffffffff);
  assert.throws(() => a.get(-17), RangeError);
  around.check('options Proxy');
  after.check('options Proxy');
  around.free();
  after.free();
  c.free();
});

test('a Proxy that answers for a chunk cell is not a chunk: nothing written where it points', () => {
  const around = canaries();
  const victim = Chunk.alloc(64, FILL);
  const after = canaries();
  const { proxy, seen } = spy({}, (k) =>
    k?.description?.startsWith?.('wasm-mem') ? () => ({ ptr: victim.bytes.byteOffset, len: 64, cap: 64, freed: false, view: null }) : undefined,
  );
  assert.throws(() => copy(proxy, 'PWNED!'), TypeError);
  assert.throws(() => find(proxy, 'x'), TypeError);
  assert.throws(() => new MemSlice(proxy), TypeError);
  assert.deepEqual(packageSymbols(seen), []);
  assert.deepEqual([...victim.toUint8Array()], Array(64).fill(FILL));
  around.check('cell Proxy');
  after.check('cell Proxy');
  around.free();
  after.free();
  victim.free();
});

test('Proxies of the package\'s own objects are ordinary values: refused or read through the gate, never believed', () => {
  const c = new Chunk('abcdef');
  const arr = new ChunkArray('<H', [1, 2, 3]);
  const s = c.subarray(1, 4);
  for (const [label, target] of [['Chunk', c], ['ChunkArray', arr], ['MemSlice', s]]) {
    const { proxy, seen } = spy(target);
    // As an argument: not one of the package's (a Proxy hides private fields), so not a bytes-like.
    assert.throws(() => copy(new Uint8Array(8), proxy), TypeError, label);
    // As `this`: the engine refuses the private fields, or the package says what it is not.
    for (const call of [() => proxy.length, () => proxy.get(0), () => proxy.toUint8Array()]) {
      assert.throws(call, TypeError, label);
    }
    assert.deepEqual(packageSymbols(seen), [], label);
  }
  assert.throws(() => new Proxy(c, {}).length, /Chunk\.length\(\): this is not a Chunk/);
  assert.throws(() => new Proxy(c, {}).free(), /Chunk\.free\(\): this is not a Chunk/);
  assert.equal(c.toString(), 'abcdef');
  arr.free();
  c.free();
});

/** A bytes-like whose [bytes]() frees `victim`, allocates a chunk of 'T' where it was, and returns `out`. */
function freeing(victim, out) {
  return {
    [bytes]() {
      victim.free();
      Chunk.alloc(64, 0x54);
      return out;
    },
  };
}

test('an argument held in a chunk through a StrArray or a slice of one follows the chunk: freed meanwhile, a TypeError', () => {
  for (const [label, wrap] of [
    ['StrArray', (c) => new StrArray('B', c)],
    ['MemSlice over a StrArray', (c) => new MemSlice(new StrArray('B', c), 0)],
    ['StrArray over a MemSlice', (c) => new StrArray('B', c.subarray(0))],
  ]) {
    const c = Chunk.alloc(64, 0x11);
    const out = new Uint8Array(64);
    assert.throws(() => copy(freeing(c, out), wrap(c)), /copy\(\): src is a Chunk that was freed during the call/, label);
    assert.deepEqual([...out], Array(64).fill(0), `${label}: nothing read from freed memory`);

    const c2 = Chunk.alloc(64, 0x11);
    assert.throws(() => new Chunk(wrap(c2), freeing(c2, new Uint8Array(4))), /Chunk\(\): part 0 is a Chunk that was freed during the call/, label);

    const c3 = Chunk.alloc(64, 0x11);
    const f = new StrIO(wrap(c3));
    const target = new Uint8Array(64);
    assert.throws(() => f.readinto(freeing(c3, target)), /StrIO\.readinto\(\): data is a Chunk that was freed during the call/, label);
    assert.deepEqual([...target], Array(64).fill(0), `${label}: readinto read nothing`);
  }
});

test('a chunk freed by the argument\'s [bytes]() is a TypeError in fill, resize and readinto, and gets no new block', () => {
  const c = Chunk.alloc(16, 1);
  assert.throws(() => c.fill({ [bytes]: () => (c.free(), Uint8Array.of(7)) }), /Chunk\.fill\(\): this Chunk was freed/);
  const d = Chunk.alloc(16, 1);
  const stats = () => memoryStats().bytesInUse;
  const before = stats();
  assert.throws(() => d.resize(1 << 20, { [bytes]: () => (d.free(), Uint8Array.of(7)) }), /Chunk\.resize\(\): this Chunk was freed/);
  assert.ok(stats() <= before, 'the freed chunk was given no block');
  assert.equal(d.freed, true);
  const e = new Chunk('abcd');
  const f = new StrIO(e);
  assert.throws(() => f.readinto({ [bytes]: () => (e.free(), new Uint8Array(4)) }), /StrIO\.readinto\(\): data is a Chunk that was freed during the call/);
});

test('a resizable ArrayBuffer shrunk by another argument\'s [bytes]() is the package\'s TypeError, naming the function', () => {
  for (const [label, call] of [
    ['find', (buf, hostile) => find(buf, hostile)],
    ['cmp', (buf, hostile) => cmp(buf, hostile)],
    ['diff', (buf, hostile) => diff(buf, hostile)],
  ]) {
    const buf = new ArrayBuffer(4096, { maxByteLength: 8192 });
    const hostile = { [bytes]: () => (buf.resize(16), Uint8Array.of(1, 2)) };
    assert.throws(() => call(buf, hostile), new RegExp(`^TypeError: ${label}\\(\\): (dest|a) changed size during the call \\(4096 bytes, now 16\\)`), label);
  }
});

test('a per-format method called on another array (call) reads and writes only that array\'s own items', () => {
  const c = Chunk.alloc(16, 0xaa);
  const p = new StrArray('<i', Chunk.alloc(16));
  // A window, an offset with a length, a stride: none of them is the whole plain chunk p's methods were made for.
  p.set.call(new StrArray('<i', c.subarray(8, 16)), 0, 0x11111111);
  assert.throws(() => p.set.call(new StrArray('<i', c, { offset: 4, length: 1 }), 3, 0x22222222), RangeError);
  assert.equal(c.toHex(), `${'aa'.repeat(8)}11111111${'aa'.repeat(4)}`);
  assert.equal(p.get.call(new StrArray('<i', c, { stride: 8 }), 1), 0x11111111);
  const u8 = new Uint8Array(16).fill(0xaa);
  const f = new StrArray('<i', new Uint8Array(16));
  f.set.call(new StrArray('<i', new MemSlice(u8, 8, 16)), 0, 0x33333333);
  assert.equal(Buffer.from(u8).toString('hex'), `${'aa'.repeat(8)}33333333${'aa'.repeat(4)}`);
  c.free();
});

test('a buffer\'s own resize, resizable or maxByteLength properties are not believed: its built-ins are', () => {
  const ab = new ArrayBuffer(12, { maxByteLength: 100 });
  ab.resize = () => {};
  const b = new StrArray('<i', ab);
  b.set(0, 1);
  b.set(1, 2);
  b.set(2, 3);
  b.insert(0, 9);
  assert.deepEqual(b.toArray(), [9, 1, 2, 3]);
  b.splice(0, 1);
  assert.deepEqual(b.toArray(), [1, 2, 3]);
  const fixed = new ArrayBuffer(12);
  Object.defineProperty(fixed, 'resizable', { value: true });
  assert.throws(() => new StrArray('<i', fixed).push(4), /cannot change size/);
});

test('copies made over a chunk (arrayOver) leak nothing when the constructor throws, and nest', () => {
  const before = memoryStats();
  for (let i = 0; i < 200; i++) {
    assert.throws(() => ChunkArray.fromBytes('<i', new Uint8Array(4096), { get names() { throw new RangeError('no'); } }), RangeError);
  }
  const after = memoryStats();
  assert.equal(after.allocations - before.allocations, after.frees - before.frees, 'every chunk made was freed');
  const other = new ChunkArray('<i', [1, 2, 3]);
  class Copying extends ChunkArray {
    constructor(...args) {
      const early = other.slice(1); // an arrayOver inside another's make()
      super(...args);
      this.early = early;
    }
  }
  const a = new Copying('<i', [7, 8]);
  const s = a.slice(0, 1);
  assert.deepEqual([a.early.toArray(), s.toArray()], [[2, 3], [7]]);
  for (const x of [a, s, other, a.early]) x.free();
});

test('wasm bytes a user\'s [bytes]() gives are read as they were when resolved, not from a block freed meanwhile', () => {
  const a = Chunk.alloc(64, 0x41);
  const d = new Uint8Array(64);
  copy({ [bytes]() { a.free(); Chunk.alloc(64, 0x5a); return d; } }, { [bytes]: () => a[bytes]() });
  assert.equal(Buffer.from(d).toString('latin1'), 'A'.repeat(64));
});

test('dumps never writes a chunk freed while it walked an array as empty; a look-alike ChunkArray is not one', () => {
  const c = Chunk.from([1, 2, 3]);
  const trap = new Proxy([], { get(t, k, r) { if (k === 'length') c.free(); return Reflect.get(t, k, r); } });
  assert.throws(() => dumps([c, trap]), /dumps\(\): value is a freed Chunk/);
  const s = new StrArray('<i', new Uint8Array(8));
  Object.setPrototypeOf(s, ChunkArray.prototype);
  assert.equal(loads(dumps(s)).length, 2);
  assert.throws(() => Chunk.prototype.resize.call(1, 2), /Chunk\.resize\(\): this is not a Chunk/);
  assert.throws(() => Chunk.prototype.free.call(null), /Chunk\.free\(\): this is not a Chunk/);
});
