// Chunk (SPEC §3) against a plain-array model, plus relocation, growth,
// amortised resize, lifetime and out-of-memory behaviour.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { Chunk, MemSlice, cmp, find, memoryStats, rfind } from 'wasm-mem';
import { chunkCell } from '../../dist/js/core/internal.js';
import { wasmBuffer } from '../../dist/js/core/wasm.js';
import { modelFind, modelRfind, rng } from './helpers.js';

const hex = (u) => Buffer.from(u).toString('hex');
const bytesOf = (c) => [...c.toUint8Array()];
const address = (c) => chunkCell(c).ptr;

/** Python slice positions: negative from the end, clamped to [0, n]. */
const pos = (v, n, dflt) => (v === undefined ? dflt : v < 0 ? Math.max(0, v + n) : Math.min(v, n));

describe('constructors', () => {
  test('parts of every kind, joined', () => {
    const c = new Chunk('ab', new Uint8Array([1, 2]), Buffer.from('cd'), new Uint16Array([0x0102]).buffer, new Chunk('e'), new DataView(new ArrayBuffer(1)));
    assert.deepEqual(bytesOf(c), [97, 98, 1, 2, 99, 100, 2, 1, 101, 0]);
    assert.equal(new Chunk().length, 0);
    assert.equal(new Chunk('é').length, 2);
  });
  test('a number part is a TypeError pointing at Chunk.alloc', () => {
    assert.throws(() => new Chunk(5), /Chunk\(\): part 0 is a number \(5\): use Chunk.alloc/);
    assert.throws(() => new Chunk('a', null), TypeError);
  });
  test('alloc with a byte or a pattern; from; fromHex', () => {
    assert.deepEqual(bytesOf(Chunk.alloc(3)), [0, 0, 0]);
    assert.deepEqual(bytesOf(Chunk.alloc(3, 7)), [7, 7, 7]);
    assert.equal(Chunk.alloc(7, 'abc').toString(), 'abcabca');
    assert.equal(Chunk.alloc(2, 'abc').toString(), 'ab');
    assert.equal(Chunk.alloc(0, 'abc').length, 0);
    assert.equal(Chunk.alloc(5, new Chunk('xy')).toString(), 'xyxyx');
    assert.throws(() => Chunk.alloc(3, ''), RangeError);
    assert.throws(() => Chunk.alloc(3, 256), RangeError);
    assert.throws(() => Chunk.alloc(-1), RangeError);
    assert.throws(() => Chunk.alloc(2 ** 31), RangeError);
    assert.throws(() => Chunk.alloc(1.5), TypeError);
    assert.deepEqual(bytesOf(Chunk.from([1, 2, 255])), [1, 2, 255]);
    assert.deepEqual(bytesOf(Chunk.from(new Set([3, 4]))), [3, 4]);
    assert.throws(() => Chunk.from([1, 256]), /values\[1\]/);
    assert.throws(() => Chunk.from(5), TypeError);
    assert.equal(hex(Chunk.fromHex(' de ad\nBE ef ').toUint8Array()), 'deadbeef');
    assert.throws(() => Chunk.fromHex('abc'), RangeError);
    assert.throws(() => Chunk.fromHex('zz'), RangeError);
    assert.throws(() => Chunk.fromHex(12), TypeError);
    assert.equal(Chunk.fromHex('').length, 0);
  });
});

describe('element access', () => {
  test('get/set/at with negative indices and the integer rule', () => {
    const c = new Chunk('abc');
    assert.equal(c.get(0), 97);
    assert.equal(c.get(-1), 99);
    assert.throws(() => c.get(3), RangeError);
    assert.throws(() => c.get(-4), RangeError);
    assert.throws(() => c.get(1.5), TypeError);
    assert.throws(() => c.get('1'), TypeError);
    c.set(-1, 100);
    c.set(0, 0);
    assert.deepEqual(bytesOf(c), [0, 98, 100]);
    assert.throws(() => c.set(0, 256), RangeError);
    assert.throws(() => c.set(0, -1), RangeError);
    assert.throws(() => c.set(0, 1.5), TypeError);
    assert.throws(() => c.set(5, 1), RangeError);
    assert.deepEqual(bytesOf(c), [0, 98, 100]);
    assert.equal(c.at(-1), 100);
    assert.equal(c.at(3), undefined);
    assert.equal(c.at(-4), undefined);
    assert.throws(() => c.at(NaN), TypeError);
    assert.deepEqual([...c], [0, 98, 100]);
  });
});

