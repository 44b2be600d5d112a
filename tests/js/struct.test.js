// The struct functions and Struct (SPEC §5) against the Python-made vectors
// of tests/vectors/records.json (make_records_vectors.py, shared with `mem
// array`): calcsize, pack, packInto, unpack, unpackFrom and iterUnpack on
// every record format in every byte order, every error class, every kind of
// bytes-like; then the attacker's cases: user code run by a value that
// throws, frees or resizes the destination.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { Chunk, MemSlice, StrArray, Struct, bytes, calcsize, iterUnpack, pack, packInto, unpack, unpackFrom } from 'wasm-mem';
import { cacheStats } from '../../dist/js/struct/format.js';
import { freeKinds, kinds } from './helpers.js';

const vectors = JSON.parse(readFileSync(new URL('../vectors/records.json', import.meta.url)));
const hex = (u) => Buffer.from(u).toString('hex');
const fromHex = (h) => new Uint8Array(Buffer.from(h, 'hex'));

/** A vector's tagged value as the JS value (see make_records_vectors.py). */
function jsValue([kind, v]) {
  switch (kind) {
    case 'int':
    case 'float':
      return Number(v);
    case 'bigint':
      return BigInt(v);
    case 'bytes':
      return fromHex(v);
    default: // bool, str, char
      return v;
  }
}

/** Asserts that unpacked values are exactly the tagged ones: types included. */
function assertValues(got, want, where) {
  assert.ok(Array.isArray(got), `${where}: an array`);
  assert.equal(got.length, want.length, `${where}: ${got.length} values`);
  want.forEach((tagged, k) => {
    const w = jsValue(tagged);
    const g = got[k];
    const at = `${where} value ${k}`;
    if (tagged[0] === 'bytes') {
      assert.ok(g instanceof Uint8Array && !Buffer.isBuffer(g), `${at}: a Uint8Array`);
      assert.equal(hex(g), tagged[1], at);
    } else if (tagged[0] === 'float') {
      assert.ok(Object.is(g, w) || (Number.isNaN(g) && Number.isNaN(w)), `${at}: ${g} vs ${w}`);
    } else {
      assert.equal(typeof g, typeof w, at);
      assert.equal(g, w, at);
    }
  });
}

describe('calcsize and format errors', () => {
  test('the Done-when sizes', () => {
    assert.equal(calcsize('@ci'), 8);
    assert.equal(calcsize('@ic'), 5);
    assert.equal(calcsize('<5s3x2H'), 12);
    assert.equal(calcsize('@c0q'), 8);
    assert.equal(calcsize(''), 0);
    assert.equal(pack('').length, 0);
    assert.deepEqual(unpack('', new Uint8Array(0)), []);
  });

  test(`every calcsize vector (${vectors.calcsize.length}), as calcsize, Struct.size and pack's length`, () => {
    for (const { format, size } of vectors.calcsize) {
      assert.equal(calcsize(format), size, JSON.stringify(format));
      const s = new Struct(format);
      assert.equal(s.size, size);
      assert.equal(s.format, format);
    }
  });

  test(`every invalid format (${vectors.formatErrors.length}) is a TypeError for every function`, () => {
    for (const { format } of vectors.formatErrors) {
      const where = JSON.stringify(format);
      assert.throws(() => calcsize(format), TypeError, `calcsize ${where}`);
      assert.throws(() => pack(format, 1), TypeError, `pack ${where}`);
      assert.throws(() => packInto(format, new Uint8Array(64), 0, 1), TypeError, `packInto ${where}`);
      assert.throws(() => unpack(format, new Uint8Array(4)), TypeError, `unpack ${where}`);
      assert.throws(() => unpackFrom(format, new Uint8Array(4)), TypeError, `unpackFrom ${where}`);
      assert.throws(() => iterUnpack(format, new Uint8Array(4)), TypeError, `iterUnpack ${where}`);
      assert.throws(() => new Struct(format), TypeError, `Struct ${where}`);
    }
    for (const format of [undefined, null, 1, ['<i'], new String('<i')]) {
      assert.throws(() => calcsize(format), /calcsize\(\): format must be a string/);
      assert.throws(() => new Struct(format), /Struct\(\): format must be a string/);
    }
  });
});

