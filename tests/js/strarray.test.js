// StrArray and ChunkArray (SPEC §5): Python struct vectors for every format,
// every method against a JS array model over every kind of buffer, the JS
// type rules, all-or-nothing writes, and size changes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import * as mem from 'wasm-mem';
import { Chunk, ChunkArray, MemSlice, NotFoundError, StrArray, dumps, loads, memoryStats } from 'wasm-mem';
import { rng } from './helpers.js';

const vectors = JSON.parse(readFileSync(new URL('../vectors/pack.json', import.meta.url)));
const hex = (u) => Buffer.from(u).toString('hex');
const itemHex = (a) => hex(new Uint8Array(a.buffer instanceof Chunk ? a.buffer.toUint8Array() : a.buffer).subarray(0, a.length * a.itemsize));

/** A vector's tagged value as the JS value for format `code`. */
function jsValue([kind, v], code) {
  switch (kind) {
    case 'int': return 'qQ'.includes(code) ? BigInt(v) : Number(v);
    case 'float': return v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : Number(v);
    case 'bool': return v;
    case 'bytes': return code === 'c' ? String.fromCharCode(...Buffer.from(v, 'hex')) : Buffer.from(v, 'hex');
    case 'str': return v;
    default: return null;
  }
}

describe('Python struct vectors', () => {
  for (const c of vectors) {
    const code = c.format.at(-1);
    test(`format ${JSON.stringify(c.format)}`, () => {
      const a = new ChunkArray(c.format);
      assert.equal(a.itemsize, c.size);
      for (const p of c.pack) {
        const v = jsValue(p.value, code);
        const where = `${c.format} pack ${JSON.stringify(p.value)}`;
        if (p.error) {
          assert.throws(() => a.push(v), (e) => e.constructor.name === p.error, where);
          continue;
        }
        const one = new ChunkArray(c.format, [v]);
        assert.equal(itemHex(one), p.hex, where);
        if (code === 'c') assert.equal(itemHex(new ChunkArray(c.format, [Buffer.from(p.value[1], 'hex')])), p.hex, `${where} as bytes`);
        one.free();
      }
      for (const u of c.unpack) {
        const got = ChunkArray.fromBytes(c.format, Buffer.from(u.hex, 'hex')).get(0);
        const want = jsValue(u.value, code);
        assert.ok(Object.is(got, want) || (Number.isNaN(got) && Number.isNaN(want)), `${c.format} unpack ${u.hex}: ${got} vs ${want}`);
      }
      a.free();
    });
  }
});

describe('the CLI array vectors (struct.json, shared with `mem array`)', () => {
  const shared = JSON.parse(readFileSync(new URL('../vectors/struct.json', import.meta.url)));
  for (const f of shared.formats) {
    test(`format ${JSON.stringify(f.format)}: ${f.json.length} values read, and written back to the same bytes`, () => {
      const code = f.format.at(-1);
      const want = f.json.map((v) => ('qQ'.includes(code) ? BigInt(v) : 'efd'.includes(code) ? Number(v) : v));
      const a = ChunkArray.fromBytes(f.format, Buffer.from(f.hex, 'hex'));
      assert.equal(a.itemsize, f.itemsize);
      const got = a.toArray();
      assert.equal(got.length, want.length);
      for (let i = 0; i < want.length; i++) {
        assert.ok(Object.is(got[i], want[i]) || (Number.isNaN(got[i]) && Number.isNaN(want[i])), `${f.format}[${i}]: ${got[i]} vs ${want[i]}`);
      }
      // Writing the values back reproduces the bytes, except NaN payloads and
      // '?' bytes other than 0/1 (struct reads any non-zero byte as true).
      const back = new ChunkArray(f.format, got);
      const raw = Buffer.from(f.hex, 'hex');
      const size = f.itemsize;
      for (let i = 0; i < want.length; i++) {
        if (Number.isNaN(got[i]) || code === '?') continue;
        assert.equal(hex(back.buffer.toUint8Array().subarray(i * size, (i + 1) * size)), hex(raw.subarray(i * size, (i + 1) * size)), `${f.format}[${i}] written back`);
      }
      a.free();
      back.free();
    });
  }
});

