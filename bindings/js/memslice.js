// MemSlice (SPEC §4): a live window [start, stop) on another bytes-like.
//
// It keeps the base object and absolute offsets, never a view: every access
// asks the base for its bytes as they are now, so the window follows a chunk
// that was resized and moved, memory that grew, and a resizable ArrayBuffer
// that changed size. Its length is what is accessible now.
import { slicePos, toByte, toIndex, toInt } from './args.js';
import { BASE, WRITE, bytes, cellOf, toView } from './bytes.js';
import { decode } from './encodings.js';
import { argError } from './errors.js';
import { bytesJSON, inspectCustom, inspectSlice } from './inspect.js';
import { heap } from './wasm.js';

/** Package-internal symbol of the raw constructor used by `loads`. */
export const rawSlice = Symbol('wasm-mem.rawSlice');

export class MemSlice {
  #base;
  #start;
  #stop;
  #onChunk = false; // element access on a chunk reads its cell directly, with no view made

  /**
   * @param {BytesLike} base any bytes-like but a string
   * @param {number} [start] normalised against the base's length now
   * @param {number} [stop]
   * @param {string} [_caller] internal: the name errors give (Chunk.subarray, MemSlice.slice, ...)
   */
  constructor(base, start, stop, _caller) {
    const fn = typeof _caller === 'string' ? _caller : 'MemSlice';
    const n = toView(base, fn, 'base', BASE).length;
    const s = slicePos(start, n, fn, 'start', 0);
    const e = Math.max(s, slicePos(stop, n, fn, 'stop', n));
    if (base instanceof MemSlice) {
      // Point at the underlying base with composed offsets, so chains of
      // slices cost one level of indirection.
      this.#base = base.#base;
      this.#start = base.#start + s;
      this.#stop = base.#start + e;
    } else {
      this.#base = base;
      this.#start = s;
      this.#stop = e;
    }
    this.#onChunk = this.#base[cellOf] !== undefined;
  }

  /** The object the window is on (never a MemSlice). */
  get base() {
    return this.#base;
  }

  /** Absolute offset of the window's first byte in the base. */
  get start() {
    return this.#start;
  }

  /** Absolute offset just past the window's last byte in the base. */
  get stop() {
    return this.#stop;
  }

  /**
   * The window's bytes now, as [array, offset, length]: the heap view and a
   * position for a chunk (no view is made), else a view of the base.
   */
  #resolve(fn, access) {
    const base = this.#base;
    let arr;
    let off;
    let n;
    if (base[cellOf] !== undefined) {
      const cell = base[cellOf](fn, 'base');
      arr = heap();
      off = cell.ptr;
      n = cell.len;
    } else {
      arr = toView(base, fn, 'base', access === 'write' ? WRITE : BASE);
      off = 0;
      n = arr.length;
    }
    return [arr, off + this.#start, Math.max(0, Math.min(this.#stop, n) - this.#start)];
  }

  /** The accessible length now: max(0, min(stop, base length) - start). */
  get length() {
    return this.#resolve('MemSlice.length', 'read')[2];
  }

  [bytes](access) {
    if (access === 'write' && !this.writable) return null;
    const [arr, off, n] = this.#resolve('MemSlice[bytes]', access);
    return arr.subarray(off, off + n);
  }

  /** Whether the base can be written. */
  get writable() {
    const base = this.#base;
    if (base[cellOf] !== undefined) return true; // a Chunk
    if (typeof base[bytes] === 'function') return base[bytes]('write') !== null;
    return true; // buffers and their views
  }

  /** The byte at `i` (negative from the end); RangeError out of range. */
  get(i) {
    if (this.#onChunk && typeof i === 'number' && (i >>> 0) === i) {
      const cell = this.#base[cellOf]('MemSlice.get', 'base');
      if (i < Math.min(this.#stop, cell.len) - this.#start) return heap()[cell.ptr + this.#start + i];
    }
    const [arr, off, n] = this.#resolve('MemSlice.get', 'read');
    return arr[off + toIndex(i, n, 'MemSlice.get')];
  }

  /** Sets the byte at `i` to `value` (0..255); TypeError when the base is read-only. */
  set(i, value) {
    if (this.#onChunk && typeof i === 'number' && (i >>> 0) === i && typeof value === 'number' && (value >>> 0) === value && value < 256) {
      const cell = this.#base[cellOf]('MemSlice.set', 'base');
      if (i < Math.min(this.#stop, cell.len) - this.#start) {
        heap()[cell.ptr + this.#start + i] = value;
        return;
      }
    }
    if (!this.writable) throw argError(TypeError, 'MemSlice.set', 'base', 'is read-only');
    const [arr, off, n] = this.#resolve('MemSlice.set', 'write');
    const k = toIndex(i, n, 'MemSlice.set');
    arr[off + k] = toByte(value, 'MemSlice.set', 'value');
  }

  /** Like Array.prototype.at: undefined out of range. */
  at(i) {
    const [arr, off, n] = this.#resolve('MemSlice.at', 'read');
    let k = toInt(i, 'MemSlice.at', 'index');
    if (k < 0) k += n;
    return k < 0 || k >= n ? undefined : arr[off + k];
  }

  /** Byte values, read as iteration reaches them. */
  *[Symbol.iterator]() {
    for (let i = 0; ; i++) {
      const [arr, off, n] = this.#resolve('MemSlice iterator', 'read');
      if (i >= n) return;
      yield arr[off + i];
    }
  }

  /** A new MemSlice on [start, stop) of this window (slicing by view). */
  slice(start, stop) {
    return new MemSlice(this, start, stop, 'MemSlice.slice');
  }

  /** The same as slice: a new MemSlice. */
  subarray(start, stop) {
    return new MemSlice(this, start, stop, 'MemSlice.subarray');
  }

  /** A copy of the window's current bytes. */
  toUint8Array() {
    const [arr, off, n] = this.#resolve('MemSlice.toUint8Array', 'read');
    return arr.slice(off, off + n);
  }

  get [Symbol.toStringTag]() {
    return 'MemSlice';
  }

  // Node's conventions (inspect.js), as for Chunk.
  [inspectCustom](depth, options, inspect) {
    return inspectSlice(this, depth, options, inspect);
  }

  toJSON() {
    return bytesJSON(this);
  }

  /** A copy of the window's bytes, as toUint8Array(): what Buffer.from(slice) copies. */
  valueOf() {
    return this[bytes]('read').slice();
  }

  /** The window's bytes decoded as `encoding` (as Chunk.toString; default 'utf8'). */
  toString(encoding) {
    return decode(this[bytes]('read'), encoding, 'MemSlice.toString');
  }

  /** Package-internal (dump loading): a slice with offsets taken as they are, not normalised. */
  static [rawSlice](base, start, stop) {
    const s = new MemSlice(base);
    s.#start = start;
    s.#stop = stop;
    return s;
  }
}
