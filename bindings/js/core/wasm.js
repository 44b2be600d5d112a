// The loader: owns the one module instance of this realm, the one cached
// view of its memory, and the typed entry points into the C core.
//
// Every call into wasm goes through `core` below, which normalises pointers
// and positions with `>>> 0`: wasm32 returns them as i32, so anything at or
// above 2 GiB would otherwise come back negative.

/** Returned (after `>>> 0`) by the C core for "no position" (MEM_NPOS). */
export const NPOS = 0xffffffff;

/**
 * Where the package's module sits, relative to this file (bundlers see the
 * pattern and copy it). The same relative path serves the source
 * (bindings/js/core/) and the shipped build (dist/js/core/): both are three
 * levels down.
 */
export const defaultWasmUrl = new URL('../../../dist/wasm-mem.wasm', import.meta.url);

let instance = null;
let memory = null;
export let heapU8 = null;
let heapBuffer = null; // heapU8.buffer, kept because memory.buffer is a slow getter
/**
 * A DataView of the whole memory, exported as a live binding: element access
 * in StrArray/StrIO reads it directly (a call to heapView() per element
 * measured ~1 ns of a ~4 ns get). Replaced, like heapU8, only in refreshViews.
 */
export let heapDV = null;
/**
 * Typed views of the whole memory, live bindings replaced with heapDV: the
 * element methods of little-endian arrays on a chunk (whose blocks are
 * 8-aligned, so every element is aligned) index them directly, the fastest
 * access the engine has.
 */
export let heap8 = null;
export let heap16 = null;
export let heapU16 = null;
export let heap32 = null;
export let heapU32 = null;
export let heapF32 = null;
export let heapF64 = null;
export let heap64 = null;
export let heapU64 = null;
let pending = null;

/**
 * `moves.generation` is bumped whenever a view of a chunk's bytes may stop
 * showing them: here when memory grows (every view is detached), and by
 * chunk.js when a chunk's block moves or is reallocated, its length drops,
 * or it is freed (chunkMoved). The element fast paths of StrArray
 * (access-table.js) keep a view of an array's items while it is unchanged:
 * one compare per access instead of reading the chunk's cell and the heap
 * view. (A chunk that only grows in place leaves it alone: a kept view is
 * then too short, never too long, and an index past it takes the checked
 * path.) A field of a constant object, not a `let`: the engine reads it in
 * one load where an exported binding takes several (measured 0.4 ns of a
 * 1.9 ns set).
 */
export const moves = { generation: 0 };

/** chunk.js: a chunk moved, shrank or was freed (see moves). */
export function chunkMoved() {
  moves.generation++;
}

/**
 * Replaces the cached view. `memory.grow` detaches every view of the old
 * buffer, and the module tells us of each growth through the
 * `emscripten_notify_memory_growth` import, so this is the one place a view
 * is (re)made; nothing else may hold a view of wasm memory across a call.
 */
function refreshViews() {
  moves.generation++;
  heapBuffer = memory.buffer;
  heapU8 = new Uint8Array(heapBuffer);
  heapDV = new DataView(heapBuffer);
  heap16 = new Int16Array(heapBuffer);
  heapU16 = new Uint16Array(heapBuffer);
  heap32 = new Int32Array(heapBuffer);
  heapU32 = new Uint32Array(heapBuffer);
  heapF32 = new Float32Array(heapBuffer);
  heapF64 = new Float64Array(heapBuffer);
  heap64 = new BigInt64Array(heapBuffer);
  heapU64 = new BigUint64Array(heapBuffer);
  heap8 = new Int8Array(heapBuffer);
}

const imports = {
  env: {
    emscripten_notify_memory_growth() {
      if (memory) refreshViews();
    },
  },
};

/** The byte view of the whole linear memory, current as of the last growth. */
export function heap() {
  if (heapU8 === null) notInitialised();
  return heapU8;
}

/** The module memory's current buffer: bytes-likes whose buffer it is live in wasm. */
export function wasmBuffer() {
  if (heapBuffer === null) notInitialised();
  return heapBuffer;
}

function notInitialised() {
  throw new Error('wasm-mem is not initialised: await init() (or init(source)) before use');
}

/** Instantiates synchronously from a compiled module (Node, workers, tests). */
export function instantiate(module) {
  if (instance) return;
  const inst = new WebAssembly.Instance(module, imports);
  adopt(inst);
}