describe('JS type rules (SPEC §5 table)', () => {
  const cases = [
    ['i', 1n, TypeError], ['i', 1.5, TypeError], ['i', NaN, TypeError], ['i', '1', TypeError], ['i', null, TypeError],
    ['i', 2 ** 31, RangeError], ['B', -1, RangeError], ['b', Infinity, TypeError],
    ['q', 2 ** 53, TypeError], ['q', 1.5, TypeError], ['q', '1', TypeError], ['q', 2n ** 63n, RangeError], ['Q', -1n, RangeError],
    ['d', 1n, TypeError], ['f', '1', TypeError], ['f', 1e39, RangeError], ['e', 65520, RangeError], ['e', -1e6, RangeError],
    ['c', 'ab', TypeError], ['c', '', TypeError], ['c', 'Ā', RangeError], ['c', new Uint8Array(2), TypeError], ['c', 65, TypeError],
  ];
  for (const [format, value, Cls] of cases) {
    test(`${format} refuses ${typeof value === 'bigint' ? `${value}n` : JSON.stringify(value) ?? String(value)} with ${Cls.name}`, () => {
      const a = new ChunkArray(format, [format === 'c' ? 'x' : format === 'q' || format === 'Q' ? 7n : 7]);
      const before = itemHex(a);
      assert.throws(() => a.set(0, value), Cls);
      assert.throws(() => a.push(value), Cls);
      assert.throws(() => a.fill(value), Cls);
      assert.equal(itemHex(a), before);
      assert.equal(a.length, 1);
      a.free();
    });
  }
  test('accepted forms: q takes safe numbers, floats take NaN and infinities, ? any truthiness, c a byte', () => {
    assert.deepEqual(new ChunkArray('q', [5, -5n]).toArray(), [5n, -5n]);
    assert.deepEqual(new ChunkArray('d', [NaN, -Infinity]).toArray().map(String), ['NaN', '-Infinity']);
    assert.deepEqual(new ChunkArray('?', [0, 'x', null, {}, -0]).toArray(), [false, true, false, true, false]);
    assert.deepEqual(new ChunkArray('c', ['\xff', Uint8Array.of(65)]).toArray(), ['\xff', 'A']);
    assert.equal(new ChunkArray('f', [3.4028235e38]).get(0), 3.4028234663852886e38); // rounds down to FLT_MAX
  });
});

describe('formats', () => {
  test('bad formats are TypeErrors that say why', () => {
    for (const [f, why] of [['', /size 0/], ['0i', /size 0/], ['!', /size 0/], ['3', /no code after it/], ['4 s', /no code after it/], ['0p', /Pascal/],
      ['<n', /native mode/], ['>N', /native mode/], ['<P', /native mode/], ['z', /not a struct code/], [' <i', /not a struct code/], ['<<i', /byte order goes first/],
      [5, /must be a string/], [null, /must be a string/]]) {
      assert.throws(() => new StrArray(f), (e) => e instanceof TypeError && why.test(e.message), String(f));
    }
  });
  test('wasm32 sizes and byte orders', () => {
    const sizes = { c: 1, b: 1, B: 1, '?': 1, h: 2, H: 2, i: 4, I: 4, l: 4, L: 4, q: 8, Q: 8, n: 4, N: 4, e: 2, f: 4, d: 8 };
    for (const [code, size] of Object.entries(sizes)) assert.equal(new StrArray(code).itemsize, size, code);
    assert.equal(new StrArray('@n').itemsize, 4);
    const be = new StrArray('>I', new Uint8Array([1, 2, 3, 4]));
    const le = new StrArray('=I', new Uint8Array([1, 2, 3, 4]));
    assert.equal(be.get(0), 0x01020304);
    assert.equal(le.get(0), 0x04030201);
    assert.equal(new StrArray('!h', new Uint8Array([0xff, 0xfe])).get(0), -2);
  });
});

// ---- the model -------------------------------------------------------------

