// The types of the options users reach for (issue 27): readStruct and
// writeStruct typed by the format, column() keeping the field's type, and
// options.strings / options.int64 changing the item types. Checked by tsc
// (tests/types/struct-types.test.js).
import { ChunkIO, StrArray, Struct } from 'wasm-mem';

const buf = new Uint8Array(64);
const f = new ChunkIO();
// writeStruct: the values in order, or one array; typed by the format.
const w1: number = f.writeStruct('<IHd', 1, 2, 3.5);
const w2: number = f.writeStruct('<IHd', [1, 2, 3.5]);
const w3: number = f.writeStruct('<q', 5n);
const w4: number = f.writeStruct('<4sQ', 'RIFF', 36);
const dyn = '<I' as string;
const w5: number = f.writeStruct(dyn, 1, 2);
// @ts-expect-error a record of three values takes three
f.writeStruct('<IHd', 1, 2);
// @ts-expect-error 'x' is not a number
f.writeStruct('<IHd', 1, 2, 'x');
// @ts-expect-error a scalar format takes one value
f.writeStruct('<I', 1, 2);
// readStruct: the format's tuple, an object with names, values as the options say.
const r1: [number, number, number] = f.readStruct('<IHd');
const r2: number = f.readStruct('<H');
const r3: bigint = f.readStruct('<Q');
const r4: number = f.readStruct('<Q', { int64: 'number' });
const r5: { tag: string; size: number } = f.readStruct('<4sQ', { names: ['tag', 'size'], strings: 'latin1', int64: 'number' });
const r6: [Uint8Array, bigint] = f.readStruct('<4sQ');
const r7: unknown = f.readStruct(dyn);
// @ts-expect-error without strings an s value is bytes
const r8: [string, bigint] = f.readStruct('<4sQ');
// StrArray options change the item types.
const a = new StrArray('<4sIQ', buf, { names: ['tag', 'n', 'off'], strings: 'utf-8', int64: 'number', length: 2 });
const tag: string = a.get(0).tag;
const off: number = a.get(0).off;
const q: number = new StrArray('<q', buf, { int64: 'number' }).get(0);
const qb: bigint = new StrArray('<q', buf, { int64: 'bigint' }).get(0);
// @ts-expect-error with int64: 'number' a q value is a number
const qw: bigint = new StrArray('<q', buf, { int64: 'number' }).get(0);
// column() keeps the field's type and the options.
const n: number = a.column('n').get(0);
const o: number = a.column('off').get(0);
const t: [string] = a.column('tag').get(0);
const byPos: bigint = new StrArray('<IQ', buf).column(1).get(0);
const named = new StrArray('<IHh', buf, { names: ['id', 'x', 'y'] });
const x: number = named.column('x').get(0);
// @ts-expect-error no such field
named.column('z');
const runtimeName = 'x' as string;
const dynCol: StrArray<string> = named.column(runtimeName);
// @ts-expect-error a column of bytes is a one-value record
const wrongTag: Uint8Array = new StrArray('<I4s', buf, { names: ['id', 'tag'] }).column('tag').get(0);
// Struct with names: objects out, an object or the values in.
const s = new Struct('<I4sq', { names: ['id', 'tag', 'off'], strings: 'latin1', int64: 'number' });
const rec: { id: number; tag: string; off: number } = s.unpackFrom(buf, 0);
const packed: Uint8Array = s.pack({ id: 1, tag: 'RIFF', off: 5 });
const packed2: Uint8Array = s.pack(1, 'RIFF', 5n);
const plain: [number, Uint8Array, bigint] = new Struct('<I4sq').unpack(buf);
const one: [number] = new Struct('<q', { int64: 'number' }).unpack(buf);
// @ts-expect-error an object needs every name
s.pack({ id: 1, tag: 'RIFF' });
export { w1, w2, w3, w4, w5, r1, r2, r3, r4, r5, r6, r7, r8, tag, off, q, qb, qw, n, o, t, byPos, x, dynCol, wrongTag, rec, packed, packed2, plain, one };