describe('against a model', () => {
  test('random sequences of every method', () => {
    const seed = 2024;
    const r = rng(seed);
    for (let round = 0; round < 60; round++) {
      let model = [...r.bytes(r.int(20), 3)];
      const c = new Chunk(Uint8Array.from(model));
      for (let step = 0; step < 40; step++) {
        const n = model.length;
        const a = r.int(n + 8) - 4 - (r() < 0.2 ? 10 : 0);
        const b = r.int(n + 8) - 4;
        const where = `seed ${seed} round ${round} step ${step}: [${model}] a=${a} b=${b}`;
        switch (r.int(9)) {
          case 0: { // resize with a pattern
            const size = r.int(40);
            const pat = r() < 0.5 ? r.int(256) : Uint8Array.from(r.bytes(1 + r.int(3), 3));
            c.resize(size, pat);
            const p = typeof pat === 'number' ? [pat] : [...pat];
            model = size <= n ? model.slice(0, size) : [...model, ...Array.from({ length: size - n }, (_, k) => p[k % p.length])];
            break;
          }
          case 1: { // fill
            const v = r() < 0.5 ? r.int(256) : Uint8Array.from(r.bytes(1 + r.int(3), 3));
            c.fill(v, a, b);
            const s = pos(a, n, 0);
            const e = pos(b, n, n);
            const p = typeof v === 'number' ? [v] : [...v];
            for (let k = s; k < e; k++) model[k] = p[(k - s) % p.length];
            break;
          }
          case 2:
            assert.deepEqual(bytesOf(c.slice(a, b)), model.slice(pos(a, n, 0), Math.max(pos(a, n, 0), pos(b, n, n))), where);
            break;
          case 3: {
            const pat = Uint8Array.from(r.bytes(r.int(3), 3));
            const st = 1 + r.int(3);
            assert.equal(c.indexOf(pat, a, b, st), modelFind(Uint8Array.from(model), pat, a, b, st), where);
            assert.equal(c.lastIndexOf(pat, a, b, st), modelRfind(Uint8Array.from(model), pat, a, b, st), where);
            assert.equal(c.includes(pat), modelFind(Uint8Array.from(model), pat) >= 0, where);
            break;
          }
          case 4:
            if (n > 0) {
              const i = r.int(2 * n) - n;
              const v = r.int(256);
              c.set(i, v);
              model[i < 0 ? i + n : i] = v;
              assert.equal(c.get(i), v, where);
            }
            break;
          case 5: {
            const other = Uint8Array.from(r() < 0.5 ? model.slice(0, r.int(n + 1)) : r.bytes(r.int(6), 3));
            assert.equal(c.compare(other), Buffer.compare(Buffer.from(model), other), where);
            assert.equal(c.equals(other), Buffer.compare(Buffer.from(model), other) === 0, where);
            break;
          }
          case 6: {
            const k = r.int(4);
            const rep = c.repeat(k);
            assert.deepEqual(bytesOf(rep), Array.from({ length: k }, () => model).flat(), where);
            rep.free();
            break;
          }
          case 7: {
            const more = Uint8Array.from(r.bytes(r.int(4), 3));
            const joined = c.concat(more, 'z');
            assert.deepEqual(bytesOf(joined), [...model, ...more, 122], where);
            joined.free();
            break;
          }
          default:
            assert.equal(c.toHex(), Buffer.from(model).toString('hex'), where);
            assert.deepEqual([...c], model, where);
        }
        assert.deepEqual(bytesOf(c), model, where);
        assert.equal(c.length, model.length, where);
      }
      c.free();
    }
  });
});

describe('views and conversions', () => {
  test('bytes is a fresh view of wasm memory each time; toUint8Array a copy', () => {
    const c = new Chunk('abc');
    const v1 = c.bytes;
    const v2 = c.bytes;
    assert.notEqual(v1, v2);
    assert.equal(v1.buffer, wasmBuffer());
    v1[0] = 65;
    assert.equal(c.toString(), 'Abc');
    const copy = c.toUint8Array();
    copy[0] = 0;
    assert.equal(c.get(0), 65);
    assert.notEqual(copy.buffer, wasmBuffer());
  });
  test('toString decodes UTF-8; toHex lowercase', () => {
    assert.equal(new Chunk('h€llo').toString(), 'h€llo');
    assert.equal(new Chunk(new Uint8Array([0xff])).toString(), '\ufffd');
    assert.equal(Chunk.from([0, 15, 16, 255]).toHex(), '000f10ff');
  });
  test('a chunk is a bytes-like for every function', () => {
    const c = new Chunk('xxabxxab');
    assert.equal(find(c, 'ab'), 2);
    assert.equal(rfind(c, new Chunk('ab')), 6);
    assert.equal(cmp(c, 'xxabxxab'), 0);
  });
});