/** Values exactly representable in each format (so the model holds them as stored). */
function valueFor(code, r) {
  switch (code) {
    case 'b': return r.int(256) - 128;
    case 'B': return r.int(256);
    case 'h': return r.int(65536) - 32768;
    case 'H': return r.int(65536);
    case 'N': case 'L': case 'I': return r.int(2 ** 32) >>> (r.int(2) * 16);
    case 'i': case 'l': case 'n': return (r.int(2 ** 32) | 0) >> (r.int(2) * 16);
    case 'q': return BigInt(r.int(2 ** 31)) * (r() < 0.5 ? -1n : 1n) * 2n ** 30n;
    case 'Q': return BigInt(r.int(2 ** 31)) * 2n ** 33n;
    case 'e': case 'f': case 'd': return (r.int(64) - 32) / 4;
    case '?': return r() < 0.5;
    default: return String.fromCharCode(r.int(256));
  }
}

/** Buffer kinds: [label, make(bytes) -> buffer, resizable]. */
const bufferKinds = [
  ['Chunk', (b) => new Chunk(b), true],
  ['MemSlice on a Chunk', (b) => new Chunk(Uint8Array.of(9, ...b, 9)).subarray(1, 1 + b.length), false],
  ['ArrayBuffer', (b) => Uint8Array.from(b).buffer, false],
  ['Uint8Array at an odd offset', (b) => Uint8Array.from([9, ...b, 9]).subarray(1, 1 + b.length), false],
  ['resizable ArrayBuffer', (b) => { const ab = new ArrayBuffer(b.length, { maxByteLength: 4096 }); new Uint8Array(ab).set(b); return ab; }, true],
];

describe('every method against a JS array model', () => {
  for (const [label, make, resizable] of bufferKinds) {
    test(`over a ${label}`, () => {
      const seed = 31337;
      const r = rng(seed);
      for (const format of ['b', 'B', '>h', 'H', '<i', '!I', 'l', 'q', '>Q', '<e', '>f', 'd', '?', 'c']) {
        const code = format.at(-1);
        const size = new StrArray(format).itemsize;
        let model = Array.from({ length: r.int(6) }, () => valueFor(code, r));
        const seedArray = new ChunkArray(format, model);
        const a = new StrArray(format, make(seedArray.buffer.toUint8Array()));
        seedArray.free();
        for (let step = 0; step < 60; step++) {
          const n = model.length;
          const where = `seed ${seed} ${label} ${format} step ${step} model [${model}]`;
          const v = valueFor(code, r);
          const i = r.int(n + 4) - 2;
          const j = r.int(n + 4) - 2;
          const grow = (fn) => {
            if (resizable) return fn();
            assert.throws(fn, TypeError, where);
            return undefined;
          };
          switch (r.int(14)) {
            case 0:
              if (grow(() => a.push(v, v)) !== undefined) model.push(v, v);
              break;
            case 1:
              if (grow(() => a.insert(i, v)) !== undefined || resizable) model.splice(i < 0 ? Math.max(0, n + i) : Math.min(i, n), 0, v);
              break;
            case 2:
              if (n > 0) {
                const k = r.int(2 * n) - n;
                if (resizable) assert.deepEqual(a.pop(k), model.splice(k, 1)[0], where);
                else assert.throws(() => a.pop(k), TypeError, where);
              }
              break;
            case 3: {
              const del = r.int(3);
              const items = [v, valueFor(code, r)].slice(0, r.int(3));
              if (resizable) assert.deepEqual(a.splice(i, del, ...items), model.splice(i, del, ...items), where);
              else assert.throws(() => a.splice(i, del, ...items), TypeError, where);
              break;
            }
            case 4: {
              const items = [v];
              if (resizable) {
                a.setSlice(i, j, items);
                const s = i < 0 ? Math.max(0, n + i) : Math.min(i, n);
                const e = Math.max(s, j < 0 ? Math.max(0, n + j) : Math.min(j, n));
                model.splice(s, e - s, ...items);
              } else assert.throws(() => a.setSlice(i, j, items), TypeError, where);
              break;
            }
            case 5:
              if (n > 0) {
                const k = r.int(n);
                a.set(k, v);
                model[k] = v;
              }
              break;
            case 6:
              a.fill(v, i, j);
              for (let k = i < 0 ? Math.max(0, n + i) : Math.min(i, n); k < (j < 0 ? Math.max(0, n + j) : Math.min(j, n)); k++) model[k] = v;
              break;
            case 7:
              a.reverse();
              model.reverse();
              break;
            case 8: {
              const probe = r() < 0.5 && n > 0 ? model[r.int(n)] : v;
              assert.equal(a.indexOf(probe), model.indexOf(probe), where);
              assert.equal(a.lastIndexOf(probe), model.lastIndexOf(probe), where);
              assert.equal(a.indexOf(probe, i, j), model.slice(0, j < 0 ? Math.max(0, n + j) : Math.min(j, n)).indexOf(probe, i < 0 ? Math.max(0, n + i) : i), where);
              assert.equal(a.includes(probe), model.includes(probe), where);
              assert.equal(a.count(probe), model.filter((x) => x === probe).length, where);
              break;
            }
            case 9:
              if (resizable && n < 20) {
                a.imul(2);
                model = [...model, ...model];
              } else if (!resizable) assert.throws(() => a.imul(2), TypeError, where);
              break;
            case 10:
              if (grow(() => a.extend([v])) !== undefined) model.push(v);
              break;
            case 11: {
              const s = a.slice(i, j);
              const si = i < 0 ? Math.max(0, n + i) : Math.min(i, n);
              const sj = Math.max(si, j < 0 ? Math.max(0, n + j) : Math.min(j, n));
              assert.deepEqual(s.toArray(), model.slice(si, sj), where);
              assert.equal(s.buffer instanceof MemSlice, a.buffer instanceof MemSlice, where);
              s.free();
              break;
            }
            case 12:
              if (n > 0 && resizable) {
                const probe = model[r.int(n)];
                a.remove(probe);
                model.splice(model.indexOf(probe), 1);
              }
              break;
            default:
              assert.equal(a.equals(model), true, where);
              assert.equal(a.equals([...model, v]), false, where);
          }
          assert.deepEqual(a.toArray(), model, where);
          assert.equal(a.length, model.length, where);
          assert.deepEqual([...a], model, where);
        }
      }
    });
  }
});

