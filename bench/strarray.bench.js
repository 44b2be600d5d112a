// StrArray element access against a DataView over an ArrayBuffer, and
// ChunkArray.push against a JS array and a DataView over a growing buffer.
import { ChunkArray, StrArray, Chunk } from 'wasm-mem';
import { compare } from './harness.js';

export function run() {
  const N = 4096;
  const peers = {
    '<i': [(dv, o) => dv.getInt32(o, true), (dv, o, v) => dv.setInt32(o, v, true)],
    '>d': [(dv, o) => dv.getFloat64(o, false), (dv, o, v) => dv.setFloat64(o, v, false)],
  };
  for (const [format, size, getName, setName, value] of [['<i', 4, 'getInt32', 'setInt32', 7], ['>d', 8, 'getFloat64', 'setFloat64', 1.5]]) {
    const [dvGet, dvSet] = peers[format];
    const a = new StrArray(format, Chunk.alloc(N * size));
    const dv = new DataView(new ArrayBuffer(N * size));
    compare({
      name: `StrArray('${format}').get on a Chunk`, ops: N,
      ours: () => { let t = 0; for (let i = 0; i < N; i++) t += a.get(i); return t; },
      peer: () => { let t = 0; for (let i = 0; i < N; i++) t += dvGet(dv, i * size); return t; },
      peerName: `DataView.${getName}`,
    });
    compare({
      name: `StrArray('${format}').set on a Chunk`, ops: N,
      ours: () => { for (let i = 0; i < N; i++) a.set(i, value); return 0; },
      peer: () => { for (let i = 0; i < N; i++) dvSet(dv, i * size, value); return 0; },
      peerName: `DataView.${setName}`,
    });
  }
  const M = 65536;
  compare({
    name: "ChunkArray('<i').push, 64 Ki values", ops: M,
    ours: () => { const a = new ChunkArray('<i'); for (let i = 0; i < M; i++) a.push(i); const n = a.length; a.free(); return n; },
    peer: () => { const a = []; for (let i = 0; i < M; i++) a.push(i); return a.length; },
    peerName: 'Array.push',
  });
}
