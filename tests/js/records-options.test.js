// The options users reach for (SPEC §5, §6; issue 27): options.length,
// options.strings, options.int64 and Struct with names, run over the
// Python-made record vectors (tests/vectors/records.json, made by
// tests/vectors/make_records_vectors.py) through strided views and columns,
// plus the edges of each option: length 0, negative, past the items,
// non-integer; int64 at ±2^53; bytes >= 0x80 in Latin-1 and invalid UTF-8.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { inspect } from 'node:util';
import { Chunk, ChunkArray, ChunkIO, StrArray, Struct, dumps, loads } from 'wasm-mem';

const V = JSON.parse(readFileSync(new URL('../vectors/records.json', import.meta.url), 'utf8'));
const hex = (h) => Uint8Array.from(Buffer.from(h, 'hex'));
const SAFE = 2n ** 53n - 1n;
/** A vector value as it reads with strings: 'latin1' and int64: 'number' (undefined: unsafe, a RangeError). */
function converted([kind, text]) {
  switch (kind) {
    case 'int':
    case 'float':
      return Number(text);
    case 'bigint':
      return BigInt(text) > SAFE || BigInt(text) < -SAFE ? undefined : Number(text);
    case 'bytes':
      return Buffer.from(text, 'hex').toString('latin1');
    default:
      return text; // bool, str, char
  }
}
/** Python's strict UTF-8 decode of each s/p value's hex (null: UnicodeDecodeError). */
const UTF8 = new Map(V.strings.map((c) => [c.hex, c.utf8]));
const isScalar = (format) => /^[@=<>!]?1?[cbB?hHiIlLqQnNPefd]$/.test(format.replace(/\s+/g, ''));
const valid = V.records.filter((r) => r.size > 0 && r.unpack.length > 0 && r.fields.length <= 64);

describe('Python record vectors through options', () => {
  test(`${valid.length} formats: strided, offset, length-bound, strings latin1, int64 number, names, columns, Struct`, () => {
    for (const r of valid) {
      const n = r.unpack.length;
      // Each record behind 2 bytes of offset and followed by 3 pad bytes; one more record than length allows.
      const stride = r.size + 3;
      const buf = new Uint8Array(2 + (n + 1) * stride);
      r.unpack.forEach((u, k) => buf.set(hex(u.hex), 2 + k * stride));
      buf.set(hex(r.unpack[0].hex), 2 + n * stride);
      const names = r.fields.map((_, k) => `v${k}`);
      const scalar = isScalar(r.format);
      const options = { offset: 2, stride, length: n, strings: 'latin1', int64: 'number', ...(scalar ? {} : { names }) };
      const a = new StrArray(r.format, buf, options);
      const label = JSON.stringify(r.format);
      assert.equal(a.length, n, label);
      const struct = new Struct(r.format, { names, strings: 'latin1', int64: 'number' });
      r.unpack.forEach((u, k) => {
        const want = u.values.map(converted);
        const unsafe = want.indexOf(undefined);
        if (unsafe >= 0) {
          assert.throws(() => a.get(k), (e) => e instanceof RangeError && e.message.includes(`item ${k} `), `${label} get ${k}`);
          assert.throws(() => struct.unpackFrom(buf, 2 + k * stride), RangeError, `${label} Struct ${k}`);
          return;
        }
        const item = scalar ? want[0] : Object.fromEntries(names.map((name, j) => [name, want[j]]));
        assert.deepEqual(a.get(k), item, `${label} get ${k}`);
        assert.deepEqual(struct.unpackFrom(buf, 2 + k * stride), Object.fromEntries(names.map((name, j) => [name, want[j]])), `${label} Struct ${k}`);
        // What was read writes back the same values' bytes (strings as Latin-1, numbers as q/Q; pad bytes zero).
        const copy = new Uint8Array(buf.length);
        new StrArray(r.format, copy, options).set(k, item);
        const raw = { offset: 2, stride, length: n };
        assert.deepEqual(new StrArray(r.format, copy, raw).get(k), new StrArray(r.format, buf, raw).get(k), `${label} set ${k} writes back`);
        const plain = new Struct(r.format);
        assert.deepEqual(plain.unpack(struct.pack(Object.fromEntries(names.map((name, j) => [name, want[j]])))), plain.unpack(hex(u.hex)), `${label} Struct.pack ${k}`);
        if (scalar) return;
        names.forEach((name, j) => {
          const col = a.column(name);
          assert.equal(col.length, n, `${label} column ${name} length`);
          const v = col.get(k);
          assert.deepEqual(r.fields[j].code === 's' || r.fields[j].code === 'p' ? v[0] : v, want[j], `${label} column ${name} ${k}`);
        });
      });
      // strings 'utf-8': Python's strict decode of each s/p value (tests/vectors strings), or a RangeError where it raises.
      const u8 = new StrArray(r.format, buf, { offset: 2, stride, length: n, strings: 'utf-8' });
      r.unpack.forEach((u, k) => {
        const texts = u.values.map(([kind, text]) => (kind === 'bytes' ? UTF8.get(text) : undefined));
        if (texts.includes(null)) {
          assert.throws(() => u8.get(k), (e) => e instanceof RangeError && e.message.includes(`item ${k} `), `${label} utf-8 ${k}`);
          return;
        }
        const got = u8.get(k);
        texts.forEach((t, j) => t !== undefined && assert.equal(scalar ? got : got[j], t, `${label} utf-8 ${k}`));
      });
      // length 0: no items, and so no columns' items either.
      const none = new StrArray(r.format, buf, { ...options, length: 0 });
      assert.equal(none.length, 0);
      if (!scalar) assert.equal(none.column(0).length, 0);
    }
  });
});