describe('size changes', () => {
  test('all or nothing: push(1, 2, 300) on B writes nothing', () => {
    const a = new ChunkArray('B', [7]);
    assert.throws(() => a.push(1, 2, 300), /values\[2\]: value out of range for format 'B' \(0\.\.255\)/);
    assert.deepEqual(a.toArray(), [7]);
    assert.throws(() => a.extend([1, 'x']), TypeError);
    assert.throws(() => a.splice(0, 1, 1, 1.5), TypeError);
    assert.throws(() => a.setSlice(0, 1, [256]), RangeError);
    assert.deepEqual(a.toArray(), [7]);
  });
  test('fixed buffers refuse with TypeError, nothing changed', () => {
    const u = new Uint8Array(8);
    const a = new StrArray('i', u);
    for (const op of [() => a.push(1), () => a.pop(), () => a.clear(), () => a.insert(0, 1), () => a.extend([1]), () => a.iadd([1]), () => a.imul(2), () => a.remove(0), () => a.splice(0, 1), () => a.setSlice(0, 1, [])]) {
      assert.throws(op, (e) => e instanceof TypeError && /cannot change size/.test(e.message));
    }
    assert.deepEqual([...u], [0, 0, 0, 0, 0, 0, 0, 0]);
  });
  test('a trailing partial item is dropped by the first size change', () => {
    const c = new Chunk(new Uint8Array([1, 0, 0, 0, 9, 9, 9]));
    const a = new StrArray('<i', c);
    assert.equal(a.length, 1);
    a.push(2);
    assert.equal(c.length, 8);
    assert.deepEqual(a.toArray(), [1, 2]);
  });
  test('growable SharedArrayBuffer grows but does not shrink', () => {
    const sab = new SharedArrayBuffer(4, { maxByteLength: 64 });
    const a = new StrArray('i', sab);
    a.push(5);
    assert.equal(sab.byteLength, 8);
    assert.deepEqual(a.toArray(), [0, 5]);
    assert.throws(() => a.pop(), TypeError);
    assert.deepEqual(a.toArray(), [0, 5]);
  });
  test('resizable ArrayBuffer past its maxByteLength: RangeError, nothing changed', () => {
    const ab = new ArrayBuffer(4, { maxByteLength: 8 });
    const a = new StrArray('i', ab);
    a.push(1);
    assert.throws(() => a.push(2), RangeError);
    assert.equal(ab.byteLength, 8);
  });
  test('pop and remove errors', () => {
    const a = new ChunkArray('i');
    assert.throws(() => a.pop(), RangeError);
    a.push(1, 2);
    assert.throws(() => a.pop(2), RangeError);
    assert.throws(() => a.remove(5), NotFoundError);
    assert.equal(a.pop(), 2);
    assert.equal(a.pop(-1), 1);
  });
  test('imul and iadd', () => {
    const a = new ChunkArray('h', [1, -2]);
    assert.equal(a.imul(3), a);
    assert.deepEqual(a.toArray(), [1, -2, 1, -2, 1, -2]);
    a.imul(1);
    assert.equal(a.length, 6);
    a.imul(0);
    assert.equal(a.length, 0);
    assert.throws(() => a.imul(-1), RangeError);
    a.iadd(new Int16Array([3, 4]));
    assert.deepEqual(a.toArray(), [3, 4]);
  });
  test('push in a loop is amortised by the chunk growth', () => {
    const a = new ChunkArray('<d');
    const before = memoryStats().reallocations;
    for (let i = 0; i < 100000; i++) a.push(i / 2);
    assert.equal(a.length, 100000);
    assert.equal(a.get(99999), 99999 / 2);
    assert.ok(memoryStats().reallocations - before < 40);
    a.free();
  });
});

