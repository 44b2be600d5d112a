// Everything the package exports, without a platform: index.js (browsers,
// workers, bundlers) and index-node.js (Node) each start the module their
// way, then re-export this.
export { init, memoryStats } from './core/wasm.js';
export { version } from './version.js';
export { bytes } from './core/bytes.js';
export { NotFoundError } from './core/errors.js';
export { index, rindex, find, rfind, findAll, cmp, copy, len, diff, rdiff, match, rmatch } from './search/functions.js';
export { Chunk } from './chunk.js';
export { MemSlice } from './memslice.js';
export { dumps } from './serial/serial.js';
export { loads } from './serial/loads.js';
export { StrArray } from './array/strarray.js';
export { ChunkArray } from './array/chunkarray.js';
export { StrIO, ChunkIO } from './strio.js';
export { calcsize, pack, packInto, unpack, unpackFrom, iterUnpack, Struct } from './struct/struct.js';
export { Pattern, hexPattern } from './search/pattern.js';
export { findAny, findAllAny } from './search/findany.js';
export { histogram } from './search/histogram.js';
export { magic } from './search/magic.js';
export { findAsync, findAllAsync, countAsync, rfindAsync, cmpAsync, diffAsync, findAllAnyAsync } from './stream/async.js';