describe('Python-made string and int64 vectors (records.json strings, int64)', () => {
  test(`${V.strings.length} byte strings: Latin-1 as Python decodes them; UTF-8 as Python, invalid where Python raises`, () => {
    for (const c of V.strings) {
      const bytes = hex(c.hex);
      const format = `${bytes.length}s`;
      assert.deepEqual(new Struct(format, { strings: 'latin1' }).unpack(bytes), [c.latin1], `latin1 ${c.hex}`);
      if (c.utf8 === null) assert.throws(() => new Struct(format, { strings: 'utf-8' }).unpack(bytes), RangeError, `utf-8 ${c.hex}`);
      else assert.deepEqual(new Struct(format, { strings: 'utf-8' }).unpack(bytes), [c.utf8], `utf-8 ${c.hex}`);
      if (bytes.length === 0) continue;
      const a = new StrArray(format, bytes, { strings: 'latin1' });
      assert.deepEqual(a.get(0), [c.latin1]);
      a.set(0, [c.latin1]); // Latin-1 text writes back its bytes
      assert.deepEqual(bytes, hex(c.hex));
      const p = new StrArray(`${bytes.length + 1}p`, Uint8Array.of(bytes.length, ...bytes), { strings: 'utf-8' });
      if (c.utf8 === null) assert.throws(() => p.get(0), RangeError);
      else assert.deepEqual(p.get(0), [c.utf8]);
    }
  });
  test(`${V.int64.length} q/Q values at the edges of the safe integers`, () => {
    for (const c of V.int64) {
      const bytes = hex(c.hex);
      assert.equal(new StrArray(c.format, bytes).get(0), BigInt(c.value));
      const a = new StrArray(c.format, bytes, { int64: 'number' });
      const s = new Struct(c.format, { int64: 'number' });
      if (c.number === null) {
        assert.throws(() => a.get(0), { name: 'RangeError', message: new RegExp(`item 0 value ${c.value} is not a safe integer`) });
        assert.throws(() => s.unpack(bytes), RangeError);
        assert.throws(() => new ChunkIO(bytes).readStruct(c.format, { int64: 'number' }), RangeError);
      } else {
        assert.equal(a.get(0), Number(c.number));
        assert.deepEqual(s.unpack(bytes), [Number(c.number)]);
        assert.equal(new ChunkIO(bytes).readStruct(c.format, { int64: 'number' }), Number(c.number));
        assert.deepEqual(s.pack(Number(c.number)), bytes);
      }
    }
  });
});