describe('records: pack and unpack as Python', () => {
  test('the Done-when round trip', () => {
    const got = unpack('>I4s', pack('>I4s', 13, 'IHDR'));
    assert.equal(got[0], 13);
    assert.ok(got[1] instanceof Uint8Array);
    assert.equal(Buffer.from(got[1]).toString(), 'IHDR');
    assert.equal(hex(pack('>I4s', 13, 'IHDR')), '0000000d49484452');
  });

  for (const c of vectors.records) {
    test(`format ${JSON.stringify(c.format)} (${c.size} bytes, ${c.fields.length} values)`, () => {
      const s = new Struct(c.format);
      assert.equal(calcsize(c.format), c.size);
      for (const p of c.pack) {
        const values = p.values.map(jsValue);
        assert.equal(hex(pack(c.format, ...values)), p.hex, `pack ${JSON.stringify(p.values)}`);
        assert.equal(hex(s.pack(...values)), p.hex, 'Struct.pack');
      }
      for (const u of c.unpack) {
        assertValues(unpack(c.format, fromHex(u.hex)), u.values, `unpack ${u.hex}`);
        assertValues(s.unpack(fromHex(u.hex)), u.values, `Struct.unpack ${u.hex}`);
      }
      // iterUnpack over all the records at once, and through Struct.
      const all = fromHex(c.unpack.map((u) => u.hex).join(''));
      for (const it of [iterUnpack(c.format, all), s.iterUnpack(all)]) {
        const got = [...it];
        assert.equal(got.length, c.unpack.length);
        got.forEach((values, k) => assertValues(values, c.unpack[k].values, `iterUnpack record ${k}`));
      }
    });
  }

  test(`long Pascal strings as Python (${vectors.pascal.length} formats): the length byte stops at 255, the data at N - 1`, () => {
    for (const c of vectors.pascal) {
      const s = new Struct(c.format);
      for (const p of c.pack) {
        const values = p.values.map(jsValue);
        const where = `${c.format} pack of ${p.values.map((v) => (v[0] === 'int' || v[0] === 'bool' ? v[1] : `${v[1].length / (v[0] === 'bytes' ? 2 : 1)} bytes`))}`;
        assert.equal(hex(pack(c.format, ...values)), p.hex, where);
        assert.equal(hex(s.pack(...values)), p.hex, `Struct ${where}`);
        const dest = new Chunk(new Uint8Array(c.size + 3).fill(0xee));
        packInto(c.format, dest, 3, ...values);
        assert.equal(hex(dest.toUint8Array().subarray(3)), p.hex, `packInto ${where}`);
        dest.free();
      }
      for (const u of c.unpack) {
        assertValues(unpack(c.format, fromHex(u.hex)), u.values, `${c.format} unpack ${u.hex.slice(0, 24)}...`);
        assertValues(unpackFrom(c.format, fromHex(`abcd${u.hex}`), 2), u.values, `${c.format} unpackFrom`);
      }
    }
  });

  test('a format of pad bytes only: records with no values', () => {
    assert.equal(hex(pack('<3x')), '000000');
    assert.deepEqual(unpack('<3x', Uint8Array.of(1, 2, 3)), []);
    assert.deepEqual([...iterUnpack('2x', new Uint8Array(6))], [[], [], []]);
    const dest = Uint8Array.of(9, 9, 9);
    packInto('x', dest, 1);
    assert.deepEqual([...dest], [9, 0, 9], 'a pad byte is written as zero');
  });

  test('pack, unpack and unpackFrom over every kind of bytes-like', () => {
    const c = vectors.records.find((r) => r.format === '<I4sHh');
    for (const u of c.unpack) {
      const list = kinds(fromHex(u.hex));
      for (const [label, v] of list) {
        if (label === 'string') continue; // the raw bytes need not be UTF-8
        assertValues(unpack(c.format, v), u.values, `unpack ${label}`);
        assertValues(unpackFrom(c.format, v), u.values, `unpackFrom ${label}`);
        assertValues([...iterUnpack(c.format, v)][0], u.values, `iterUnpack ${label}`);
      }
      freeKinds(list);
    }
    const chunk = new Chunk(fromHex(c.unpack[0].hex));
    assertValues(unpack(c.format, chunk), c.unpack[0].values, 'unpack a Chunk');
    assertValues(unpack(c.format, new MemSlice(chunk)), c.unpack[0].values, 'unpack a MemSlice');
    assertValues(unpack(c.format, new StrArray('<I4sHh', chunk)), c.unpack[0].values, 'unpack a StrArray');
    assert.deepEqual(unpack('<3s', 'abc'), [new Uint8Array([97, 98, 99])], 'a string is its UTF-8 bytes');
    chunk.free();
  });
});

