// Where an object's bytes are right now: the one answer every part of the
// package asks for (the gate in bytes.js, MemSlice, StrArray, StrIO).
//
// A Region is a window [start, stop) on one object — stop may be Infinity,
// "to the end, always" — of one of three kinds (internal.js), decided once
// when it is made:
//   CHUNK_REGION    a Chunk's storage cell: wasm memory at cell.ptr, read
//                   through the loader's cached heap view (so it survives
//                   memory growth and the chunk moving);
//   FOREIGN_REGION  an ArrayBuffer or SharedArrayBuffer (also resizable or
//                   growable ones) or a TypedArray over one: `u8` is the
//                   object's own window (its length is the object's length
//                   now; 0 once detached), `dv` a DataView over the whole
//                   buffer, `off` the window's offset in it;
//   GENERIC_REGION  anything else (a DataView, a view of wasm memory, an
//                   object with a [bytes]() method, a StrArray): asked
//                   through the gate at every use, since only the object knows.
// It also answers whether the object can be written and whether and how it
// can change size, and resizes it. Only chunk.js changes a chunk's storage:
// a Region resizes a chunk through Chunk#resize like any caller.
import { BASE, WRITE, bytes, toView } from './bytes.js';
import { argError } from './errors.js';
import {
  CHUNK_REGION,
  FOREIGN_REGION,
  GENERIC_REGION,
  arrayInternals,
  bufferMaxBytes,
  bufferResizability,
  chunkCell,
  chunkExtend,
  chunkResize,
  isBufferObject,
  isDetached,
  resizeBuffer,
  sharedBufferLength,
  sliceRegion,
  typedTag,
  viewParts,
} from './internal.js';
import { heap, heapDV } from './wasm.js';

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
    this.kind = GENERIC_REGION;
    this.cell = null;
    this.u8 = null;
    this.dv = null;
    this.off = 0;
    const cell = chunkCell(obj);
    if (cell !== undefined) {
      if (cell.freed) throw argError(TypeError, fn, arg, 'is a freed Chunk');
      this.kind = CHUNK_REGION;
      this.cell = cell;
    } else if (isBufferObject(obj)) {
      this.kind = FOREIGN_REGION;
      this.u8 = new Uint8Array(obj); // length-tracking when the buffer is resizable
    } else if (ArrayBuffer.isView(obj) && typedTag.call(obj) !== undefined) {
      // Typed arrays of fixed buffers (a Buffer, a Uint8Array, other element
      // types) get a plain mirror, made with the built-in getters: never the
      // caller's object, whose own properties (length, buffer, byteOffset,
      // subarray) may say anything. The rest (DataViews, views of resizable
      // or growable buffers) stay GENERIC_REGION, which reads them afresh.
      const { buffer, bytes } = viewParts(obj);
      if (buffer !== heap().buffer && bytes !== null && bufferResizability(buffer) === null) {
        this.u8 = bytes;
        this.kind = FOREIGN_REGION;
      }
    }
    if (this.kind === FOREIGN_REGION) {
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
      case CHUNK_REGION:
        if (this.cell.freed) throw argError(TypeError, fn, this.arg, 'is a freed Chunk');
        return this.cell.len;
      case FOREIGN_REGION: {
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
   * GENERIC_REGION object, a freed chunk, a detached buffer: the caller's slow path
   * sorts these out). The element fast paths of access.js go through here.
   */
  at(i, size) {
    if (typeof i !== 'number' || i >>> 0 !== i) return -1; // (a BigInt would throw in >>>)
    const end = this.start + i * size + size;
    if (this.kind === CHUNK_REGION) {
      const cell = this.cell;
      return end <= cell.len && end <= this.stop ? cell.ptr + end - size : -1;
    }
    if (this.kind === FOREIGN_REGION) return end <= this.u8.byteLength && end <= this.stop ? this.off + end - size : -1;
    return -1;
  }

  /** Like `at`, for `size` bytes at byte offset `off` of the window. */
  span(off, size) {
    const end = this.start + off + size;
    if (this.kind === CHUNK_REGION) {
      const cell = this.cell;
      return end <= cell.len && end <= this.stop ? cell.ptr + end - size : -1;
    }
    if (this.kind === FOREIGN_REGION) return end <= this.u8.byteLength && end <= this.stop ? this.off + end - size : -1;
    return -1;
  }

  /** The DataView `at` positions refer to: the loader's heap view for a chunk (current after growth). */
  tdv() {
    return this.kind === CHUNK_REGION ? heapDV : this.dv;
  }

  /**
   * The position of `n` new bytes appended to a whole chunk that holds whole
   * items of `itemSize` bytes, through the chunk's own verb; -1 (nothing
   * changed) when the window is not a whole chunk or ends in a partial item.
   */
  append(n, fn, itemSize = n) {
    if (this.kind !== CHUNK_REGION || !this.whole || this.cell.len % itemSize !== 0) return -1;
    return chunkExtend(this.obj, n, fn);
  }

  /** The window's accessible length now: max(0, min(stop, length) - start). */
  length(fn) {
    return Math.max(0, Math.min(this.stop, this.total(fn)) - this.start);
  }

  /** The window's bytes now, as a Uint8Array: valid until the next allocation or user call. */
  view(fn, write = false) {
    if (this.kind === GENERIC_REGION) {
      const all = this.#viewOf(fn, write);
      return all.subarray(Math.min(this.start, all.length), Math.min(this.stop, all.length));
    }
    const n = this.length(fn);
    if (this.kind === CHUNK_REGION) {
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
    if (this.kind === CHUNK_REGION) return [heapDV, this.cell.ptr + this.start, this.length(fn)];
    if (this.kind === FOREIGN_REGION) return [this.dv, this.off + this.start, this.length(fn)];
    const v = this.view(fn, write);
    return [new DataView(v.buffer, v.byteOffset, v.byteLength), 0, v.length];
  }

  /** Whether the object can be written (a GENERIC_REGION object is asked). */
  get writable() {
    if (this.kind !== GENERIC_REGION) return true;
    const obj = this.obj;
    if (obj instanceof DataView) return true;
    const own = sliceRegion(obj) ?? arrayInternals(obj)?.region; // a MemSlice or a StrArray: as what it wraps
    if (own !== undefined) return own.writable;
    return typeof obj[bytes] === 'function' ? obj[bytes]('write') !== null : true;
  }

  /**
   * How the object can change size: 'both', 'grow' (a growable
   * SharedArrayBuffer) or null. Only a window that starts at 0 and reaches
   * its end can follow a size change; callers check that too.
   */
  get resizable() {
    const obj = this.obj;
    if (this.kind === CHUNK_REGION) return 'both';
    if (isBufferObject(obj)) {
      return bufferResizability(obj);
    }
    if (ArrayBuffer.isView(obj) || sliceRegion(obj) !== undefined || arrayInternals(obj) !== undefined) return null;
    return typeof obj.resize === 'function' ? 'both' : null;
  }

  /**
   * A TypeError naming `fn` unless the object can change size this way
   * (`growing`: to more bytes); `how` is `this.resizable` when the caller
   * has it (a window that is not the whole object: null).
   */
  checkResize(fn, growing, how = this.resizable) {
    if (how === 'both' || (how === 'grow' && growing)) return;
    if (how === 'grow') throw argError(TypeError, fn, this.arg, 'is a growable SharedArrayBuffer: it can grow but not shrink');
    throw argError(TypeError, fn, this.arg, 'cannot change size (a Chunk or a resizable ArrayBuffer can)');
  }

  /** A resizable or growable buffer's maxByteLength (from the built-ins), else undefined. */
  maxBytes() {
    const obj = this.obj;
    return isBufferObject(obj) ? bufferMaxBytes(obj) : undefined;
  }

  /** Resizes the object to `n` bytes, or a TypeError/RangeError naming `fn` with nothing changed. */
  resize(n, fn) {
    const obj = this.obj;
    const how = this.resizable;
    this.checkResize(fn, how !== 'grow' || n >= sharedBufferLength(obj), how);
    if (this.kind === CHUNK_REGION) return void chunkResize(obj, n, fn); // the package resizes its own chunks
    if (isBufferObject(obj)) {
      const max = this.maxBytes();
      if (n > max) throw argError(RangeError, fn, this.arg, `cannot grow past its maxByteLength (${max}) to ${n} bytes`);
      resizeBuffer(obj, n);
      return;
    }
    // A user's object resizes itself: believe what it holds afterwards, not what it was asked.
    obj.resize(n);
    const now = this.total(fn);
    if (now !== n) throw argError(RangeError, fn, this.arg, `was asked to resize to ${n} bytes and holds ${now}: nothing written`);
  }
}
