// wasm-mem: the public module. Re-exports only; the platform module
// instantiates the wasm core (synchronously in Node, streaming in browsers).
import '#platform';

export { init, memoryStats } from './wasm.js';
export { version } from './version.js';
export { bytes } from './bytes.js';
export { NotFoundError } from './errors.js';
export { index, rindex, find, rfind, findAll, cmp, copy, len, diff, rdiff, match, rmatch } from './functions.js';
export { Chunk } from './chunk.js';
export { MemSlice } from './memslice.js';
export { dumps, loads } from './serial.js';
export { StrArray, ChunkArray } from './strarray.js';
export { StrIO, ChunkIO } from './strio.js';
