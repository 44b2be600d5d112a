// Where an object's bytes are right now: the one answer every part of the
// package asks for (the gate in bytes.js, MemSlice, StrArray, StrIO).
//
// A Region is a window [start, stop) on one object — stop may be Infinity,
// "to the end, always" — of one of three kinds, decided once when it is made:
//   CHUNK    a Chunk's storage cell: wasm memory at cell.ptr, read through
//            the loader's cached heap view (so it survives memory growth and
//            the chunk moving);
//   FOREIGN  an ArrayBuffer or SharedArrayBuffer (also resizable or growable
//            ones) or a TypedArray over one: `u8` is the object's own window
//            (its length is the object's length now; 0 once detached), `dv`
//            a DataView over the whole buffer, `off` the window's offset in it;
//   GENERIC  anything else (a DataView, a view of wasm memory, an object with
//            a [bytes]() method, a StrArray): asked through the gate at every
//            use, since only the object knows.
// It also answers whether the object can be written and whether and how it
// can change size, and resizes it. Only chunk.js changes a chunk's storage:
// a Region resizes a chunk through Chunk#resize like any caller.
import { BASE, WRITE, bytes, toView } from './bytes.js';
import { argError } from './errors.js';
import { heap, heapDV } from './wasm.js';

export const CHUNK = 1;
export const FOREIGN = 2;
export const GENERIC = 3;

/**
 * Package-internal: `chunk[cellOf](fn, arg)` returns a Chunk's live storage
 * cell `{ptr, len, cap, freed, view: null}` (read-only outside chunk.js), or
 * a TypeError naming `fn` once freed. The cell is the chunk's for life.
 */
export const cellOf = Symbol('wasm-mem.cell');

/**
 * Package-internal verb of Chunk for appends (StrArray.push/extend, StrIO
 * writes at the end): `chunk[extendBy](n, fn)` lengthens the chunk by n
 * bytes and returns their position in wasm memory. Their contents are
 * unspecified: the caller writes them before anything else runs. Only
 * chunk.js implements it; it is the one way a chunk grows without a fill.
 */
export const extendBy = Symbol('wasm-mem.extendBy');

/**
 * Package-internal: an object of the package that knows its own region
 * (MemSlice) returns it from `obj[regionOf]()`.
 */
export const regionOf = Symbol('wasm-mem.region');

const toTag = (v) => Object.prototype.toString.call(v);
const isBuffer = (v) => {
  const tag = toTag(v);
  return tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]';
};

// A view's own answers come from the built-in getters, never from the
// object: a Buffer or another Uint8Array subclass may override slice,
// subarray or length (Buffer's slice is a view, not a copy), so the package
// works on a plain Uint8Array over the same bytes and calls no caller's method.
const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const getter = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;
const typedTag = getter(TypedArrayProto, Symbol.toStringTag); // undefined for a DataView
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
  if (buffer.byteLength !== 0 || toTag(buffer) !== '[object ArrayBuffer]') return false;
  if ('detached' in buffer) return buffer.detached;
  try {
    new Uint8Array(buffer);
    return false;
  } catch {
    return true;
  }
}

export class Region {
  /**
   * The region of `obj` (any bytes-like but a string, already checked by the
   * gate) over [start, stop), absolute offsets in `obj`; `arg` is what
   * errors call the object ('buffer', 'base', 'data').
   */
  constructor(obj, start, stop, fn, arg, whole = false) {
    this.obj = obj;
    /** The window is the object itself (not a slice of it): it may change size with it. */
    this.whole = whole;
    this.start = start;
    this.stop = stop;
    this.arg = arg;
    this.kind = GENERIC;
    this.cell = null;
    this.u8 = null;
    this.dv = null;
    this.off = 0;
    if (obj[cellOf] !== undefined) {
      this.kind = CHUNK;
      this.cell = obj[cellOf](fn, arg);
    } else if (isBuffer(obj)) {
      this.kind = FOREIGN;
      this.u8 = new Uint8Array(obj); // length-tracking when the buffer is resizable
    } else if (ArrayBuffer.isView(obj) && typedTag.call(obj) !== undefined) {
      // A plain Uint8Array is its own byte window (length-tracking ones
      // included); other typed arrays of fixed buffers (a Buffer, other
      // element types) get a plain mirror, made with the built-in getters.
      // The rest (DataViews, other views of resizable buffers) stay GENERIC.
      const { buffer, bytes } = viewParts(obj);
      if (buffer !== heap().buffer) {
        if (isPlainBytes(obj)) this.u8 = obj;
        else if (bytes !== null && !buffer.resizable && !buffer.growable) this.u8 = bytes;
        if (this.u8 !== null) this.kind = FOREIGN;
      }
    }
    if (this.kind === FOREIGN) {
      this.dv = new DataView(this.u8.buffer); // length-tracking too
      this.off = this.u8.byteOffset;
    }
  }

