// Uses every export of wasm-mem with its types; `tsc -p examples/typed`
// checks it (the package tests also check it against the installed tarball).
import {
  Chunk, ChunkArray, ChunkIO, MemSlice, NotFoundError, StrArray, StrIO, bytes, cmp, copy, diff, dumps, find, findAll,
  index, init, len, loads, match, memoryStats, rdiff, rfind, rindex, rmatch, version,
  type BytesLike, type Dumpable, type MemoryStats,
  Struct, calcsize, iterUnpack, pack, packInto, unpack, unpackFrom, type StructValues,
} from 'wasm-mem';

await init();
const v: string = version;

// Functions over every bytes-like, generic typed arrays included.
const u8: Uint8Array<ArrayBuffer> = new Uint8Array(16);
const shared: Uint8Array<SharedArrayBuffer> = new Uint8Array(new SharedArrayBuffer(8));
const ab: ArrayBuffer = new ArrayBuffer(8, { maxByteLength: 64 });
const positions: number[] = [
  find(u8, 'ab'), rfind(shared, 0), index('xxab', 'ab'), rindex(ab, new Uint8Array([0])),
  find(new DataView(ab), 1, 0, undefined, 2), diff('a', 'b'), rdiff(u8, shared), match(u8, u8), rmatch('x', 'y'), len('é'),
];
const order: -1 | 0 | 1 = cmp(u8, 'abc');
const copied: number = copy(u8, 'xyz', -3);
for (const i of findAll('aaaa', 'aa')) positions.push(i);
try {
  index(u8, 1);
} catch (e) {
  if (e instanceof NotFoundError) console.log(e.name);
}

// Chunk and MemSlice.
using c = new Chunk('hello', u8);
const view: Uint8Array<ArrayBuffer> = c.bytes;
const s: MemSlice = c.subarray(1, 4);
c.resize(1 << 20, '!?').fill(0x2e, 100);
const b: number = c.get(0) + (c.at(-1) ?? 0) + s.get(0) + s.length + s.start + s.stop;
s.set(0, 69);
const parts: Chunk = Chunk.alloc(4, 0xff).concat(Chunk.from([1, 2]), Chunk.fromHex('dead')).repeat(2);
const hex: string = parts.toHex() + parts.toString() + c.slice(0, 9).toString();
const found: boolean = c.includes('!?') && c.equals(c) && c.indexOf('!', 0, undefined, 2) >= 0 && c.lastIndexOf(33) > 0;
const copy2: Uint8Array<ArrayBuffer> = c.toUint8Array();
const base: BytesLike = s.base;

// StrArray and ChunkArray: the format literal gives the value type.
const a = new StrArray('>H', new Chunk(new Uint8Array([1, 2, 3, 4])));
const h: number = a.get(0);
const q = new ChunkArray('<q', [-1n, 2 ** 53 - 1]);
const big: bigint = q.get(1);
const flags = new ChunkArray('?', [true, 0, 'x']);
const flag: boolean = flags.get(0);
const chars = new ChunkArray('c', ['a', new Uint8Array([98])]);
const ch: string = chars.get(0);
const dyn: unknown = new StrArray(String('i')).at(0);
q.push(5, 6n);
q.extend([7n]);
const popped: bigint = q.pop();
const ints: number[] = new ChunkArray('i', [1, 2, 3]).concat([4]).repeat(2).slice(1).toArray();
const typed = ChunkArray.fromBytes('<d', new Uint8Array(8)).toTypedArray();
a.reverse().fill(1);
const counts: number = a.count(1) + a.indexOf(1) + a.lastIndexOf(1) + (a.includes(1) ? 1 : 0) + a.itemsize + a.length;
q.free();

// StrIO and ChunkIO.
const f = new ChunkIO('abc');
f.seek(5);
f.write('Z');
f.truncate(2);
const rec = f.writeStruct('<I', 7);
f.seek(0, 0);
const value = f.readStruct('>H');
const line: Uint8Array<ArrayBuffer> = f.readline();
const all: Uint8Array<ArrayBuffer>[] = f.readlines();
const text: string = await new Response(new ChunkIO('xyz').readableStream()).text();
await new Response('stream me').body?.pipeTo(new ChunkIO().writableStream());
const ro = new StrIO('read only');
const flagsIO: boolean = ro.writable() || ro.readable() || ro.seekable() || ro.closed;
const buffer: MemSlice = f.getbuffer();
f.free();

// The struct functions: a format literal gives a tuple of value types.
const png: [number, Uint8Array<ArrayBuffer>] = unpack('>I4s', pack('>I4s', 13, 'IHDR'));
const header = new Struct('<IHh');
const packed = header.pack(1, 2, -3);
packInto('<H', packed, -2, 7);
const rows: StructValues<'<IHh'>[] = [...iterUnpack('<IHh', packed), header.unpackFrom(packed)];
const sizes: number = calcsize('@ci') + header.size + unpackFrom(String('<B'), packed, 1).length;

// Serialisation and statistics.
const dumped: Uint8Array<ArrayBuffer> = dumps([c, s, a]);
const back: Dumpable = loads(dumped);
const stats: MemoryStats = memoryStats();
const custom: BytesLike = { [bytes]: () => new Uint8Array(2) };
console.log(v, positions, order, copied, view.length, b, hex, found, copy2, base, h, big, flag, ch, dyn, popped, ints, typed,
  counts, rec, value, line, all, text, flagsIO, buffer, back, stats.bytesInUse, find(custom, 0), png, rows, sizes);