describe('values and comparisons', () => {
  test('=== semantics: NaN never matches, -0 equals 0; includes finds NaN', () => {
    const a = new ChunkArray('d', [NaN, -0, 1]);
    assert.equal(a.indexOf(NaN), -1);
    assert.equal(a.includes(NaN), true);
    assert.equal(a.indexOf(0), 1);
    assert.equal(a.count(0), 1);
    assert.equal(new ChunkArray('d', [0, -0]).count(-0), 2);
    assert.equal(a.equals([NaN, 0, 1]), false);
    assert.equal(new ChunkArray('f', [0.1]).indexOf(0.1), -1); // stored rounded: not === 0.1
    assert.equal(new ChunkArray('q', [1n]).indexOf(1), -1);
    assert.equal(new ChunkArray('q', [1n]).indexOf(1n), 0);
    assert.equal(new ChunkArray('i', [1]).indexOf('1'), -1);
  });
  test('searches are aligned on items', () => {
    // bytes 00 01 | 01 00: '>H' items 1 and 256; the value 257 (01 01) spans two items
    const a = new StrArray('>H', new Uint8Array([0, 1, 1, 0]));
    assert.equal(a.indexOf(257), -1);
    assert.equal(a.indexOf(256), 1);
  });
  test('equals across formats compares values', () => {
    assert.equal(new ChunkArray('b', [1, 2]).equals(new ChunkArray('<q', [1n, 2n])), false);
    assert.equal(new ChunkArray('b', [1, 2]).equals(new ChunkArray('>h', [1, 2])), true);
    assert.equal(new ChunkArray('i', [1, 2]).equals(new ChunkArray('i', [1, 2])), true);
    assert.equal(new ChunkArray('i', [1, 2]).equals(new ChunkArray('i', [1, 3])), false);
    assert.throws(() => new ChunkArray('i').equals(5), TypeError);
  });
  test('toTypedArray gives the platform type, values converted', () => {
    const types = { b: Int8Array, B: Uint8Array, h: Int16Array, H: Uint16Array, i: Int32Array, I: Uint32Array, q: BigInt64Array, Q: BigUint64Array, e: Float32Array, f: Float32Array, d: Float64Array };
    for (const [code, T] of Object.entries(types)) {
      for (const order of ['<', '>']) {
        const values = 'qQ'.includes(code) ? [1n, 2n] : [1, 2.5].map((x) => ('efd'.includes(code) ? x : Math.floor(x)));
        const t = new ChunkArray(order + code, values).toTypedArray();
        assert.ok(t instanceof T, `${order}${code}`);
        assert.deepEqual([...t], values, `${order}${code}`);
      }
    }
    assert.deepEqual([...new ChunkArray('?', [true, false]).toTypedArray()], [1, 0]);
  });
  test('slice: by view over a MemSlice, by copy otherwise; ChunkArray from ChunkArray', () => {
    const c = new Chunk(new Uint8Array(16));
    const viewed = new StrArray('<i', c.subarray(0));
    const s = viewed.slice(1, 3);
    s.set(0, 42);
    assert.equal(viewed.get(1), 42);
    const copied = new StrArray('<i', c).slice(1, 3);
    copied.set(0, 7);
    assert.equal(viewed.get(1), 42);
    assert.ok(new ChunkArray('i', [1, 2]).slice(1) instanceof ChunkArray);
  });
  test('a StrArray is a bytes-like of its items, writable when its buffer is (SPEC §1)', () => {
    const a = new ChunkArray('>H', [0x0102]);
    assert.deepEqual([...new Chunk(a).toUint8Array()], [1, 2]);
    new MemSlice(a).set(0, 9);
    assert.equal(a.get(0), 0x0902);
    const ro = new StrArray('B', new MemSlice({ [mem.bytes]: (access) => (access === 'write' ? null : new Uint8Array([1, 2])) }));
    assert.equal(new MemSlice(ro).writable, false);
    assert.throws(() => new MemSlice(ro).set(0, 1), TypeError);
  });
});

