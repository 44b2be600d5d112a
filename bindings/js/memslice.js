// MemSlice (SPEC §4): a live window [start, stop) on another bytes-like.
//
// It keeps the base object and absolute offsets in a Region (region.js),
// never a view: every access asks where the base's bytes are now, so the
// window follows a chunk that was resized and moved, memory that grew, and a
// resizable ArrayBuffer that changed size. Its length is what is accessible
// now; an open-ended slice (stop Infinity) follows its base to its end.
import { slicePos, toByte, toIndex, toInt } from './core/args.js';
import { BASE, bytes, toView } from './core/bytes.js';
import { decode } from './core/encodings.js';
import { argError } from './core/errors.js';
import { defineByteMethods } from './search/methods.js';
import { bytesJSON, inspectCustom, inspectSlice } from './core/inspect.js';
import { Region } from './core/region.js';
import { heap } from './core/wasm.js';
import { CHUNK_REGION, registerSlice, sliceRegion } from './core/internal.js';

/** A stop argument: Infinity (open-ended, never clamped) or a slice position. */
function stopPos(stop, n, fn) {
  return stop === Infinity ? Infinity : slicePos(stop, n, fn, 'stop', n);
}

export class MemSlice {
  static {
    defineByteMethods(MemSlice.prototype, 'MemSlice'); // indexOf, lastIndexOf, includes, equals, compare
    // How the package knows a MemSlice (core/internal.js): by its private Region.
    registerSlice({
      region: (v) => (v !== null && typeof v === 'object' && #r in v ? v.#r : undefined),
      make: (base, start, stop) => {
        // Dump loading: offsets taken as they are, not normalised.
        const s = new MemSlice(base);
        s.#r = new Region(base, start, stop, 'loads', 'base');
        return s;
      },
    });
  }

  /** @type {Region} */
  #r;

  /**
   * @param {BytesLike} base any bytes-like but a string
   * @param {number} [start] normalised against the base's length now
   * @param {number} [stop] normalised likewise; Infinity: to the base's end, always
   * @param {string} [_caller] internal: the name errors give (Chunk.subarray, MemSlice.slice, ...)
   */
  constructor(base, start, stop, _caller) {
    const fn = typeof _caller === 'string' ? _caller : 'MemSlice';
    const n = toView(base, fn, 'base', BASE).length;
    const s = slicePos(start, n, fn, 'start', 0);
    const e = Math.max(s, stopPos(stop, n, fn));
    const r = sliceRegion(base);
    if (r !== undefined) {
      // Point at the underlying base with composed offsets, so chains of
      // slices cost one level of indirection; an open-ended stop composed
      // onto a bounded slice ends where that slice ends.
      this.#r = new Region(r.obj, r.start + s, e === Infinity ? r.stop : r.start + e, fn, 'base');
    } else {
      this.#r = new Region(base, s, e, fn, 'base');
    }
  }

  /** The object the window is on (never a MemSlice). */
  get base() {
    return this.#r.obj;
  }

  /** Absolute offset of the window's first byte in the base. */
  get start() {
    return this.#r.start;
  }

  /** Absolute offset just past the window's last byte in the base; Infinity when open-ended. */
  get stop() {
    return this.#r.stop;
  }

  /** The accessible length now: max(0, min(stop, base length) - start). */
  get length() {
    return this.#r.length('MemSlice.length');
  }

  [bytes](access) {
    if (access === 'write' && !this.#r.writable) return null;
    return this.#r.view('MemSlice[bytes]', access === 'write');
  }

  /** Whether the base can be written. */
  get writable() {
    return this.#r.writable;
  }

  /** The byte at `i` (negative from the end); RangeError out of range. */
  get(i) {
    const r = this.#r;
    if (r.kind === CHUNK_REGION && typeof i === 'number' && i >>> 0 === i) {
      const cell = r.cell;
      if (i < Math.min(r.stop, cell.len) - r.start) return heap()[cell.ptr + r.start + i];
    }
    const v = r.view('MemSlice.get');
    return v[toIndex(i, v.length, 'MemSlice.get')];
  }

  /** Sets the byte at `i` to `value` (0..255); TypeError when the base is read-only. */
  set(i, value) {
    const r = this.#r;
    if (
      r.kind === CHUNK_REGION &&
      typeof i === 'number' &&
      i >>> 0 === i &&
      typeof value === 'number' &&
      value >>> 0 === value &&
      value < 256
    ) {
      const cell = r.cell;
      if (i < Math.min(r.stop, cell.len) - r.start) {
        heap()[cell.ptr + r.start + i] = value;
        return;
      }
    }
    if (!r.writable) throw argError(TypeError, 'MemSlice.set', 'base', 'is read-only');
    const v = r.view('MemSlice.set', true);
    const k = toIndex(i, v.length, 'MemSlice.set');
    v[k] = toByte(value, 'MemSlice.set', 'value');
  }

  /** Like Array.prototype.at: undefined out of range. */
  at(i) {
    const v = this.#r.view('MemSlice.at');
    let k = toInt(i, 'MemSlice.at', 'index');
    if (k < 0) k += v.length;
    return k < 0 || k >= v.length ? undefined : v[k];
  }

  /** Byte values, read as iteration reaches them. */
  *[Symbol.iterator]() {
    for (let i = 0; ; i++) {
      const v = this.#r.view('MemSlice iterator');
      if (i >= v.length) return;
      yield v[i];
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
    return this.#r.view('MemSlice.toUint8Array').slice();
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
    return this.#r.view('MemSlice.valueOf').slice();
  }

  /** The window's bytes decoded as `encoding` (as Chunk.toString; default 'utf8'). */
  toString(encoding) {
    return decode(this.#r.view('MemSlice.toString'), encoding, 'MemSlice.toString');
  }
}
