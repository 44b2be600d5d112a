import { ChunkArray } from 'wasm-mem';
import ByteBuffer from 'bytebuffer';
const M = 65536;
const push = () => { const a = new ChunkArray('<i'); for (let i = 0; i < M; i++) a.push(i); const n = a.length; a.free(); return n; };
const bb = () => { const b = new ByteBuffer(ByteBuffer.DEFAULT_CAPACITY, ByteBuffer.LITTLE_ENDIAN); for (let i = 0; i < M; i++) b.writeInt32(i); return b.offset / 4; };
const pre = new ChunkArray('<i'); for (let i = 0; i < M; i++) pre.push(i);
const pushPre = () => { pre.clear(); for (let i = 0; i < M; i++) pre.push(i); return pre.length; };
function time(f) { for (let k = 0; k < 30; k++) f(); const t0 = process.hrtime.bigint(); for (let k = 0; k < 100; k++) f(); return (Number(process.hrtime.bigint() - t0) / 100 / M).toFixed(2); }
for (let r = 0; r < 3; r++) console.log('push', time(push), 'bb', time(bb), 'push (capacity kept)', time(pushPre));