describe('options.length', () => {
  const b = Uint8Array.of(1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 9);
  test('at most that many items: 0, fewer, exactly, past the items', () => {
    assert.deepEqual(new StrArray('<I', b, { length: 0 }).toArray(), []);
    assert.deepEqual(new StrArray('<I', b, { length: 2 }).toArray(), [1, 2]);
    assert.deepEqual(new StrArray('<I', b, { length: 3 }).toArray(), [1, 2, 3]);
    assert.deepEqual(new StrArray('<I', b, { length: 100 }).toArray(), [1, 2, 3]);
    assert.throws(() => new StrArray('<I', b, { length: 2 }).get(2), RangeError);
    assert.equal(new StrArray('<I', b, { length: 2 }).at(-1), 2);
    assert.equal(new StrArray('<I', b, { length: 2 }).indexOf(3), -1);
    assert.deepEqual([...new StrArray('<I', b, { length: 2, offset: 4 })], [2, 3]);
  });
  test('a negative length is a RangeError; a non-integer, a string, null or a BigInt a TypeError', () => {
    assert.throws(() => new StrArray('<I', b, { length: -1 }), { name: 'RangeError', message: /options\.length must be >= 0, got -1/ });
    assert.throws(() => new StrArray('<I', b, { length: 2 ** 53 }), RangeError);
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, '2', null, 2n, true])
      assert.throws(() => new StrArray('<I', b, { length: bad }), TypeError, String(bad));
  });
  test('a length-bound array cannot change size; its bytes end at its last item; slice copies within it', () => {
    const a = new ChunkArray('<H', [1, 2, 3, 4]);
    const v = new StrArray('<H', a.buffer, { length: 2 });
    assert.throws(() => v.push(5), { name: 'TypeError', message: /length-bound/ });
    assert.deepEqual(new Uint8Array(v.valueOf()), Uint8Array.of(1, 0, 2, 0));
    assert.deepEqual(v.slice().toArray(), [1, 2]);
    v.set(1, 7);
    assert.equal(a.get(1), 7);
    a.push(9); // the buffer grows; the view stays at 2 items
    assert.equal(v.length, 2);
    a.free();
  });
});

describe('options.int64', () => {
  const q = new ChunkArray('<q', [2n ** 53n - 1n, -(2n ** 53n - 1n), 2n ** 53n, -(2n ** 53n), 0n]);
  test('q/Q as numbers up to ±(2^53 - 1); ±2^53 is a RangeError naming the index', () => {
    const a = new StrArray('<q', q.buffer, { int64: 'number' });
    assert.equal(a.get(0), 2 ** 53 - 1);
    assert.equal(a.get(1), -(2 ** 53 - 1));
    assert.equal(a.get(4), 0);
    assert.throws(() => a.get(2), { name: 'RangeError', message: /StrArray\.get\(\): item 2 value 9007199254740992 is not a safe integer/ });
    assert.throws(() => a.get(-2), { name: 'RangeError', message: /item 3 value -9007199254740992/ });
    assert.throws(() => a.toArray(), { name: 'RangeError', message: /StrArray\.toArray\(\): item 2/ });
    assert.equal(a.indexOf(-(2 ** 53 - 1)), 1);
    assert.equal(a.count(0), 1);
    a.set(4, 5);
    a.set(4, 6n); // writes take both, as without the option
    assert.equal(a.get(4), 6);
    assert.throws(() => a.set(4, 2 ** 53), TypeError); // an unsafe number, as without the option
    const u = new ChunkArray('<Q', [2n ** 64n - 1n]);
    assert.throws(() => new StrArray('<Q', u.buffer, { int64: 'number' }).get(0), RangeError);
    assert.equal(new StrArray('<Q', u.buffer, { int64: 'bigint' }).get(0), 2n ** 64n - 1n);
    u.free();
  });
  test('console.log shows a value the option cannot give as the error, not a throw', () => {
    const a = new StrArray('<q', q.buffer, { int64: 'number' });
    assert.match(inspect(a), /^StrArray\('<q'\)\(5\) <RangeError: StrArray\.get\(\): item 2 value 9007199254740992 is not a safe integer/);
    assert.equal(inspect(new StrArray('<q', q.buffer, { int64: 'number', length: 2 })), "StrArray('<q')(2) [ 9007199254740991, -9007199254740991 ]");
  });
  test("int64 is 'number' or 'bigint'; other codes are unchanged", () => {
    assert.throws(() => new StrArray('<q', q.buffer, { int64: 'Number' }), { name: 'TypeError', message: /options\.int64 must be 'number' or 'bigint'/ });
    assert.equal(new StrArray('<I', q.buffer, { int64: 'number' }).get(0), 0xffffffff);
    assert.deepEqual(new StrArray('<qI', q.buffer, { int64: 'number' }).get(0), [2 ** 53 - 1, 1]);
  });
});

