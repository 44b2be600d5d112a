// StrArray element access against a DataView (goal: within 2x, ratio >= 0.5)
// for every code with a DataView counterpart in both byte orders, all live in
// one process, each loop a function of its own (bench/typed-loops.js); e, c
// and ? reported. A column, a strided and an offset view against the DataView
// loop over the same field (goal >= 0.5). ChunkArray.push against the growable-buffer writers people
// use (goal: >= 3x ByteBuffer.js), and bulk appends of a same-format typed
// array against the push loop (goal: >= 5x).
import ByteBuffer from 'bytebuffer';
import { SmartBuffer } from 'smart-buffer';
import { Chunk, ChunkArray, StrArray } from 'wasm-mem';
import { compare, quick } from './harness.js';
import { LOOPS } from './typed-loops.js';

const N = 4096;

function elementRows() {
  for (const { format, size, value, dv: dvName, get, set, dvGet, dvSet } of quick ? LOOPS.filter((l) => /[<>][idq]/.test(l.format)) : LOOPS) {
    const a = new StrArray(format, Chunk.alloc(N * size));
    const dv = new DataView(new ArrayBuffer(N * size));
    compare({
      name: `StrArray('${format}').get on a Chunk`, ops: N, goal: { ratio: 0.5 },
      ours: () => get(a, N), peer: () => dvGet(dv, N), peerName: `DataView.get${dvName}`,
    });
    compare({
      name: `StrArray('${format}').set on a Chunk`, ops: N, goal: { ratio: 0.5 },
      ours: () => set(a, N, value), peer: () => dvSet(dv, N, value), peerName: `DataView.set${dvName}`,
    });
  }
  // e, c and ? have no DataView method of their own: reported against the integer read of their bytes.
  const half = new StrArray('<e', Chunk.alloc(N * 2));
  const char = new StrArray('c', Chunk.alloc(N));
  const bool = new StrArray('?', Chunk.alloc(N));
  const dv = new DataView(new ArrayBuffer(N * 2));
  compare({ name: "StrArray('<e').get (reported)", ops: N, check: false, ours: () => { let t = 0; for (let i = 0; i < N; i++) t += half.get(i); return t; }, peer: () => { let t = 0; for (let i = 0; i < N; i++) t += dv.getUint16(i * 2, true); return t; }, peerName: 'DataView.getUint16' });
  compare({ name: "StrArray('c').get (reported)", ops: N, check: false, ours: () => { let t = 0; for (let i = 0; i < N; i++) t += char.get(i).length; return t; }, peer: () => { let t = 0; for (let i = 0; i < N; i++) t += dv.getUint8(i); return t; }, peerName: 'DataView.getUint8' });
  compare({ name: "StrArray('?').get (reported)", ops: N, check: false, ours: () => { let t = 0; for (let i = 0; i < N; i++) t += bool.get(i) ? 1 : 0; return t; }, peer: () => { let t = 0; for (let i = 0; i < N; i++) t += dv.getUint8(i); return t; }, peerName: 'DataView.getUint8' });
}

/** 1e6 (quick: 2^18) 16-byte '<IHhd' records, their fields from a fixed generator. */
function records(count) {
  const dv = new DataView(new ArrayBuffer(count * 16));
  for (let i = 0, x = 7; i < count; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    dv.setUint32(i * 16, x, true);
    dv.setUint16(i * 16 + 4, x >>> 16, true);
    dv.setInt16(i * 16 + 6, x & 0xffff, true);
    dv.setFloat64(i * 16 + 8, (x >>> 8) / 256, true);
  }
  return dv;
}

