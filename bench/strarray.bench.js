// StrArray element access against a DataView (goal: within 2x, ratio >= 0.5),
// and ChunkArray.push against the growable-buffer writers people use,
// ByteBuffer.js and smart-buffer (goal: >= 3x; most pushes must stay in JS).
import ByteBuffer from 'bytebuffer';
import { SmartBuffer } from 'smart-buffer';
import { ChunkArray, StrArray, Chunk } from 'wasm-mem';
import { compare } from './harness.js';

const FORMATS = [
  ['<i', 4, 7, 'getInt32', 'setInt32', (dv, o) => dv.getInt32(o, true), (dv, o, v) => dv.setInt32(o, v, true)],
  ['>d', 8, 1.5, 'getFloat64', 'setFloat64', (dv, o) => dv.getFloat64(o, false), (dv, o, v) => dv.setFloat64(o, v, false)],
];

export function run() {
  const N = 4096;
  for (const [format, size, value, getName, setName, dvGet, dvSet] of FORMATS) {
    const a = new StrArray(format, Chunk.alloc(N * size));
    const dv = new DataView(new ArrayBuffer(N * size));
    compare({
      name: `StrArray('${format}').get on a Chunk`, ops: N, goal: { ratio: 0.5 },
      ours: () => { let t = 0; for (let i = 0; i < N; i++) t += a.get(i); return t; },
      peer: () => { let t = 0; for (let i = 0; i < N; i++) t += dvGet(dv, i * size); return t; },
      peerName: `DataView.${getName}`,
    });
    compare({
      name: `StrArray('${format}').set on a Chunk`, ops: N, goal: { ratio: 0.5 },
      ours: () => { for (let i = 0; i < N; i++) a.set(i, value); return 0; },
      peer: () => { for (let i = 0; i < N; i++) dvSet(dv, i * size, value); return 0; },
      peerName: `DataView.${setName}`,
    });
  }
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