function adopt(inst) {
  memory = inst.exports.memory;
  refreshViews();
  inst.exports._initialize?.();
  instance = inst;
  const ex = inst.exports;
  core.malloc = (n) => ex.malloc(n) >>> 0;
  core.free = (p) => ex.free(p);
  // A step is any safe integer, but wasm takes it modulo 2^32 (2^32 would
  // arrive as 0 and find nothing). Every step beyond the haystack's length
  // leaves `start` the only candidate, so hl + 1 stands in for all of them.
  const fit = (st, hl) => (st > hl ? hl + 1 : st);
  core.find = (h, hl, p, pl, s, e, st) => ex.mem_find(h, hl, p, pl, s, e, fit(st, hl)) >>> 0;
  core.rfind = (h, hl, p, pl, s, e, st) => ex.mem_rfind(h, hl, p, pl, s, e, fit(st, hl)) >>> 0;
  core.findMany = (h, hl, p, pl, s, e, st, out, max) => ex.mem_find_many(h, hl, p, pl, s, e, fit(st, hl), out, max) >>> 0;
  core.cmp = (a, al, b, bl) => ex.mem_cmp(a, al, b, bl);
  core.copy = (d, s, n) => ex.mem_copy(d, s, n) >>> 0;
  core.diff = (a, al, b, bl) => ex.mem_diff(a, al, b, bl) >>> 0;
  core.rdiff = (a, al, b, bl) => ex.mem_rdiff(a, al, b, bl) >>> 0;
  core.match = (a, al, b, bl) => ex.mem_match(a, al, b, bl) >>> 0;
  core.rmatch = (a, al, b, bl) => ex.mem_rmatch(a, al, b, bl) >>> 0;
  core.chunkAlloc = (n) => ex.mem_chunk_alloc(n) >>> 0;
  core.chunkRealloc = (p, n) => ex.mem_chunk_realloc(p, n) >>> 0;
  core.chunkFree = (p) => ex.mem_chunk_free(p);
  core.fillPattern = (d, n, p, pl) => ex.mem_fill_pattern(d, n, p, pl);
  core.histogram = (b, n, counts) => ex.mem_histogram(b, n, counts); // adds to 256 uint64 counts (histogram.js)
  core.byteRarity = (b) => ex.mem_byte_rarity(b); // the kernels' byte ranks, read once by search/inplace.js
  // Strided items (array/bulk.js). The callers' positions are inside memory, so no span can overflow: a refusal is a bug.
  core.gather = (d, ds, s, ss, n, size, swap) => {
    if (ex.mem_gather(d, ds, s, ss, n, size, swap ? 1 : 0) !== 0) throw new Error(`mem_gather refused ${n} items of ${size} bytes`);
  };
  // Masked and multi-pattern search (SPEC §10; masked.js, findany.js).
  core.findMasked = (h, hl, p, m, pl, s, e, st) => ex.mem_find_masked(h, hl, p, m, pl, s, e, fit(st, hl)) >>> 0;
  core.rfindMasked = (h, hl, p, m, pl, s, e, st) => ex.mem_rfind_masked(h, hl, p, m, pl, s, e, fit(st, hl)) >>> 0;
  core.findMaskedMany = (h, hl, p, m, pl, s, e, st, out, max) =>
    ex.mem_find_masked_many(h, hl, p, m, pl, s, e, fit(st, hl), out, max) >>> 0;
  core.multiSize = (masks, lens, count) => ex.mem_multi_size(masks, lens, count) >>> 0;
  core.multiPrepare = (blob, pats, masks, lens, count) => ex.mem_multi_prepare(blob, pats, masks, lens, count);
  core.multiFind = (blob, h, hl, s, e, ce, st, minPat, out, max) =>
    ex.mem_multi_find(blob, h, hl, s, e, ce, fit(st, hl), minPat, out, max) >>> 0;
  slot = core.malloc(SLOT_BYTES); // part of the baseline from the start: not a leak
  core.stats = () => {
    // Out-parameters on the wasm stack, so reading the heap's statistics does not change them.
    const sp = ex.stackSave();
    const p = ex.stackAlloc(16) >>> 0;
    ex.mem_stats(p);
    const v = new Uint32Array(heapBuffer, p, 4); // wasm32 size_t; read at once, not kept
    const out = { allocations: v[0], reallocations: v[1], frees: v[2], bytesInUse: v[3] };
    ex.stackRestore(sp);
    return out;
  };
}

/**
 * The C core's functions, each returning normalised unsigned results.
 * Filled in when the module is instantiated; before that they throw.
 */
