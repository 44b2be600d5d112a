// StrIO small records (writeStruct/readStruct) against a hand-written
// DataView cursor over a growing ArrayBuffer, in the same run.
import { ChunkIO } from 'wasm-mem';
import { compare } from './harness.js';

/** What code without the library writes: a DataView cursor that doubles its buffer. */
class Cursor {
  constructor() {
    this.buf = new ArrayBuffer(64);
    this.dv = new DataView(this.buf);
    this.pos = 0;
  }
  room(n) {
    if (this.pos + n <= this.buf.byteLength) return;
    const bigger = new ArrayBuffer(Math.max(this.buf.byteLength * 2, this.pos + n));
    new Uint8Array(bigger).set(new Uint8Array(this.buf));
    this.buf = bigger;
    this.dv = new DataView(bigger);
  }
}

export function run() {
  const N = 20000; // records of '<H' '<f' '?': 7 bytes
  compare({
    name: 'writeStruct 3-field records (7 B)', bytes: N * 7,
    ours: () => { const io = new ChunkIO(); for (let i = 0; i < N; i++) { io.writeStruct('<H', i & 0xffff); io.writeStruct('<f', 1.5); io.writeStruct('?', true); } const n = io.tell(); io.free(); return n; },
    peer: () => { const c = new Cursor(); for (let i = 0; i < N; i++) { c.room(7); c.dv.setUint16(c.pos, i & 0xffff, true); c.dv.setFloat32(c.pos + 2, 1.5, true); c.dv.setUint8(c.pos + 6, 1); c.pos += 7; } return c.pos; },
    peerName: 'DataView cursor',
  });
  const io = new ChunkIO();
  for (let i = 0; i < N; i++) { io.writeStruct('<H', i & 0xffff); io.writeStruct('<f', 1.5); io.writeStruct('?', true); }
  const dv = new DataView(io.getvalue().buffer);
  compare({
    name: 'readStruct 3-field records (7 B)', bytes: N * 7,
    ours: () => { io.seek(0); let t = 0; for (let i = 0; i < N; i++) { t += io.readStruct('<H'); t += io.readStruct('<f'); t += io.readStruct('?'); } return t; },
    peer: () => { let t = 0; for (let p = 0; p < N * 7; p += 7) { t += dv.getUint16(p, true); t += dv.getFloat32(p + 2, true); t += dv.getUint8(p + 6) !== 0; } return t; },
    peerName: 'DataView cursor',
  });
}