describe('relocation and growth', () => {
  test('resizes that move the chunk: slices read and write the new place', () => {
    const c = new Chunk('hello');
    const s = c.subarray(1, 4);
    const before = address(c);
    const blocker = new Chunk('x'); // takes the space after c, so growth must move it
    c.resize(100000, '!?');
    assert.notEqual(address(c), before);
    assert.equal(Buffer.from(s.toUint8Array()).toString(), 'ell');
    s.set(0, 69);
    assert.equal(c.slice(0, 9).toString(), 'hEllo!?!?');
    assert.equal(c.get(99999), 33); // (99999 - 5) is even: '!'
    blocker.free();
  });
  test('after memory grows, every Chunk and MemSlice method still reads the right bytes', () => {
    const c = new Chunk('growth test');
    const s = c.subarray(-4);
    const oldView = c.bytes;
    const size = wasmBuffer().byteLength;
    const big = Chunk.alloc(64 << 20, 1);
    assert.ok(wasmBuffer().byteLength > size);
    assert.equal(oldView.byteLength, 0); // detached by the growth
    assert.equal(c.toString(), 'growth test');
    assert.equal(c.indexOf('test'), 7);
    assert.equal(c.get(-1), 116);
    assert.equal(c.toHex(), Buffer.from('growth test').toString('hex'));
    assert.equal(Buffer.from(s.toUint8Array()).toString(), 'test');
    assert.equal(s.get(0), 116);
    assert.deepEqual([...s], [116, 101, 115, 116]);
    assert.equal(find(s, 'st'), 2);
    assert.equal(big.get(-1), 1);
    big.free();
  });
  test('a million one-byte growths cost a logarithmic number of reallocations', () => {
    const c = new Chunk();
    const before = memoryStats().reallocations;
    for (let i = 1; i <= 1_000_000; i++) c.resize(i, i & 255);
    const reallocs = memoryStats().reallocations - before;
    assert.equal(c.length, 1_000_000);
    assert.equal(c.get(-1), 1_000_000 & 255);
    assert.equal(c.get(299), 300 & 255);
    console.log(`reallocations for 1,000,000 one-byte growths: ${reallocs}`);
    assert.ok(reallocs <= 40, `${reallocs} reallocations`);
    c.free();
  });
  test('shrinking a lot gives memory back; growing again works', () => {
    const c = Chunk.alloc(1 << 20, 7);
    const used = memoryStats().bytesInUse;
    c.resize(10);
    assert.ok(memoryStats().bytesInUse < used - (1 << 19));
    c.resize(20, 9);
    assert.deepEqual(bytesOf(c), [...Array(10).fill(7), ...Array(10).fill(9)]);
    c.free();
  });
  test('a resize whose pattern lies in the chunk itself', () => {
    const c = new Chunk('abc');
    c.resize(1000, c.subarray(1, 3));
    assert.equal(c.slice(0, 9).toString(), 'abcbcbcbc');
    c.fill(c.subarray(0, 2), 1, 6);
    assert.equal(c.slice(0, 9).toString(), 'aababacbc');
  });
});

describe('lifetime', () => {
  test('free() returns the memory; a second free does nothing; other use is a TypeError', () => {
    const base = memoryStats().bytesInUse;
    const c = Chunk.alloc(100000);
    assert.ok(memoryStats().bytesInUse >= base + 100000);
    const s = c.subarray(1);
    c.free();
    c.free();
    assert.equal(c.freed, true);
    assert.equal(memoryStats().bytesInUse, base);
    for (const use of [() => c.length, () => c.get(0), () => c.bytes, () => c.resize(1), () => c.slice(), () => c.toString(), () => find(c, 'a'), () => s.get(0), () => s.length, () => new Chunk(c)]) {
      assert.throws(use, (e) => e instanceof TypeError && /freed/.test(e.message));
    }
  });
  test('Symbol.dispose frees', () => {
    const c = new Chunk('x');
    c[Symbol.dispose]();
    assert.equal(c.freed, true);
  });
  test('loops of create/use/free of every kind return the heap to its baseline', () => {
    const base = memoryStats().bytesInUse;
    for (let i = 0; i < 2000; i++) {
      const a = new Chunk('abc', Buffer.alloc(i % 300));
      const b = Chunk.alloc(i % 500, 'xy');
      const s = a.subarray(1);
      const c = a.concat(b, s);
      const d = c.repeat(2);
      const e = d.slice(1, -1);
      find(Buffer.alloc(3000), c); // a foreign haystack staged through scratch memory
      e.resize(i * 3 % 1000, a);
      for (const x of [a, b, c, d, e]) x.free();
    }
    assert.equal(memoryStats().bytesInUse, base);
  });
  test('forgotten chunks are reclaimed by the collector; a chunk under a reachable bytes view is not', () => {
    const child = spawnSync(process.execPath, ['--expose-gc', new URL('./fixtures/finalize.js', import.meta.url).pathname], { encoding: 'utf8' });
    assert.equal(child.status, 0, child.stderr);
    const out = JSON.parse(child.stdout);
    assert.ok(out.reclaimed, `forgotten chunks not reclaimed: ${child.stdout}`);
    assert.equal(out.viewKeptAlive, true);
    assert.equal(out.viewBytes, 'still here');
  });
  test('out of memory: RangeError, and the library keeps working (in a child process)', () => {
    const child = spawnSync(process.execPath, [new URL('./fixtures/oom.js', import.meta.url).pathname], { encoding: 'utf8' });
    assert.equal(child.status, 0, child.stderr);
    const out = JSON.parse(child.stdout);
    assert.equal(out.error, 'RangeError');
    assert.ok(out.allocatedGiB >= 3, `only ${out.allocatedGiB} GiB before the error`);
    assert.equal(out.afterFree, 'works');
    assert.equal(out.tooBig, 'RangeError');
  });
});
