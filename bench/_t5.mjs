import { ChunkArray } from 'wasm-mem';
import { HOT } from '../dist/js/access.js';
import { heapDV } from '../dist/js/wasm.js';
import { extendBy } from '../dist/js/region.js';
const M = 65536;
const pre = new ChunkArray('<i'); for (let i = 0; i < M; i++) pre.push(i);
const r = pre[HOT];
const chunk = r.obj;
function viaPush() { pre.clear(); for (let i = 0; i < M; i++) pre.push(i); return pre.length; }
function viaAppend() { pre.clear(); for (let i = 0; i < M; i++) { const p = r.append(4, 'x'); heapDV.setInt32(p, i, true); } return pre.length; }
function viaExtend() { pre.clear(); for (let i = 0; i < M; i++) { const p = chunk[extendBy](4, 'x'); heapDV.setInt32(p, i, true); } return pre.length; }
function viaSet() { for (let i = 0; i < M; i++) pre.set(i, i); return pre.length; }
function time(f) { for (let k = 0; k < 30; k++) f(); const t0 = process.hrtime.bigint(); for (let k = 0; k < 100; k++) f(); return (Number(process.hrtime.bigint() - t0) / 100 / M).toFixed(2); }
for (let k = 0; k < 3; k++) console.log('push', time(viaPush), 'append', time(viaAppend), 'extendBy', time(viaExtend), 'set', time(viaSet));