describe('options.strings', () => {
  test("'latin1': every byte one character, >= 0x80 included; writes back as Latin-1", () => {
    const b = Uint8Array.of(0x52, 0xe9, 0xff, 0x00, 0x80, 0x41);
    const a = new StrArray('3s', b, { strings: 'latin1' });
    assert.deepEqual(a.get(0), ['R\u00e9\u00ff']);
    assert.deepEqual(a.get(1), ['\u0000\u0080A']); // pad NULs are characters, as Python's decode
    a.set(0, ['\u00ff\u00feZ']);
    assert.deepEqual([...b.subarray(0, 3)], [0xff, 0xfe, 0x5a]);
    a.set(0, [Uint8Array.of(1, 2)]); // bytes-likes as before: cut or zero-padded
    assert.deepEqual([...b.subarray(0, 3)], [1, 2, 0]);
    assert.throws(() => a.set(0, ['\u20ac']), { name: 'RangeError', message: /is not Latin-1/ });
    assert.deepEqual([...b.subarray(0, 3)], [1, 2, 0]); // nothing written
    assert.equal(a.indexOf(['\u0000\u0080A']), 1);
  });
  test("'utf-8': valid text, a BOM kept; invalid UTF-8 is a RangeError naming the item; writes as UTF-8", () => {
    const b = Uint8Array.of(0xc3, 0xa9, 0xef, 0xbb, 0xbf, 0x41, 0xc3, 0x41, 0xff, 0xfe, 0x80, 0x41);
    const a = new StrArray('<2s', b, { strings: 'utf-8' });
    assert.deepEqual(a.get(0), ['\u00e9']);
    const p = new StrArray('3p', Uint8Array.of(2, 0xc3, 0xa9), { strings: 'utf-8' });
    assert.deepEqual(p.get(0), ['\u00e9']);
    assert.deepEqual(new StrArray('4s', b.subarray(2, 6), { strings: 'utf-8' }).get(0), ['\ufeffA']);
    assert.throws(() => a.get(3), { name: 'RangeError', message: /StrArray\.get\(\): item 3 value \[0\] is not UTF-8/ });
    assert.throws(() => a.get(4), RangeError);
    a.set(4, ['\u00e9']);
    assert.deepEqual(a.get(4), ['\u00e9']);
    assert.throws(() => new StrArray('4s', b, { strings: 'utf8' }), { name: 'TypeError', message: /options\.strings must be 'latin1' or 'utf-8'/ });
  });
  test('p values, names, column() and slice() keep the options; ChunkArray copies too', () => {
    const a = new ChunkArray('<4sQ5p', [], { names: ['tag', 'size', 'name'], strings: 'latin1', int64: 'number' });
    a.push({ tag: 'RIFF', size: 36, name: 'd\u00e9' }, ['WAVE', 2n ** 40n, '']);
    assert.deepEqual(a.toArray(), [
      { tag: 'RIFF', size: 36, name: 'd\u00e9' },
      { tag: 'WAVE', size: 2 ** 40, name: '' },
    ]);
    assert.deepEqual(a.column('tag').toArray(), [['RIFF'], ['WAVE']]);
    assert.deepEqual(a.column('size').toArray(), [36, 2 ** 40]);
    assert.deepEqual(new StrArray('<4sQ5p', a.buffer, { length: 1, strings: 'latin1' }).column(2).toArray(), [['d\u00e9']]);
    assert.deepEqual(a.slice(1).get(0), { tag: 'WAVE', size: 2 ** 40, name: '' });
    assert.deepEqual(a.concat(a).get(3).size, 2 ** 40);
    a.free();
  });
});