function viewRows() {
  const count = quick ? 1 << 18 : 1_000_000;
  const dv = records(count);
  const bytes = new Uint8Array(dv.buffer);
  const names = ['id', 'x', 'y', 'v'];
  const onChunk = new StrArray('<IHhd', new Chunk(bytes), { names });
  const onBuffer = new StrArray('<IHhd', Buffer.from(bytes), { names });
  const col = onChunk.column('v');
  const colBuffer = onBuffer.column('v');
  const strided = new StrArray('<d', onChunk.buffer, { offset: 8, stride: 16 });
  const offset = new StrArray('<h', onChunk.buffer, { offset: 6 });
  compare({
    name: `column('v').get(i), ${count} 16-byte '<IHhd' records on a Chunk`, ops: count, goal: { ratio: 0.5 },
    ours: () => { let t = 0; for (let i = 0; i < count; i++) t += col.get(i); return t; },
    peer: () => { let t = 0; for (let i = 0; i < count; i++) t += dv.getFloat64(i * 16 + 8, true); return t; },
    peerName: 'DataView.getFloat64(i * 16 + 8)',
  });
  compare({
    name: `column('v').get(i), ${count} 16-byte '<IHhd' records on a Buffer`, ops: count, goal: { ratio: 0.5 },
    ours: () => { let t = 0; for (let i = 0; i < count; i++) t += colBuffer.get(i); return t; },
    peer: () => { let t = 0; for (let i = 0; i < count; i++) t += dv.getFloat64(i * 16 + 8, true); return t; },
    peerName: 'DataView.getFloat64(i * 16 + 8)',
  });
  compare({
    name: `StrArray('<d', chunk, {offset: 8, stride: 16}).set(i), ${count} records`, ops: count, goal: { ratio: 0.5 },
    ours: () => { for (let i = 0; i < count; i++) strided.set(i, 0.5); return 0; },
    peer: () => { for (let i = 0; i < count; i++) dv.setFloat64(i * 16 + 8, 0.5, true); return 0; },
    peerName: 'DataView.setFloat64(i * 16 + 8)',
  });
  const n = Math.floor((count * 16 - 6) / 2);
  compare({
    name: `StrArray('<h', chunk, {offset: 6}).get(i), ${n} values`, ops: n, goal: { ratio: 0.5 },
    ours: () => { let t = 0; for (let i = 0; i < n; i++) t += offset.get(i); return t; },
    peer: () => { let t = 0; for (let i = 0; i < n; i++) t += dv.getInt16(6 + i * 2, true); return t; },
    peerName: 'DataView.getInt16(6 + i * 2)',
  });
}

function pushRows() {
  // Growing from empty on both sides: the growth policy is part of what is timed.
  const M = 65536;
  const push = () => { const a = new ChunkArray('<i'); for (let i = 0; i < M; i++) a.push(i); const n = a.length; a.free(); return n; };
  const peers = [
    ['ByteBuffer.writeInt32', { ratio: 3 }, () => { const b = new ByteBuffer(ByteBuffer.DEFAULT_CAPACITY, ByteBuffer.LITTLE_ENDIAN); for (let i = 0; i < M; i++) b.writeInt32(i); return b.offset / 4; }],
    ['SmartBuffer.writeInt32LE', { ratio: 3 }, () => { const b = new SmartBuffer(); for (let i = 0; i < M; i++) b.writeInt32LE(i); return b.length / 4; }],
    ['Array.push', undefined, () => { const a = []; for (let i = 0; i < M; i++) a.push(i); return a.length; }],
  ];
  for (const [peerName, goal, peer] of peers) {
    compare({ name: "ChunkArray('<i').push, 64 Ki values from empty", ops: M, ours: push, peer, peerName, goal });
  }
}

function bulkRows() {
  const values = Float64Array.from({ length: 100000 }, (_, i) => i * 0.5);
  const pushLoop = () => { const a = new ChunkArray('<d'); for (let i = 0; i < values.length; i++) a.push(values[i]); const n = a.length; a.free(); return n; };
  compare({
    name: "ChunkArray('<d').extend(Float64Array of 1e5)", ops: values.length, goal: { ratio: 5 },
    ours: () => { const a = new ChunkArray('<d'); a.extend(values); const n = a.length; a.free(); return n; },
    peer: pushLoop, peerName: 'its own push loop',
  });
  compare({
    name: "new ChunkArray('<d', Float64Array of 1e5)", ops: values.length, goal: { ratio: 5 },
    ours: () => { const a = new ChunkArray('<d', values); const n = a.length; a.free(); return n; },
    peer: pushLoop, peerName: 'its own push loop',
  });
  const be = Int32Array.from({ length: 100000 }, (_, i) => i);
  compare({
    name: "ChunkArray('>i').extend(Int32Array of 1e5), byte-swapped (reported)", ops: be.length, check: true,
    ours: () => { const a = new ChunkArray('>i'); a.extend(be); const n = a.length; a.free(); return n; },
    peer: () => { const a = new ChunkArray('>i'); for (let i = 0; i < be.length; i++) a.push(be[i]); const n = a.length; a.free(); return n; },
    peerName: 'its own push loop',
  });
}

export function run() {
  elementRows();
  viewRows();
  pushRows();
  bulkRows();
}
