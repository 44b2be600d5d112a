// Record arrays (SPEC §5) against Python's struct (tests/vectors/records.json,
// made by tests/vectors/make_records_vectors.py): get, set, names, columns,
// searches and errors of StrArray and ChunkArray over the whole format
// language, plus strided views and readStruct/writeStruct.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { Chunk, ChunkArray, MemSlice, StrArray, StrIO, dumps, loads } from 'wasm-mem';

const V = JSON.parse(readFileSync(new URL('../vectors/records.json', import.meta.url), 'utf8'));
const hex = (h) => Uint8Array.from(Buffer.from(h, 'hex'));
function value([kind, text]) {
  switch (kind) {
    case 'int':
      return Number(text);
    case 'bigint':
      return BigInt(text);
    case 'float':
      return Number(text);
    case 'bool':
      return text;
    case 'bytes':
      return hex(text);
    default:
      return text; // str, char
  }
}
const isScalar = (format) => /^[@=<>!]?1?[cbB?hHiIlLqQnNPefd]$/.test(format.replace(/\s+/g, ''));
const item = (format, values) => (isScalar(format) ? values[0] : values);
const bytesOf = (a) => new Chunk(a.buffer).toUint8Array();
const valid = V.records.filter((r) => r.size > 0);

describe('record arrays against struct', () => {
  test(`get: ${valid.length} formats, every unpack vector`, () => {
    for (const r of valid) {
      for (const u of r.unpack) {
        const a = new StrArray(r.format, hex(u.hex));
        assert.equal(a.length, 1);
        assert.deepEqual(a.get(0), item(r.format, u.values.map(value)), `${JSON.stringify(r.format)} ${u.hex}`);
        assert.deepEqual(a.fields.map(({ code, offset, size }) => ({ code, offset, size })), r.fields, r.format);
      }
    }
  });
  test('set writes what pack writes (pad bytes zero), all or nothing', () => {
    for (const r of valid) {
      for (const p of r.pack) {
        const a = new StrArray(r.format, new Uint8Array(r.size));
        a.set(0, item(r.format, p.values.map(value)));
        assert.deepEqual(bytesOf(a), hex(p.hex), `${JSON.stringify(r.format)}`);
      }
    }
    const a = new StrArray('<HH', Uint8Array.of(1, 0, 2, 0));
    assert.throws(() => a.set(0, [3, 70000]), RangeError);
    assert.throws(() => a.set(0, [3]), TypeError);
    assert.deepEqual(a.get(0), [1, 2]);
  });
  test('names make items objects; set takes either shape', () => {
    const a = new StrArray('<HH', new Uint8Array([1, 0, 2, 0]), { names: ['a', 'b'] });
    assert.deepEqual(a.get(0), { a: 1, b: 2 });
    a.set(0, { a: 5, b: 6 });
    assert.deepEqual(a.get(0), { a: 5, b: 6 });
    a.set(0, [7, 8]);
    assert.deepEqual(a.toArray(), [{ a: 7, b: 8 }]);
    assert.throws(() => a.set(0, { a: 1 }), TypeError);
    assert.throws(() => new StrArray('<HH', undefined, { names: ['a'] }), TypeError);
    assert.throws(() => new StrArray('<H', undefined, { names: ['a'] }), TypeError);
  });
  test('errors name the field: a.b, or a["long or odd name..."] cut, and as many names as fit', () => {
    const a = new ChunkArray('<HH', [], { names: ['ab', 'c d'] });
    const says = (re) => (e) => e instanceof TypeError && re.test(e.message);
    assert.throws(() => a.push({ ab: 's', 'c d': 1 }), says(/^StrArray\.push\(\): values\[0\]\.ab must be an integer/));
    assert.throws(() => a.push({ ab: 1, 'c d': 's' }), says(/^StrArray\.push\(\): values\[0\]\["c d"\] must be an integer/));
    assert.throws(() => a.push({ ab: 1 }), says(/values\[0\] has no field "c d"/));
    assert.throws(() => a.column('x'), says(/\(fields: "ab", "c d"\)$/));
    const long = 'n'.repeat(100);
    const b = new ChunkArray('<HHHHHH', [], { names: [long, 'b', 'c', 'd', 'e', 'f'] });
    assert.throws(() => b.push({ b: 1 }), says(/has no field "n{32}\.\.\." /));
    assert.throws(() => b.push({ [long]: 's', b: 1, c: 1, d: 1, e: 1, f: 1 }), says(/^StrArray\.push\(\): values\[0\]\["n{32}\.\.\."\] must be/));
    assert.throws(() => b.column('x'), says(/\(fields: "n{32}\.\.\.", "b", "c" and 3 more\)$/));
  });
  test('format errors are TypeErrors', () => {
    for (const { format } of V.formatErrors) assert.throws(() => new StrArray(format), TypeError, JSON.stringify(format));
    for (const format of ['', '0i', '<']) assert.throws(() => new StrArray(format), TypeError);
  });
  test('value errors: the class Python maps to, nothing written', () => {
    for (const e of V.errors.filter((x) => x.op === 'pack' && x.kind === 'value')) {
      const r = valid.find((x) => x.format === e.format);
      if (!r || e.values.length !== r.fields.length) continue; // a wrong count is pack's own error
      const a = new StrArray(e.format, new Uint8Array(r.size));
      assert.throws(() => a.set(0, item(e.format, e.values.map(value))), globalThis[e.error], `${e.format} ${JSON.stringify(e.values)}`);
      assert.ok(bytesOf(a).every((b) => b === 0), e.format);
    }
  });
});