describe('Struct with options, readStruct(format, options), writeStruct with one array', () => {
  test('Struct names: unpack, unpackFrom and iterUnpack give objects; pack and packInto take one', () => {
    const s = new Struct('<I4sq', { names: ['id', 'tag', 'off'], strings: 'latin1', int64: 'number' });
    const p = s.pack({ id: 1, tag: 'RIFF', off: 5 });
    assert.deepEqual(p, s.pack(1, 'RIFF', 5n));
    assert.deepEqual(s.unpack(p), { id: 1, tag: 'RIFF', off: 5 });
    assert.deepEqual(s.unpackFrom(Uint8Array.of(0, ...p), 1), { id: 1, tag: 'RIFF', off: 5 });
    assert.deepEqual([...s.iterUnpack(new Uint8Array([...p, ...p]))].length, 2);
    const d = new Uint8Array(16);
    s.packInto(d, 0, { id: 1, tag: 'RIFF', off: 5 });
    assert.deepEqual(d, p);
    assert.throws(() => s.pack({ id: 1, tag: 'RIFF' }), { name: 'TypeError', message: /no field "off"/ });
    const big = new Struct('<q', { int64: 'number' });
    assert.deepEqual(big.unpack(big.pack(-(2 ** 53 - 1))), [-(2 ** 53 - 1)]);
    assert.throws(() => [...big.iterUnpack(new Struct('<q').pack(2n ** 53n))], { name: 'RangeError', message: /Struct\.iterUnpack\(\): item 0/ });
    assert.deepEqual(new Struct('<H', { names: ['x'] }).unpack(Uint8Array.of(7, 0)), { x: 7 });
    const tag = new Struct('4s', { names: ['tag'], strings: 'latin1' });
    assert.deepEqual(tag.pack(new Chunk('RIFF')), tag.pack({ tag: 'RIFF' })); // a bytes-like is the one value, not a record
    assert.deepEqual(tag.unpack(tag.pack(Uint8Array.of(0xe9))), { tag: '\u00e9\0\0\0' });
    assert.throws(() => new Struct('<HH', { names: ['x'] }), TypeError);
    assert.throws(() => new Struct('<H', null), TypeError);
  });
  test('readStruct takes names, strings and int64; a value it cannot give leaves the position', () => {
    const f = new ChunkIO();
    assert.equal(f.writeStruct('<IHd', [1, 2, 3.5]), 14);
    assert.equal(f.writeStruct('<IHd', 4, 5, 6.5), 14);
    f.writeStruct('<4sq', ['RIFF', 2n ** 53n]);
    f.seek(0);
    assert.deepEqual(f.readStruct('<IHd'), [1, 2, 3.5]);
    assert.deepEqual(f.readStruct('<IHd', { names: ['a', 'b', 'c'] }), { a: 4, b: 5, c: 6.5 });
    assert.throws(() => f.readStruct('<4sq', { strings: 'latin1', int64: 'number' }), RangeError);
    assert.equal(f.tell(), 28);
    assert.deepEqual(f.readStruct('<4sq', { strings: 'latin1' }), ['RIFF', 2n ** 53n]);
    f.seek(0);
    assert.equal(f.readStruct('<q', { int64: 'number' }), 0x0002_0000_0001);
    assert.throws(() => f.readStruct('<I', { names: ['a'] }), TypeError); // a scalar format, as StrArray
    assert.throws(() => f.writeStruct('<IHd', [1, 2]), { name: 'TypeError', message: /has 2 values/ });
    assert.throws(() => f.writeStruct('<I', [1]), TypeError); // a scalar takes its value, not an array
  });
});

describe('dumps and loads', () => {
  test('length, strings and int64 round-trip (version 3, tags 12 and 13), with names, columns and shared buffers', () => {
    const a = new ChunkArray('<4sQ', [['RIFF', 1n], ['WAVE', 2n ** 40n]], { names: ['tag', 'n'], strings: 'latin1', int64: 'number' });
    const d = dumps(a);
    assert.equal(d[4], 3);
    const back = loads(d);
    assert.ok(back instanceof ChunkArray);
    assert.deepEqual(back.toArray(), a.toArray());
    back.free();
    const buf = new Uint8Array(40);
    const v = new StrArray('<I', buf, { length: 2 });
    const col = new StrArray('<4sQ', a.buffer, { length: 1, strings: 'utf-8' }).column(0);
    const [lv, lc, la] = loads(dumps([v, col, a]));
    assert.equal(lv.length, 2);
    assert.equal(lv.buffer.byteLength, 40);
    assert.throws(() => lv.push(1), TypeError);
    assert.deepEqual(lc.toArray(), [['RIFF']]);
    assert.equal(lc.buffer, la.buffer); // one chunk, as before
    la.free();
    a.free();
  });
  test('a dump with no options stays version 2; tags 12 and 13 in version 2, and unknown option codes, are refused', () => {
    assert.equal(dumps(new StrArray('<I', new Uint8Array(4), { names: undefined }))[4], 2);
    assert.equal(dumps(new StrArray('<HH', new Uint8Array(4), { names: ['a', 'b'], offset: 0 }))[4], 2);
    const d = dumps(new StrArray('<q', new Uint8Array(8), { int64: 'number' }));
    assert.equal(loads(d).get(0), 0);
    const v2 = Uint8Array.from(d);
    v2[4] = 2;
    assert.throws(() => loads(v2), { name: 'RangeError', message: /unknown tag 12/ });
    // The options are the three bytes before the buffer's value: limit+1, strings, int64.
    const s = dumps(new StrArray('2s', new Uint8Array(2), { strings: 'latin1' }));
    const at = s.length - 4; // ... 0 1 0 | tag 3, base 0, offset 0, length 2
    assert.deepEqual([...s.subarray(at - 3, at)], [0, 1, 0]);
    const bad = Uint8Array.from(s);
    bad[at - 2] = 3;
    assert.throws(() => loads(bad), { name: 'RangeError', message: /unknown StrArray options/ });
    bad[at - 2] = 1;
    bad[at - 1] = 2;
    assert.throws(() => loads(bad), { name: 'RangeError', message: /unknown StrArray options/ });
  });
});