export const core = {
  malloc: notInitialised,
  free: notInitialised,
  find: notInitialised,
  rfind: notInitialised,
  findMany: notInitialised,
  cmp: notInitialised,
  copy: notInitialised,
  diff: notInitialised,
  rdiff: notInitialised,
  match: notInitialised,
  rmatch: notInitialised,
  chunkAlloc: notInitialised,
  chunkRealloc: notInitialised,
  chunkFree: notInitialised,
  fillPattern: notInitialised,
  histogram: notInitialised,
  byteRarity: notInitialised,
  gather: notInitialised,
  findMasked: notInitialised,
  rfindMasked: notInitialised,
  findMaskedMany: notInitialised,
  multiSize: notInitialised,
  multiPrepare: notInitialised,
  multiFind: notInitialised,
  stats: notInitialised,
};

/**
 * Heap statistics, a debugging aid (leak tests use it): chunk allocations,
 * reallocations and frees since start-up, the bytes the allocator has handed
 * out and not taken back, and the size of the module's linear memory.
 * @returns {{allocations: number, reallocations: number, frees: number, bytesInUse: number, memoryBytes: number}}
 */
export function memoryStats() {
  const s = core.stats();
  return { ...s, memoryBytes: heapBuffer.byteLength };
}

/** Bytes of the persistent scratch slot (see withScratch). */
const SLOT_BYTES = 64 * 1024;
let slot = 0;
let slotBusy = false;

/**
 * Lends `size` bytes of wasm memory for the duration of `fn(ptr)`: the one
 * owner of temporary allocations. Small requests (a pattern, a batch of
 * positions) use a slot allocated once at start-up, which saves a
 * malloc/free pair (~100 ns) per call; larger ones, or a request while the
 * slot is lent, are allocated and freed, also when `fn` throws. Allocation
 * may grow memory, so callers pass positions, not views, into `fn`. Failure
 * to allocate is a RangeError.
 */
export function withScratch(size, fn) {
  if (size <= SLOT_BYTES && !slotBusy && slot !== 0) {
    slotBusy = true;
    try {
      return fn(slot);
    } finally {
      slotBusy = false;
    }
  }
  const ptr = allocate(size, 'wasm-mem');
  try {
    return fn(ptr);
  } finally {
    core.free(ptr);
  }
}

/**
 * `size` bytes of wasm memory held across awaits, for an async call: as
 * withScratch (freed on every exit, whatever `fn` throws passes through),
 * but never the slot, which a synchronous call may need meanwhile. `fn` is
 * given the position; the RangeError for memory that cannot be had names `fn`.
 */
export async function withScratchAsync(size, caller, fn) {
  const ptr = allocate(size, caller);
  try {
    return await fn(ptr);
  } finally {
    core.free(ptr);
  }
}

/** As withScratchAsync for an async generator: `gen(ptr)`'s values pass through; freed when it ends, throws or is returned early. */
export async function* withScratchIterating(size, caller, gen) {
  const ptr = allocate(size, caller);
  try {
    yield* gen(ptr);
  } finally {
    core.free(ptr);
  }
}

function allocate(size, caller) {
  const ptr = core.malloc(Math.max(size, 1));
  if (ptr === 0) throw new RangeError(`${caller}: out of memory allocating ${size} bytes`);
  return ptr;
}

/**
 * Instantiates the module explicitly: from a URL (or string), a `Response`
 * (or a promise of one), bytes, or a compiled `WebAssembly.Module`. With no
 * argument, fetches the module next to the package. A no-op once
 * instantiated (the first module wins), so it is safe to call from anywhere.
 * @param {string | URL | Response | PromiseLike<Response> | BufferSource | WebAssembly.Module} [source]
 * @returns {Promise<void>}
 */
export function init(source) {
  if (instance) return Promise.resolve();
  pending ??= load(source ?? defaultWasmUrl).finally(() => {
    pending = null;
  });
  return pending;
}

async function load(source) {
  if (source instanceof WebAssembly.Module) return instantiate(source);
  if (typeof source === 'string' || source instanceof URL) source = fetch(source);
  source = await source;
  let result;
  if (typeof Response !== 'undefined' && source instanceof Response) {
    if (!source.ok) throw new Error(`wasm-mem: init(): fetching the module failed: HTTP ${source.status}`);
    // Streaming compilation needs the application/wasm type; fall back to bytes without it.
    const streaming =
      typeof WebAssembly.instantiateStreaming === 'function' && source.headers.get('content-type')?.startsWith('application/wasm');
    result = streaming
      ? await WebAssembly.instantiateStreaming(source, imports)
      : await WebAssembly.instantiate(await source.arrayBuffer(), imports);
  } else if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) {
    result = await WebAssembly.instantiate(source, imports);
  } else {
    throw new TypeError('init(): source must be a URL, a Response, bytes or a WebAssembly.Module');
  }
  if (!instance) adopt(result.instance);
}
