// Everything the package exports, without a platform: index.js (browsers,
// workers, bundlers) and index-node.js (Node) each start the module their
// way, then re-export this.
export { init, memoryStats } from './wasm.js';
export { version } from './version.js';
export { bytes } from './bytes.js';
export { NotFoundError } from './errors.js';
export { index, rindex, find, rfind, findAll, cmp, copy, len, diff, rdiff, match, rmatch } from './functions.js';
export { Chunk } from './chunk.js';
export { MemSlice } from './memslice.js';
export { dumps, loads } from './serial.js';
export { StrArray } from './strarray.js';
export { ChunkArray } from './chunkarray.js';
export { StrIO, ChunkIO } from './strio.js';
export { calcsize, pack, packInto, unpack, unpackFrom, iterUnpack, Struct } from './struct.js';
