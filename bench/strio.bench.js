// StrIO small records (writeStruct/readStruct, one field at a time) against
// smart-buffer's typed writes and reads (goal: >= 1x), python-struct's
// pack/unpack of the whole record (goal: >= 1x), and a hand-written DataView
// cursor (no goal: the floor of what JS can do).
import pythonStruct from 'python-struct';
import { SmartBuffer } from 'smart-buffer';
import { ChunkIO } from 'wasm-mem';
import { compare } from './harness.js';

const { pack, unpack } = pythonStruct; // CommonJS: no named exports
const N = 20000; // records '<H' '<f' '?': 7 bytes

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

function writeOurs() {
  const io = new ChunkIO();
  for (let i = 0; i < N; i++) {
    io.writeStruct('<H', i & 0xffff);
    io.writeStruct('<f', 1.5);
    io.writeStruct('?', true);
  }
  const n = io.tell();
  io.free();
  return n;
}

const writers = [
  ['smart-buffer', { ratio: 1 }, () => { const b = new SmartBuffer(); for (let i = 0; i < N; i++) { b.writeUInt16LE(i & 0xffff); b.writeFloatLE(1.5); b.writeUInt8(1); } return b.length; }],
  ['python-struct pack', { ratio: 1 }, () => { const parts = []; for (let i = 0; i < N; i++) parts.push(pack('<Hf?', [i & 0xffff, 1.5, true])); return Buffer.concat(parts).length; }],
  ['DataView cursor', undefined, () => { const c = new Cursor(); for (let i = 0; i < N; i++) { c.room(7); c.dv.setUint16(c.pos, i & 0xffff, true); c.dv.setFloat32(c.pos + 2, 1.5, true); c.dv.setUint8(c.pos + 6, 1); c.pos += 7; } return c.pos; }],
];

export function run() {
  for (const [peerName, goal, peer] of writers) {
    compare({ name: 'writeStruct 3-field record (7 B), per record', ops: N, ours: writeOurs, peer, peerName, goal });
  }
  const io = new ChunkIO();
  for (let i = 0; i < N; i++) { io.writeStruct('<H', i & 0xffff); io.writeStruct('<f', 1.5); io.writeStruct('?', true); }
  const data = Buffer.from(io.getvalue());
  const dv = new DataView(data.buffer, data.byteOffset, data.length);
  const sb = SmartBuffer.fromBuffer(data);
  const readOurs = () => { io.seek(0); let t = 0; for (let i = 0; i < N; i++) { t += io.readStruct('<H'); t += io.readStruct('<f'); t += io.readStruct('?'); } return t; };
  const readers = [
    ['smart-buffer', { ratio: 1 }, () => { sb.readOffset = 0; let t = 0; for (let i = 0; i < N; i++) { t += sb.readUInt16LE(); t += sb.readFloatLE(); t += sb.readUInt8() !== 0; } return t; }],
    ['python-struct unpack', { ratio: 1 }, () => { let t = 0; for (let p = 0; p < N * 7; p += 7) { const [h, f, b] = unpack('<Hf?', data.subarray(p, p + 7)); t += h + f + b; } return t; }],
    ['DataView cursor', undefined, () => { let t = 0; for (let p = 0; p < N * 7; p += 7) { t += dv.getUint16(p, true); t += dv.getFloat32(p + 2, true); t += dv.getUint8(p + 6) !== 0; } return t; }],
  ];
  for (const [peerName, goal, peer] of readers) {
    compare({ name: 'readStruct 3-field record (7 B), per record', ops: N, ours: readOurs, peer, peerName, goal });
  }
  io.free();
}
