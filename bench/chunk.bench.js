// Chunk and MemSlice element access and growth against a Uint8Array and a
// JS array, per operation.
import { Chunk } from 'wasm-mem';
import { compare } from './harness.js';

export function run() {
  const N = 4096;
  const c = Chunk.alloc(N, 3);
  const s = c.subarray(0);
  const u = new Uint8Array(N).fill(3);
  const getLoop = (x) => () => {
    let t = 0;
    for (let i = 0; i < N; i++) t += x.get(i);
    return t;
  };
  const u8Get = () => {
    let t = 0;
    for (let i = 0; i < N; i++) t += u[i];
    return t;
  };
  compare({ name: 'Chunk.get', ops: N, ours: getLoop(c), peer: u8Get, peerName: 'Uint8Array[i]' });
  compare({ name: 'MemSlice.get (on a Chunk)', ops: N, ours: getLoop(s), peer: u8Get, peerName: 'Uint8Array[i]' });
  compare({ name: 'Chunk.set', ops: N, ours: () => { for (let i = 0; i < N; i++) c.set(i, i & 255); return 0; }, peer: () => { for (let i = 0; i < N; i++) u[i] = i & 255; return 0; }, peerName: 'Uint8Array[i] =' });
  compare({ name: 'MemSlice.set (on a Chunk)', ops: N, ours: () => { for (let i = 0; i < N; i++) s.set(i, i & 255); return 0; }, peer: () => { for (let i = 0; i < N; i++) u[i] = i & 255; return 0; }, peerName: 'Uint8Array[i] =' });
  compare({
    name: 'Chunk.resize(+1) growth, 64 Ki steps',
    ops: 65536,
    ours: () => { const g = new Chunk(); for (let i = 1; i <= 65536; i++) g.resize(i, 7); g.free(); return 0; },
    peer: () => { const a = []; for (let i = 1; i <= 65536; i++) a.push(7); return a.length; },
    peerName: 'Array.push',
    check: false,
  });
}