describe('packInto and unpackFrom at offsets', () => {
  test(`every offset vector (${vectors.offsets.length})`, () => {
    for (const o of vectors.offsets) {
      const where = `${o.op} ${JSON.stringify(o.format)} at ${o.offset}`;
      if (o.op === 'packInto') {
        const dest = fromHex(o.buffer);
        assert.equal(packInto(o.format, dest, o.offset, ...o.values.map(jsValue)), undefined);
        assert.equal(hex(dest), o.hex, where);
        const chunk = new Chunk(fromHex(o.buffer));
        new Struct(o.format).packInto(chunk, o.offset, ...o.values.map(jsValue));
        assert.equal(hex(chunk.toUint8Array()), o.hex, `${where} into a Chunk`);
        chunk.free();
      } else {
        assertValues(unpackFrom(o.format, fromHex(o.buffer), o.offset), o.values, where);
        assertValues(new Struct(o.format).unpackFrom(fromHex(o.buffer), o.offset), o.values, `Struct ${where}`);
      }
    }
  });

  test('offsets follow the integer rule of SPEC §1', () => {
    const table = [
      [null, TypeError], ['1', TypeError], [1.5, TypeError], [NaN, TypeError], [Infinity, TypeError], [1n, TypeError],
      [2 ** 53, RangeError], [-(2 ** 53), RangeError], [5, RangeError], [-9, RangeError],
    ];
    for (const [offset, Cls] of table) {
      const dest = new Uint8Array(8);
      assert.throws(() => packInto('<I', dest, offset, 7), (e) => e instanceof Cls && /^packInto\(\): offset /.test(e.message), `packInto offset ${String(offset)}`);
      assert.ok(dest.every((b) => b === 0), 'nothing written');
      assert.throws(() => unpackFrom('<I', dest, offset), (e) => e instanceof Cls && /^unpackFrom\(\): offset /.test(e.message), `unpackFrom offset ${String(offset)}`);
    }
    assert.throws(() => packInto('<I', new Uint8Array(8), undefined, 7), /packInto\(\): offset is required/);
    assert.deepEqual(unpackFrom('<H', Uint8Array.of(1, 0, 2, 0)), [1], 'offset 0 by default');
    assert.deepEqual(unpackFrom('<H', Uint8Array.of(1, 0, 2, 0), -2), [2], 'negative: from the end');
  });
});

