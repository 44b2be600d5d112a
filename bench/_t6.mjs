import { ChunkArray } from 'wasm-mem';
const M = 65536;
const push = () => { const a = new ChunkArray('<i'); for (let i = 0; i < M; i++) a.push(i); const n = a.length; a.free(); return n; };
let t = 0; for (let k = 0; k < 1500; k++) t += push(); console.log(t);
