// What the package's modules share and users never see: how the package
// knows its own objects (brands), the symbols of the generic element methods,
// the kinds of a Region, and the built-in view getters the gate and the
// Region read a view with. A leaf: it imports nothing, so every layer may
// import it and no import circle goes through it.

/** `Symbol.dispose` where the engine has it (Node 20 does not). */
export const disposeSymbol = Symbol.dispose ?? Symbol.for('Symbol.dispose');

// ---- Brands: how the package knows its own objects
//
// Each class registers, as it is defined (a static block, before any user
// code can run), functions that answer for its own instances through a
// private field (`#x in v`), which user code can neither see nor forge. A
// Proxy of an instance, an object made from a class's prototype, a subclass's
// override or an object that copies an instance's properties is none of
// them, and asking never runs a getter or a Proxy trap of the value asked
// about. Each class registers once; until it has, no value is one of it.

const none = () => undefined;
const registered = new Set();
function once(name) {
  if (registered.has(name)) throw new Error(`wasm-mem: ${name} registered twice`);
  registered.add(name);
}

/**
 * chunk.js. `chunkCell(v)`: a Chunk's storage cell `{ptr, len, cap, freed,
 * view: null}` (freed ones too; read-only outside chunk.js), else undefined.
 * `chunkExtend(chunk, n, fn)`: lengthens it by n bytes and returns their
 * position (contents unspecified: the caller writes them before anything else
 * runs). `chunkResize(chunk, n, fn)`: n bytes, zeros added. Both are the
 * Chunk's own, whatever a subclass defines.
 */
export let chunkCell = none;
export let chunkExtend = none;
export let chunkResize = none;
export function registerChunk(verbs) {
  once('Chunk');
  ({ cell: chunkCell, extend: chunkExtend, resize: chunkResize } = verbs);
}

/** memslice.js. `sliceRegion(v)`: a MemSlice's Region, else undefined; `makeSlice(base, start, stop)`: a slice with offsets as given (loads). */
export let sliceRegion = none;
export let makeSlice = none;
export function registerSlice(verbs) {
  once('MemSlice');
  ({ region: sliceRegion, make: makeSlice } = verbs);
}

/**
 * array/strarray.js. `arrayInternals(v)`: a StrArray's `{region, layout,
 * item, geo, owned, count(fn)}` (owned: the chunk it made, or null), else
 * undefined. `arrayOver(make, chunk)`: `make()` constructs an array that
 * owns `chunk` (already filled) instead of a new empty one.
 */
export let arrayInternals = none;
export let arrayOver = none;
export function registerArray(verbs) {
  once('StrArray');
  ({ internals: arrayInternals, over: arrayOver } = verbs);
}

/** The generic element methods every per-format fast path (array/access-table.js) falls back to, on a StrArray. */
export const getSlow = Symbol('wasm-mem.getSlow');
export const setSlow = Symbol('wasm-mem.setSlow');
export const pushSlow = Symbol('wasm-mem.pushSlow');

/**
 * Returns its argument: a class extending it adds its private fields to an
 * object that exists (the fast paths' state, stamped on an array by
 * array/access-table.js and array/record-get.js).
 */
export class Stamp {
  constructor(target) {
    // biome-ignore lint/correctness/noConstructorReturn: returning the target is the point (private fields on an object that exists)
    return target;
  }
}

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

// A buffer's own answers too (its size and whether and how it changes size)
// come from the built-in getters and methods: own properties (`resizable`,
// `resize`, `maxByteLength`) may say anything. SharedArrayBuffer is absent from
// pages that are not cross-origin isolated: no such buffer reaches the package there.
const SAB = globalThis.SharedArrayBuffer;
const abResizable = getter(ArrayBuffer.prototype, 'resizable');
const abMax = getter(ArrayBuffer.prototype, 'maxByteLength');
const sabGrowable = SAB && getter(SAB.prototype, 'growable');
const sabMax = SAB && getter(SAB.prototype, 'maxByteLength');
const sabLength = SAB && getter(SAB.prototype, 'byteLength');

/** How buffer `b` (isBufferObject) can change size: 'both' (a resizable ArrayBuffer), 'grow' (a growable SharedArrayBuffer) or null. */
export function bufferResizability(b) {
  if (isArrayBuffer(b)) return abResizable.call(b) ? 'both' : null;
  return sabGrowable.call(b) ? 'grow' : null;
}

/** The maxByteLength of buffer `b` (its byteLength when it cannot change size). */
export const bufferMaxBytes = (b) => (isArrayBuffer(b) ? abMax : sabMax).call(b);

/** The byteLength of a SharedArrayBuffer, from the built-in getter. */
export const sharedBufferLength = (b) => sabLength.call(b);

/** Resizes a resizable ArrayBuffer, or grows a growable SharedArrayBuffer, to n bytes (checked by the caller). */
export function resizeBuffer(b, n) {
  if (isArrayBuffer(b)) ArrayBuffer.prototype.resize.call(b, n);
  else SAB.prototype.grow.call(b, n);
}

/** Whether `v` is a Uint8Array of any realm or subclass (a Buffer is one). */
export const isUint8Array = (v) => ArrayBuffer.isView(v) && typedTag.call(v) === 'Uint8Array';

/**
 * View `v`'s bytes as a plain Uint8Array of the package's own, over the same
 * bytes, from the built-in getters; null when its buffer is detached. Never
 * `v` itself, not even a plain Uint8Array: the caller's object may carry own
 * `length`, `byteOffset`, `buffer` or `subarray` properties that say anything.
 */
export function plainView(v) {
  return viewParts(v).bytes;
}

// The plain views typedBytes made last for the two most recent typed arrays
// (a search's haystack and pattern, say):
// making a view costs ~30 ns, a search of a few KB ~150. Held only until the
// current job's microtasks run (no caller's buffer is kept alive past it);
// a slot is [array, view].
let kept0 = null;
let kept1 = null;
let clearQueued = false;
function clearKept() {
  kept0 = kept1 = null;
  clearQueued = false;
}

/**
 * A plain Uint8Array over the bytes of `v` when `v` is a typed array (of any
 * element type, realm or subclass) with bytes whose buffer is not `skip`;
 * else null (not a typed array, empty, detached or outside its shrunk
 * resizable buffer, or of `skip`). What plainView gives such a view, through
 * the same built-in getters, with no object besides the view (none when a
 * kept view still fits). Never `v` itself: a plain Uint8Array too may carry
 * own properties that lie.
 */
export function typedBytes(v, skip) {
  if (typedTag.call(v) === undefined) return null; // undefined for any other value, a Proxy too, and calls nothing of it
  const n = typedLength.call(v);
  if (n === 0) return null;
  // A typed array's buffer and offset never change: while its length is the
  // one the kept view has (which reads 0 once outside a shrunk buffer), the
  // kept view covers exactly its bytes.
  if (kept0 !== null && kept0[0] === v && typedLength.call(kept0[1]) === n) return kept0[1];
  if (kept1 !== null && kept1[0] === v && typedLength.call(kept1[1]) === n) return kept1[1];
  const buffer = typedBuffer.call(v);
  if (buffer === skip) return null;
  const view = new Uint8Array(buffer, typedOffset.call(v), n);
  kept1 = kept0;
  kept0 = [v, view];
  if (!clearQueued) {
    clearQueued = true;
    queueMicrotask(clearKept);
  }
  return view;
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