describe('errors: Python\'s classes as SPEC §1 maps them', () => {
  test(`every error vector (${vectors.errors.length}); a rejected packInto writes nothing`, () => {
    const kindsSeen = new Set();
    for (const e of vectors.errors) {
      const where = `${e.op} ${JSON.stringify(e.format)} (${e.kind}: ${e.python})`;
      const Cls = { TypeError, RangeError }[e.error];
      const values = (e.values ?? []).map(jsValue);
      const check = (err) => err instanceof Cls && err.message.startsWith(`${e.op}(): `);
      kindsSeen.add(`${e.op}/${e.kind}`);
      switch (e.op) {
        case 'pack':
          assert.throws(() => pack(e.format, ...values), check, where);
          break;
        case 'unpack':
          assert.throws(() => unpack(e.format, fromHex(e.hex)), check, where);
          break;
        case 'iterUnpack':
          assert.throws(() => iterUnpack(e.format, fromHex(e.hex)), check, where);
          break;
        case 'unpackFrom':
          assert.throws(() => unpackFrom(e.format, fromHex(e.hex), e.offset), check, where);
          break;
        case 'packInto': {
          const dest = fromHex(e.hex);
          assert.throws(() => packInto(e.format, dest, e.offset, ...values), check, where);
          assert.equal(hex(dest), e.hex, `${where}: nothing written`);
          break;
        }
        default:
          assert.fail(`unknown op ${e.op}`);
      }
    }
    assert.ok(kindsSeen.size >= 8, [...kindsSeen].join());
  });

  test('a value rejected after others were accepted: packInto writes nothing', () => {
    const dest = new Uint8Array(12).fill(7);
    assert.throws(() => packInto('<HHd', dest, 0, 1, 2, 'x'), TypeError);
    assert.throws(() => packInto('<HHf', dest, 0, 1, 2, 1e39), RangeError);
    assert.throws(() => packInto('<HH', dest, 0, 1, 2, 3), /values has 3 values; format "<HH" has 2/);
    assert.ok(dest.every((b) => b === 7));
    assert.throws(() => packInto('<HH', 'abcd', 0, 1, 2), /packInto\(\): dest must be a writable bytes-like, got a string/);
  });
});

describe('user code inside a call', () => {
  /** A bytes-like value whose [bytes]() runs `act` first. */
  const sneaky = (act, u8 = Uint8Array.of(1, 2)) => ({
    [bytes]() {
      act();
      return u8;
    },
  });

  test('a thrown value passes through untouched, nothing written', () => {
    const dest = new Uint8Array(8);
    const thrown = { mine: true };
    for (const f of [() => packInto('<I2s', dest, 0, 5, sneaky(() => { throw thrown; })), () => pack('<2sI', sneaky(() => { throw thrown; }), 5)]) {
      assert.throws(f, (e) => e === thrown);
    }
    assert.ok(dest.every((b) => b === 0));
  });

  test('a value that frees the destination chunk: a TypeError, no write into freed memory', () => {
    const dest = Chunk.alloc(8);
    assert.throws(() => packInto('<I2s', dest, 0, 5, sneaky(() => dest.free())), TypeError);
  });

  test('a value that resizes (moves) the destination chunk: the write lands in the chunk as it is then', () => {
    for (const size of [2, 8, 1 << 20]) {
      const dest = Chunk.alloc(8);
      const other = Chunk.alloc(64); // so that a resize must move
      const call = () => packInto('<I2s', dest, 0, 0x01020304, sneaky(() => dest.resize(size)));
      if (size < 6) {
        assert.throws(call, RangeError, `shrunk to ${size}: the record no longer fits`);
      } else {
        call();
        assert.equal(dest.length, size);
        assert.equal(hex(dest.toUint8Array().subarray(0, 6)), '040302010102');
      }
      dest.free();
      other.free();
    }
  });

  test('a value that detaches the destination ArrayBuffer: a TypeError', () => {
    const buffer = new ArrayBuffer(8);
    assert.throws(() => packInto('<I2s', buffer, 0, 5, sneaky(() => structuredClone(buffer, { transfer: [buffer] }))), TypeError);
  });

  test('iterUnpack reads the bytes as they were: the source changing or freed does not break it', () => {
    const source = new Chunk(pack('<HH', 1, 2));
    source.resize(8, pack('<HH', 3, 4));
    const it = iterUnpack('<HH', source);
    assert.deepEqual(it.next().value, [1, 2]);
    source.free();
    const grow = Chunk.alloc(1 << 24); // grows wasm memory
    assert.deepEqual(it.next().value, [3, 4]);
    assert.deepEqual(it.next(), { value: undefined, done: true });
    assert.equal(it[Symbol.iterator](), it);
    grow.free();
  });
});

