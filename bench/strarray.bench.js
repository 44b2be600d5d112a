// StrArray element access against a DataView (goal: within 2x, ratio >= 0.5)
// for every code with a DataView counterpart in both byte orders, all live in
// one process, each loop a function of its own (bench/typed-loops.js); e, c
// and ? reported. ChunkArray.push against the growable-buffer writers people
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
  pushRows();
  bulkRows();
}