  #viewOf(fn, write) {
    return toView(this.obj, fn, this.arg, write ? WRITE : BASE);
  }

  /** The object's whole length now; a TypeError naming `fn` when freed or detached. */
  total(fn, write = false) {
    switch (this.kind) {
      case CHUNK:
        if (this.cell.freed) throw argError(TypeError, fn, this.arg, 'is a freed Chunk');
        return this.cell.len;
      case FOREIGN: {
        const n = this.u8.byteLength;
        if (n === 0 && isDetached(this.dv.buffer)) throw argError(TypeError, fn, this.arg, 'is a detached ArrayBuffer');
        return n;
      }
      default:
        return this.#viewOf(fn, write).length;
    }
  }

  /**
   * Where element `i` of `size` bytes lies in tdv() when the whole element
   * is inside the window now; -1 otherwise (a negative or huge index, a
   * GENERIC object, a freed chunk, a detached buffer: the caller's slow path
   * sorts these out). The element fast paths of access.js go through here.
   */
  at(i, size) {
    if (typeof i !== 'number' || i >>> 0 !== i) return -1; // (a BigInt would throw in >>>)
    const end = this.start + i * size + size;
    if (this.kind === CHUNK) {
      const cell = this.cell;
      return end <= cell.len && end <= this.stop ? cell.ptr + end - size : -1;
    }
    if (this.kind === FOREIGN) return end <= this.u8.byteLength && end <= this.stop ? this.off + end - size : -1;
    return -1;
  }

  /** Like `at`, for `size` bytes at byte offset `off` of the window. */
  span(off, size) {
    const end = this.start + off + size;
    if (this.kind === CHUNK) {
      const cell = this.cell;
      return end <= cell.len && end <= this.stop ? cell.ptr + end - size : -1;
    }
    if (this.kind === FOREIGN) return end <= this.u8.byteLength && end <= this.stop ? this.off + end - size : -1;
    return -1;
  }

  /** The DataView `at` positions refer to: the loader's heap view for a chunk (current after growth). */
  tdv() {
    return this.kind === CHUNK ? heapDV : this.dv;
  }

  /**
   * The position of `n` new bytes appended to a whole chunk that holds whole
   * items of `itemSize` bytes, through the chunk's own verb; -1 (nothing
   * changed) when the window is not a whole chunk or ends in a partial item.
   */
  append(n, fn, itemSize = n) {
    if (this.kind !== CHUNK || !this.whole || this.cell.len % itemSize !== 0) return -1;
    return this.obj[extendBy](n, fn);
  }

  /** The window's accessible length now: max(0, min(stop, length) - start). */
  length(fn) {
    return Math.max(0, Math.min(this.stop, this.total(fn)) - this.start);
  }

  /** The window's bytes now, as a Uint8Array: valid until the next allocation or user call. */
  view(fn, write = false) {
    if (this.kind === GENERIC) {
      const all = this.#viewOf(fn, write);
      return all.subarray(Math.min(this.start, all.length), Math.min(this.stop, all.length));
    }
    const n = this.length(fn);
    if (this.kind === CHUNK) {
      const p = this.cell.ptr + this.start;
      return heap().subarray(p, p + n);
    }
    return this.u8.subarray(this.start, this.start + n);
  }

  /**
   * A DataView and the window's offset in it, for typed access now:
   * [dv, off, length]. Chunks read the loader's heap DataView.
   */
  typed(fn, write = false) {
    if (this.kind === CHUNK) return [heapDV, this.cell.ptr + this.start, this.length(fn)];
    if (this.kind === FOREIGN) return [this.dv, this.off + this.start, this.length(fn)];
    const v = this.view(fn, write);
    return [new DataView(v.buffer, v.byteOffset, v.byteLength), 0, v.length];
  }

  /** Whether the object can be written (a GENERIC object is asked). */
  get writable() {
    if (this.kind !== GENERIC) return true;
    const obj = this.obj;
    if (obj instanceof DataView) return true;
    if (typeof obj[writableOf] === 'function') return obj[writableOf]();
    return typeof obj[bytes] === 'function' ? obj[bytes]('write') !== null : true;
  }

  /**
   * How the object can change size: 'both', 'grow' (a growable
   * SharedArrayBuffer) or null. Only a window that starts at 0 and reaches
   * its end can follow a size change; callers check that too.
   */
  get resizable() {
    const obj = this.obj;
    if (this.kind === CHUNK) return 'both';
    if (isBuffer(obj)) {
      if (toTag(obj) === '[object ArrayBuffer]') return obj.resizable ? 'both' : null;
      return obj.growable ? 'grow' : null;
    }
    if (ArrayBuffer.isView(obj) || obj[regionOf] !== undefined || obj[writableOf] !== undefined) return null;
    return typeof obj.resize === 'function' ? 'both' : null;
  }

  /** Resizes the object to `n` bytes, or a TypeError/RangeError naming `fn` with nothing changed. */
  resize(n, fn) {
    const obj = this.obj;
    const how = this.resizable;
    if (how === null) throw argError(TypeError, fn, this.arg, 'cannot change size (a Chunk or a resizable ArrayBuffer can)');
    if (this.kind === CHUNK) return void obj.resize(n);
    if (isBuffer(obj)) {
      if (how === 'grow' && n < obj.byteLength) throw argError(TypeError, fn, this.arg, 'is a growable SharedArrayBuffer: it can grow but not shrink');
      if (n > obj.maxByteLength) throw argError(RangeError, fn, this.arg, `cannot grow past its maxByteLength (${obj.maxByteLength}) to ${n} bytes`);
      if (how === 'grow') obj.grow(n);
      else obj.resize(n);
      return;
    }
    obj.resize(n);
  }
}

/**
 * Package-internal: a class whose writability depends on what it wraps
 * (StrArray, MemSlice) answers `obj[writableOf]()` without making a view.
 */
export const writableOf = Symbol('wasm-mem.writable');