describe('repeat counts stay runs (a format costs its text, not its counts)', () => {
  test('a huge count with the wrong number of values or names fails at once, with the count in words', () => {
    assert.throws(() => pack('1048576B'), /^TypeError: pack\(\): values has 0 values; format "1048576B" has 1048576$/);
    assert.throws(() => new Struct('<1048576B').pack(1, 2), /values has 2 values; format "<1048576B" has 1048576$/);
    assert.throws(() => new StrArray('1048576B', undefined, { names: [] }), /options\.names has 0 names; format "1048576B" has 1048576 values/);
    assert.throws(() => pack('<2000000B'), /format "<2000000B" has 2000000 values; at most 1048576 are supported in one record/);
    assert.throws(() => unpack('<2000000B', new Uint8Array(2000000)), /has 2000000 values; at most 1048576/);
    assert.equal(calcsize('<536870911i'), 2147483644);
  });

  test('long runs pack, unpack and read as one value per count, at the offsets native alignment gives', () => {
    const values = Array.from({ length: 300 }, (_, k) => k * 1000 - 150000);
    const packed = pack('@c300ic', 'a', ...values, 'z'); // c, 3 pad bytes, 300 ints, c
    assert.equal(packed.length, 1 + 3 + 1200 + 1);
    const dv = new DataView(packed.buffer);
    values.forEach((v, k) => assert.equal(dv.getInt32(4 + 4 * k, true), v, `value ${k}`));
    assert.deepEqual(packed.subarray(0, 4), Uint8Array.from([97, 0, 0, 0]));
    assert.deepEqual(unpack('@c300ic', packed), ['a', ...values, 'z']);
    const a = new StrArray('@c300ic', packed, { names: ['head', ...values.map((_, k) => `v${k}`), 'tail'] });
    assert.equal(a.fields.length, 302);
    assert.deepEqual(a.fields[150], { name: 'v149', code: 'i', offset: 4 + 4 * 149, size: 4 });
    assert.equal(a.column('v299').get(0), values[299]);
    assert.equal(a.column(301).get(0), 'z');
    assert.equal(a.get(0).v7, values[7]);
    const big = new StrArray('<1048576B', new Uint8Array(1048576).fill(7));
    assert.equal(big.column(1048575).offset, 1048575); // found in the runs, no field list
    assert.throws(() => big.column(1048576), RangeError);
  });

  test('the format cache is bounded by an estimate of the bytes it holds, as well as by entries', () => {
    const start = cacheStats();
    assert.ok(start.entries <= 1024 && start.bytes <= 4 << 20, JSON.stringify(start));
    for (let k = 0; k < 3000; k++) calcsize(`<${k}B${'iH'.repeat(100)}`); // 201 runs each
    const filled = cacheStats();
    assert.ok(filled.entries <= 1024, `${filled.entries} entries`);
    assert.ok(filled.bytes <= 4 << 20, `${filled.bytes} bytes`);
    assert.ok(filled.entries < 1024, 'bytes, not entries, should have bounded these formats');
    for (let k = 0; k < 3000; k++) calcsize(`<${k}x`);
    assert.ok(cacheStats().entries <= 1024);
    assert.equal(calcsize(`<${'2s'.repeat(30000)}`), 60000); // larger than the budget alone: used, not kept
    assert.ok(cacheStats().bytes <= 4 << 20);
  });

  test('huge counts used every way leave the heap as they found it (a child process with a 96 MB heap)', () => {
    const child = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=96', new URL('./fixtures/huge-counts.js', import.meta.url).pathname], {
      encoding: 'utf8',
    });
    assert.equal(child.status, 0, child.stderr.slice(-2000));
    const out = JSON.parse(child.stdout);
    assert.match(out.errors.loads, /^RangeError: loads\(\): a StrArray that cannot be made \(StrArray\(\): options\.names has 0 names; format "1048537B" has 1048537 values\)/);
    assert.match(out.errors.pack, /values has 0 values/);
    assert.match(out.errors.StrArray, /options\.names has 0 names/);
    assert.match(out.errors.ChunkArray, /options\.names has 1 names/);
    assert.equal(out.errors.calcsize, null);
    // Each call once held 60-70 MB of field objects in the cache; now a few KB each.
    assert.ok(out.heldBytes < 16 * 2 ** 20, `${out.heldBytes} bytes still held`);
    assert.ok(out.cache.bytes < 2 ** 20, JSON.stringify(out.cache));
  });
});