describe('columns and strides', () => {
  test('a column reads, writes and searches one field of every record', () => {
    for (const r of valid.filter((x) => !isScalar(x.format) && x.fields.length > 0)) {
      const rows = r.unpack.map((u) => hex(u.hex));
      const data = new Uint8Array(rows.length * r.size);
      rows.forEach((row, k) => data.set(row, k * r.size));
      const a = new StrArray(r.format, data);
      r.fields.forEach((f, k) => {
        const col = a.column(k);
        assert.equal(col.stride, r.size);
        assert.equal(col.offset, f.offset);
        assert.equal(col.length, rows.length);
        r.unpack.forEach((u, j) => {
          const want = value(u.values[k]);
          assert.deepEqual(col.get(j), f.code === 's' || f.code === 'p' ? [want] : want, `${JSON.stringify(r.format)} field ${k} row ${j}`);
        });
      });
    }
  });
  test('column(x).indexOf is a byte search with step = the record size', () => {
    const recs = new ChunkArray('<IHh', undefined, { names: ['id', 'x', 'y'] });
    for (let i = 0; i < 1000; i++) recs.push({ id: i * 3, x: i & 0xffff, y: -i });
    const id = recs.column('id');
    assert.equal(id.indexOf(300), 100);
    assert.equal(id.indexOf(301), -1);
    assert.equal(recs.column('y').lastIndexOf(-999), 999);
    assert.equal(recs.column('x').count(5), 1);
    recs.column('y').set(3, 42);
    assert.deepEqual(recs.get(3), { id: 9, x: 3, y: 42 });
    assert.throws(() => id.push(1), TypeError);
    // A trailing partial record holding the field does not count.
    const partial = new StrArray('<IH', new Uint8Array(6 + 4));
    assert.equal(partial.column(0).length, 1);
  });
  test('options.stride and offset: every 4th uint16, against a DataView', () => {
    const buf = Uint8Array.from({ length: 64 }, (_, i) => i * 7);
    const dv = new DataView(buf.buffer);
    const a = new StrArray('>H', buf, { offset: 2, stride: 8 });
    assert.equal(a.length, 8);
    assert.deepEqual(a.toArray(), Array.from({ length: 8 }, (_, k) => dv.getUint16(2 + 8 * k)));
    assert.deepEqual([...a.toTypedArray()], a.toArray());
    assert.equal(a.indexOf(dv.getUint16(34)), 4);
    const before = a.toArray();
    a.reverse();
    assert.deepEqual(a.toArray(), before.slice().reverse());
    assert.deepEqual(a.slice(1, 3).toArray(), [before[6], before[5]]);
    assert.equal(buf[0], 0); // bytes outside the items are untouched
    assert.equal(buf[1], 7);
    assert.equal(new MemSlice(a).length, 7 * 8 + 2);
    assert.throws(() => new StrArray('<H', buf, { stride: 1 }), RangeError);
    assert.throws(() => new StrArray('<H', buf, { offset: -1 }), RangeError);
  });
});