describe('ChunkArray', () => {
  test('values, fromBytes, concat, repeat, free', () => {
    assert.deepEqual(new ChunkArray('B', new Uint16Array([1, 2])).toArray(), [1, 2]); // a typed array counts as values
    assert.throws(() => new ChunkArray('B', new Uint16Array([256])), RangeError);
    assert.deepEqual(ChunkArray.fromBytes('>H', new Uint8Array([1, 2, 3])).toArray(), [258]);
    const a = new ChunkArray('i', [1, 2]);
    assert.deepEqual(a.concat([3]).toArray(), [1, 2, 3]);
    assert.deepEqual(a.concat(new ChunkArray('b', [4])).toArray(), [1, 2, 4]);
    assert.deepEqual(a.repeat(2).toArray(), [1, 2, 1, 2]);
    assert.deepEqual(a.repeat(0).toArray(), []);
    assert.throws(() => a.repeat(-1), RangeError);
    assert.throws(() => a.concat(5), TypeError);
    const before = memoryStats().bytesInUse;
    const big = new ChunkArray('d', new Float64Array(1000));
    big.free();
    assert.equal(memoryStats().bytesInUse, before);
    assert.throws(() => big.get(0), /freed/);
    assert.throws(() => big.push(1), /freed/);
  });
  test('dumps/loads keep formats and shared buffers', () => {
    const c = new Chunk(new Uint8Array([1, 0, 2, 0]));
    const a = new StrArray('<h', c);
    const b = new StrArray('>h', c.subarray(2));
    const ca = new ChunkArray('d', [1.5]);
    const [a2, b2, ca2] = loads(dumps([a, b, ca]));
    assert.deepEqual([a2.format, a2.toArray()], ['<h', [1, 2]]);
    assert.equal(b2.buffer.base, a2.buffer);
    assert.deepEqual(b2.toArray(), [512]);
    assert.ok(ca2 instanceof ChunkArray);
    assert.deepEqual(ca2.toArray(), [1.5]);
    ca2.push(2);
    assert.deepEqual(ca2.toArray(), [1.5, 2]);
  });
});

describe('bad buffers', () => {
  test('freed chunks, detached buffers, strings and numbers', () => {
    const c = new Chunk('abcd');
    const a = new StrArray('i', c);
    c.free();
    assert.throws(() => a.get(0), /freed/);
    assert.throws(() => a.length, /freed/);
    const ab = new ArrayBuffer(8);
    const d = new StrArray('i', ab);
    structuredClone(ab, { transfer: [ab] });
    assert.throws(() => d.get(0), (e) => e instanceof TypeError && /detached/.test(e.message));
    assert.throws(() => d.length, TypeError);
    assert.throws(() => new StrArray('i', 'abcd'), TypeError);
    assert.throws(() => new StrArray('i', 4), TypeError);
    assert.throws(() => new StrArray('i', null), TypeError);
  });
  test('a view of wasm memory made stale by growth is a TypeError, not wrong values', () => {
    const c = new Chunk(new Uint8Array(8));
    const a = new StrArray('i', c.bytes);
    assert.equal(a.get(0), 0);
    const big = Chunk.alloc(64 << 20);
    assert.throws(() => a.get(0), TypeError);
    big.free();
  });
});
