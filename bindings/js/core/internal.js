// What the package's modules share and users never see: the symbols under
// which the package's own classes answer each other, the kinds of a Region,
// and the built-in view getters the gate and the Region read a view with.
// A leaf: it imports nothing, so every layer may import it and no import
// circle goes through it. Every package-internal symbol is defined here, in
// one naming style: camelCase, `...Of` for a question an object answers,
// a verb for what it does, `fast...` for the state the element fast paths
// read (array/access.js), `...Slow` for the generic methods they fall back to.

/** `Symbol.dispose` where the engine has it (Node 20 does not). */
export const disposeSymbol = Symbol.dispose ?? Symbol.for('Symbol.dispose');

// ---- Chunk (chunk.js) and the windows on it

/**
 * `chunk[cellOf](fn, arg)` returns a Chunk's live storage cell `{ptr, len,
 * cap, freed, view: null}` (read-only outside chunk.js), or a TypeError
 * naming `fn` once freed. The cell is the chunk's for life.
 */
export const cellOf = Symbol('wasm-mem.cellOf');

/**
 * Chunk's verb for appends (StrArray.push/extend, StrIO writes at the end):
 * `chunk[extendBy](n, fn)` lengthens the chunk by n bytes and returns their
 * position in wasm memory. Their contents are unspecified: the caller writes
 * them before anything else runs. Only chunk.js implements it; it is the one
 * way a chunk grows without a fill.
 */
export const extendBy = Symbol('wasm-mem.extendBy');

/** An object of the package that knows its own region (MemSlice) returns it from `obj[regionOf]()`. */
export const regionOf = Symbol('wasm-mem.regionOf');

/** A class whose writability depends on what it wraps (StrArray, MemSlice) answers `obj[writableOf]()` without making a view. */
export const writableOf = Symbol('wasm-mem.writableOf');

/** `MemSlice[makeSlice](base, start, stop)`: a slice over a base already checked (loads). */
export const makeSlice = Symbol('wasm-mem.makeSlice');

// ---- StrArray (array/)

/** `arr[stateOf]()`: what array/resize.js needs of an array ({layout, item, geo}). */
export const stateOf = Symbol('wasm-mem.stateOf');
/** `arr[ownedOf]()`: the chunk an array made and owns (ChunkArray, dumps). */
export const ownedOf = Symbol('wasm-mem.ownedOf');
/** `arr[adoptChunk](chunk)`: frees the chunk the array owns and makes `chunk` its own buffer (slice, concat, loads). */
export const adoptChunk = Symbol('wasm-mem.adoptChunk');
/** `arr[countOf](fn)`: the item count, with errors naming the caller. */
export const countOf = Symbol('wasm-mem.countOf');
/** `arr[appendAs](values, fn)`: extend, with errors naming the caller (the ChunkArray constructor). */
export const appendAs = Symbol('wasm-mem.appendAs');

// What the element fast paths (array/access.js, array/access-table.js) read
// of an array, kept on it as data: one property load each per element.
/** The array's Region. */
export const fastRegion = Symbol('wasm-mem.fastRegion');
/** An array over a whole chunk: the chunk's storage cell (read-only), one load fewer per element. */
export const fastCell = Symbol('wasm-mem.fastCell');
/** An array over a whole chunk: the chunk, whose [extendBy] verb push uses. */
export const fastChunk = Symbol('wasm-mem.fastChunk');
/** The array's item codec (struct/records.js): read/check/write and size, for formats without a table entry. */
export const fastItem = Symbol('wasm-mem.fastItem');
/** The generic element methods every fast path falls back to. */
export const getSlow = Symbol('wasm-mem.getSlow');
export const setSlow = Symbol('wasm-mem.setSlow');
export const pushSlow = Symbol('wasm-mem.pushSlow');

// ---- The kinds of a Region (core/region.js says what each holds)

export const CHUNK_REGION = 1;
export const FOREIGN_REGION = 2;
export const GENERIC_REGION = 3;

// ---- Buffers and views, read through the built-ins

const toTag = (v) => Object.prototype.toString.call(v);

/** Whether `v` is an ArrayBuffer (of any realm; not a SharedArrayBuffer). */
export const isArrayBuffer = (v) => toTag(v) === '[object ArrayBuffer]';

/** Whether `v` is an ArrayBuffer or a SharedArrayBuffer (of any realm). */
export function isBufferObject(v) {
  const tag = toTag(v);
  return tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]';
}

// A view's own answers come from the built-in getters, never from the
// object: a Buffer or another Uint8Array subclass may override slice,
// subarray or length (Buffer's slice is a view, not a copy), so the package
// works on a plain Uint8Array over the same bytes and calls no caller's method.
const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const getter = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;
/** The built-in [Symbol.toStringTag] getter of typed arrays: `typedTag.call(v)` is undefined for a DataView. */
export const typedTag = getter(TypedArrayProto, Symbol.toStringTag);
const typedBuffer = getter(TypedArrayProto, 'buffer');
const typedOffset = getter(TypedArrayProto, 'byteOffset');
const typedLength = getter(TypedArrayProto, 'byteLength'); // 0 when detached or out of bounds
const dvBuffer = getter(DataView.prototype, 'buffer');
const dvOffset = getter(DataView.prototype, 'byteOffset');
const dvLength = getter(DataView.prototype, 'byteLength'); // throws when detached or out of bounds

/** Whether `v` (ArrayBuffer.isView) is a plain Uint8Array: its own answers are the built-in ones. */
export const isPlainBytes = (v) => Object.getPrototypeOf(v) === Uint8Array.prototype;

/** Whether `v` is a Uint8Array of any realm or subclass (a Buffer is one). */
export const isUint8Array = (v) => ArrayBuffer.isView(v) && typedTag.call(v) === 'Uint8Array';

/**
 * View `v`'s bytes as a plain Uint8Array: `v` itself when it is one (and not
 * empty, as only an empty one can be detached), else one over the same bytes
 * from the built-in getters; null when its buffer is detached.
 */
export function plainView(v) {
  return isPlainBytes(v) && v.byteLength !== 0 ? v : viewParts(v).bytes;
}

/**
 * The buffer of view `v` (a TypedArray or DataView) and, when its bytes can
 * be reached, a plain Uint8Array over exactly them; `bytes` is null for a view
 * that is detached or outside its shrunk resizable buffer.
 */
export function viewParts(v) {
  if (typedTag.call(v) !== undefined) {
    const buffer = typedBuffer.call(v);
    const n = typedLength.call(v);
    return { buffer, bytes: n === 0 && isDetached(buffer) ? null : new Uint8Array(buffer, typedOffset.call(v), n) };
  }
  const buffer = dvBuffer.call(v);
  let n;
  try {
    n = dvLength.call(v);
  } catch {
    return { buffer, bytes: isDetached(buffer) ? null : new Uint8Array(0) };
  }
  return { buffer, bytes: new Uint8Array(buffer, dvOffset.call(v), n) };
}

/** Node 20 lacks ArrayBuffer.prototype.detached: a detached buffer is empty and refuses new views. */
export function isDetached(buffer) {
  if (buffer.byteLength !== 0 || !isArrayBuffer(buffer)) return false;
  if ('detached' in buffer) return buffer.detached;
  try {
    new Uint8Array(buffer);
    return false;
  } catch {
    return true;
  }
}