describe('readStruct and writeStruct with records', () => {
  test('round-trip every pack vector', () => {
    for (const r of valid) {
      for (const p of r.pack) {
        const f = new StrIO(new Chunk());
        const values = p.values.map(value);
        f.writeStruct(r.format, ...values);
        assert.deepEqual(f.getvalue(), hex(p.hex), JSON.stringify(r.format));
        f.seek(0);
        const back = f.readStruct(r.format);
        assert.equal(f.tell(), r.size);
        assert.equal(Array.isArray(back), !isScalar(r.format));
      }
    }
    const f = new StrIO(Buffer.from('\x00\x00\x00\x0dIHDR'));
    const [n, tag] = f.readStruct('>I4s');
    assert.equal(n, 13);
    assert.equal(Buffer.from(tag).toString(), 'IHDR');
    assert.throws(() => f.readStruct('>I4s'), RangeError);
    assert.equal(f.tell(), 8);
  });
});

describe('long Pascal strings (records.json pascal: N up to 1000, data past 255 bytes)', () => {
  const toHex = (u8) => Buffer.from(u8).toString('hex');
  test('set, push, writeStruct and column writes give Python\'s bytes; get and readStruct read Python\'s values', () => {
    for (const c of V.pascal) {
      const at = c.pack.findIndex((p) => p.values.length > 1) >= 0 ? 1 : 0; // the Np value's place in a record
      const a = new ChunkArray(c.format);
      for (const p of c.pack) a.push(p.values.map(value));
      c.pack.forEach((p, k) => {
        assert.equal(toHex(bytesOf(a).subarray(k * c.size, (k + 1) * c.size)), p.hex, `${c.format} push ${k}`);
        a.set(k, p.values.map(value));
        const f = new StrIO(new Chunk());
        f.writeStruct(c.format, ...p.values.map(value));
        assert.equal(toHex(f.getvalue()), p.hex, `${c.format} writeStruct ${k}`);
      });
      const col = a.column(at);
      assert.equal(col.format, `${c.format.startsWith('<') || c.format.startsWith('>') ? c.format[0] : ''}${c.format.match(/(\d+)p/)[1]}p`);
      // The fields around the Np value are the same in every pack vector: the record becomes that vector's.
      col.set(0, [c.pack.at(-2).values.map(value)[at]]);
      assert.equal(toHex(bytesOf(a).subarray(0, c.size)), c.pack.at(-2).hex, `${c.format} column set`);
      a.free();
      for (const u of c.unpack) {
        const b = new StrArray(c.format, hex(u.hex));
        assert.equal(toHex(b.get(0)[at]), u.values[at][1], `${c.format} get ${u.hex.slice(0, 12)}...`);
        const f = new StrIO(hex(u.hex));
        assert.equal(toHex(f.readStruct(c.format)[at]), u.values[at][1], `${c.format} readStruct`);
      }
    }
  });
});

describe('dumps and loads of record arrays', () => {
  test('names, strided views and columns round-trip; sharing kept', () => {
    const recs = new ChunkArray('<IHh', undefined, { names: ['id', 'x', 'y'] });
    for (let i = 0; i < 10; i++) recs.push({ id: i, x: 2 * i, y: -i });
    const col = recs.column('y');
    const data = new Uint8Array(64).map((_, i) => i);
    const strided = new StrArray('>H', data, { offset: 2, stride: 8 });
    const [r2, c2, s2] = loads(dumps([recs, col, strided]));
    assert.deepEqual(r2.get(3), { id: 3, x: 6, y: -3 });
    assert.deepEqual(r2.fields.map((f) => f.name), ['id', 'x', 'y']);
    assert.deepEqual(c2.toArray(), col.toArray());
    assert.equal(c2.stride, 8);
    assert.equal(c2.offset, 6);
    assert.deepEqual(s2.toArray(), strided.toArray());
    assert.equal(s2.stride, 8);
    const back = loads(dumps(new StrArray('<HH', new Uint8Array([1, 0, 2, 0]), { names: ['a', 'b'] })));
    assert.deepEqual(back.get(0), { a: 1, b: 2 });
  });
  test('a hostile shape is refused with a clear error', () => {
    const good = dumps(new StrArray('<H', new Uint8Array(8), { stride: 4 }));
    // Flip every byte of the dump in turn: loads either gives a value or a RangeError/TypeError, never a crash.
    for (let k = 0; k < good.length; k++) {
      const bad = good.slice();
      bad[k] ^= 0xff;
      try {
        loads(bad);
      } catch (e) {
        assert.ok(e instanceof RangeError || e instanceof TypeError, `${k}: ${e}`);
      }
    }
  });
});
