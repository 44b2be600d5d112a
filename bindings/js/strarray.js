// StrArray and ChunkArray (SPEC §5): typed values in a one-scalar struct
// format over any bytes-like.
//
// Element access goes through a DataView: the module's cached heap view for
// a chunk (or a MemSlice on one), reached through the chunk's storage cell
// with no view made per call; a DataView over the buffer for foreign
// ArrayBuffers and their views. Searches (indexOf, count, ...) turn the
// value into its bytes and run the byte search with step = itemsize, so they
// use the C kernels. Size changes need a resizable buffer and are all or
// nothing.
import { slicePos, toIndex, toInt } from './args.js';
import { BASE, READ, WRITE, bytes, cellOf, dataViewInBounds, isDetached, toView } from './bytes.js';
import { Chunk } from './chunk.js';
import { NotFoundError, argError, describe } from './errors.js';
import { parseFormat } from './format.js';
import { arrayJSON, inspectArray, inspectCustom } from './inspect.js';
import { findAll, search } from './functions.js';
import { MemSlice } from './memslice.js';
import { registerDumpable } from './serial.js';
import { heapDV, heapView } from './wasm.js';

const disposeSymbol = Symbol.dispose ?? Symbol.for('Symbol.dispose');
const ownedOf = Symbol('ownedOf');
const countOf = Symbol('countOf');
const adopt = Symbol('adopt');
const scratch = new DataView(new ArrayBuffer(8)); // one value's bytes, encoded for searching

function iterableArg(values, fn, arg) {
  if (values === null || typeof values !== 'object' || typeof values[Symbol.iterator] !== 'function') {
    if (typeof values !== 'string') throw argError(TypeError, fn, arg, `must be an iterable of values, got ${describe(values)}`);
  }
  return values;
}

/** Fills u8[from, to) with `pattern` repeated, by doubling copies (memmove speed). */
function fillRegion(u8, from, to, pattern) {
  if (to <= from) return;
  const n = Math.min(pattern.length, to - from);
  u8.set(pattern.subarray(0, n), from);
  for (let done = n; done < to - from; done *= 2) u8.copyWithin(from + done, from, from + Math.min(done, to - from - done));
}

/** The current byte length of a foreign buffer or view; a TypeError once detached. */
function foreignLength(obj, fn) {
  let n;
  if (obj instanceof DataView) n = dataViewInBounds(obj) ? obj.byteLength : 0;
  else n = obj.byteLength;
  if (n === 0 && isDetached(ArrayBuffer.isView(obj) ? obj.buffer : obj)) throw argError(TypeError, fn, 'buffer', 'is a detached ArrayBuffer');
  return n;
}

export class StrArray {
  // The element fast paths read only these first fields: a chunk's cell, the
  // window's start in it, and the codec's size and accessors.
  #cell = null;
  #start = 0;
  #size = 0;
  #read = null;
  #write = null;
  #whole = true; // over a whole chunk (no MemSlice window)
  #stop = Infinity;
  #codec;
  #buffer;
  #owned = null; // the chunk this array made, freed by free()
  // Or a DataView over a foreign buffer, the window's offset in it and the
  // object (and slice window) whose length counts...
  #dv = null;
  #dvOff = 0;
  #lenObj = null;
  // ...or, for anything else (a read-only bytes object, a view of wasm
  // memory), the gate on every access. #rdv/#roff: the last region resolved.
  #rdv = null;
  #roff = 0;

  /**
   * @param {string} format one struct scalar: optional byte order (@ = < > !) and a code
   * @param {BytesLike} [buffer] any bytes-like but a string; a new Chunk by default
   */
  constructor(format, buffer) {
    this.#codec = parseFormat(format, new.target === ChunkArray ? 'ChunkArray' : 'StrArray');
    this.#size = this.#codec.size;
    this.#read = this.#codec.read;
    this.#write = this.#codec.write;
    if (buffer === undefined) {
      buffer = new Chunk();
      this.#owned = buffer;
    } else {
      toView(buffer, 'StrArray', 'buffer', BASE); // the type check, with the gate's messages
    }
    this.#buffer = buffer;
    this.#locate(buffer);
  }

  #locate(buffer) {
    let base = buffer;
    let start = 0;
    let stop = Infinity;
    if (buffer instanceof MemSlice) {
      base = buffer.base;
      start = buffer.start;
      stop = buffer.stop;
    }
    if (base[cellOf] !== undefined) {
      this.#cell = base[cellOf]('StrArray', 'buffer');
      this.#start = start;
      this.#stop = stop;
      this.#whole = base === buffer;
      return;
    }
    const tag = Object.prototype.toString.call(base);
    const plain = tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]';
    if (plain || ArrayBuffer.isView(base)) {
      const ab = plain ? base : base.buffer;
      if (ab === heapView().buffer) return; // a view of wasm memory: the generic path notices growth
      this.#dv = new DataView(ab); // length-tracking when the buffer is resizable
      this.#dvOff = (plain ? 0 : base.byteOffset) + start;
      this.#lenObj = base;
      this.#start = start;
      this.#stop = stop;
    }
  }

  /** Resolves the bytes now: sets #rdv/#roff and returns the byte length. */
  #region(fn, write) {
    const cell = this.#cell;
    if (cell !== null) {
      if (cell.freed) throw argError(TypeError, fn, 'buffer', 'is a freed Chunk');
      this.#rdv = heapView();
      this.#roff = cell.ptr + this.#start;
      return Math.max(0, Math.min(this.#stop, cell.len) - this.#start);
    }
    if (this.#dv !== null) {
      const n = foreignLength(this.#lenObj, fn);
      this.#rdv = this.#dv;
      this.#roff = this.#dvOff;
      return Math.max(0, Math.min(this.#stop, n) - this.#start);
    }
    const view = toView(this.#buffer, fn, 'buffer', write ? WRITE : BASE);
    this.#rdv = new DataView(view.buffer, view.byteOffset, view.byteLength);
    this.#roff = 0;
    return view.length;
  }

  /** The items' bytes now, as a Uint8Array (valid until the next allocation). */
  #itemBytes(fn, write) {
    const n = this.#region(fn, write);
    const len = n - (n % this.#codec.size);
    return new Uint8Array(this.#rdv.buffer, this.#rdv.byteOffset + this.#roff, len);
  }

  /** The format string as given. */
  get format() {
    return this.#codec.format;
  }

  /** Bytes per item. */
  get itemsize() {
    return this.#codec.size;
  }

  /** The wrapped object. */
  get buffer() {
    return this.#buffer;
  }

  /** Items: floor(bytes / itemsize). */
  get length() {
    return this.#count('StrArray.length');
  }

  /** The item count now; `fn` names the caller in errors. */
  #count(fn) {
    return Math.floor(this.#region(fn, false) / this.#codec.size);
  }

  [bytes](access) {
    return access === 'write' ? null : this.#itemBytes('StrArray[bytes]', false);
  }

  /** The value at `i` (negative from the end); RangeError out of range. */
  get(i) {
    const cell = this.#cell;
    if (cell !== null && typeof i === 'number' && (i >>> 0) === i && !cell.freed) {
      const off = this.#start + i * this.#size;
      if (off + this.#size <= (this.#whole ? cell.len : Math.min(this.#stop, cell.len))) return this.#read(heapDV, cell.ptr + off);
    }
    return this.#getSlow(i);
  }

  // Apart from get, so that get stays small enough for the engine to inline.
  #getSlow(i) {
    const codec = this.#codec;
    const n = Math.floor(this.#region('StrArray.get', false) / codec.size);
    return codec.read(this.#rdv, this.#roff + toIndex(i, n, 'StrArray.get') * codec.size);
  }

  /** Sets the value at `i`; a value that does not fit is a RangeError, a wrong type a TypeError; nothing written then. */
  set(i, value) {
    const codec = this.#codec;
    const stored = codec.check(value, 'StrArray.set', 'value');
    const cell = this.#cell;
    if (cell !== null && typeof i === 'number' && (i >>> 0) === i && !cell.freed) {
      const off = this.#start + i * this.#size;
      if (off + this.#size <= (this.#whole ? cell.len : Math.min(this.#stop, cell.len))) {
        this.#write(heapDV, cell.ptr + off, stored);
        return;
      }
    }
    this.#setSlow(i, stored);
  }

  #setSlow(i, stored) {
    const codec = this.#codec;
    const n = Math.floor(this.#region('StrArray.set', true) / codec.size);
    codec.write(this.#rdv, this.#roff + toIndex(i, n, 'StrArray.set') * codec.size, stored);
  }

  /** Like Array.prototype.at: undefined out of range. */
  at(i) {
    const n = this.#count('StrArray.at');
    let k = toInt(i, 'StrArray.at', 'index');
    if (k < 0) k += n;
    return k < 0 || k >= n ? undefined : this.get(k);
  }

  *[Symbol.iterator]() {
    for (let i = 0; i < this.#count('StrArray iterator'); i++) yield this.get(i);
  }

  /** Every value, as a JS array. */
  toArray() {
    const n = Math.floor(this.#region('StrArray.toArray', false) / this.#codec.size);
    const out = new Array(n);
    const { read, size } = this.#codec;
    for (let i = 0; i < n; i++) out[i] = read(this.#rdv, this.#roff + i * size);
    return out;
  }

  /** A copy in the platform's typed array (Int32Array, BigUint64Array, Float64Array, ...; 'e' gives Float32Array). */
  toTypedArray() {
    const codec = this.#codec;
    const u8 = this.#itemBytes('StrArray.toTypedArray', false);
    const n = u8.length / codec.size;
    // Little-endian integers and floats of the platform's width: one byte copy.
    if (codec.little && (codec.kind === 'int' || codec.kind === 'bigint' || (codec.kind === 'float' && codec.size > 2))) {
      return new codec.TypedArray(u8.slice().buffer, 0, n);
    }
    const out = new codec.TypedArray(n);
    const dv = this.#rdv;
    for (let i = 0; i < n; i++) {
      const v = codec.read(dv, this.#roff + i * codec.size);
      out[i] = typeof v === 'string' ? v.charCodeAt(0) : typeof v === 'boolean' ? +v : v;
    }
    return out;
  }

  /** The bytes of a value as searchable (exactly representable), or undefined. */
  #pattern(value) {
    const codec = this.#codec;
    const stored = codec.exact(value);
    if (stored === undefined) return undefined;
    codec.write(scratch, 0, stored);
    return new Uint8Array(scratch.buffer, 0, codec.size).slice();
  }

  /**
   * Positions (items) of `value` by the byte search with step = itemsize.
   * Float zeros are searched as +0 and -0 (=== equates them); '?' and NaN
   * are left to a value loop (bytes do not decide them).
   */
  #find(fn, value, start, stop, backward) {
    const codec = this.#codec;
    const n = this.#count(fn);
    const s = slicePos(start, n, fn, 'start', 0);
    const e = slicePos(stop, n, fn, 'stop', n);
    if (codec.kind === 'bool') {
      if (typeof value !== 'boolean') return -1;
      for (let i = backward ? e - 1 : s; backward ? i >= s : i < e; i += backward ? -1 : 1) if (this.get(i) === value) return i;
      return -1;
    }
    const patterns = this.#patterns(value);
    let best = -1;
    for (const p of patterns) {
      const at = search(fn, backward, this, p, s * codec.size, e * codec.size, codec.size);
      if (at >= 0 && (best < 0 || (backward ? at / codec.size > best : at / codec.size < best))) best = at / codec.size;
    }
    return best;
  }

  #patterns(value) {
    const p = this.#pattern(value);
    if (p === undefined) return [];
    if (this.#codec.kind === 'float' && value === 0) return [this.#pattern(0), this.#pattern(-0)];
    return [p];
  }

  /** The first index of `value` (===) in [start, stop), or -1. */
  indexOf(value, start, stop) {
    return this.#find('StrArray.indexOf', value, start, stop, false);
  }

  /** The last index of `value` (===) in [start, stop), or -1. */
  lastIndexOf(value, start, stop) {
    return this.#find('StrArray.lastIndexOf', value, start, stop, true);
  }

  /** Whether `value` is present (SameValueZero: NaN is found). */
  includes(value) {
    if (Number.isNaN(value) && this.#codec.kind === 'float') {
      for (const v of this) if (Number.isNaN(v)) return true;
      return false;
    }
    return this.#find('StrArray.includes', value, undefined, undefined, false) >= 0;
  }

  /** How many items are === `value`. */
  count(value) {
    const codec = this.#codec;
    if (codec.kind === 'bool') {
      let c = 0;
      for (const v of this) if (v === value) c++;
      return c;
    }
    let c = 0;
    const end = this.#count('StrArray.count') * codec.size;
    for (const p of this.#patterns(value)) for (const _ of findAll(this, p, 0, end, codec.size)) c++;
    return c;
  }

  /** Equal lengths and values (===) with another StrArray or any iterable of values. */
  equals(other) {
    if (other instanceof StrArray && other.#codec === this.#codec && ['int', 'bigint', 'char'].includes(this.#codec.kind)) {
      const a = this.#itemBytes('StrArray.equals', false);
      const b = other.#itemBytes('StrArray.equals', false);
      if (a.length !== b.length) return false;
      return search('StrArray.equals', false, a, b) === 0 || a.length === 0; // a equals b byte for byte
    }
    const values = [...iterableArg(other, 'StrArray.equals', 'other')];
    if (values.length !== this.#count('StrArray.equals')) return false;
    let i = 0;
    for (const v of this) if (v !== values[i++]) return false;
    return true;
  }

  /** Reverses the items in place. */
  reverse() {
    const size = this.#codec.size;
    const u8 = this.#itemBytes('StrArray.reverse', true);
    const tmp = new Uint8Array(size);
    for (let i = 0, j = u8.length - size; i < j; i += size, j -= size) {
      tmp.set(u8.subarray(i, i + size));
      u8.copyWithin(i, j, j + size);
      u8.set(tmp, j);
    }
    return this;
  }

  /** Sets items [start, stop) to `value`. */
  fill(value, start, stop) {
    const codec = this.#codec;
    const stored = codec.check(value, 'StrArray.fill', 'value');
    const u8 = this.#itemBytes('StrArray.fill', true);
    const n = u8.length / codec.size;
    const s = slicePos(start, n, 'StrArray.fill', 'start', 0);
    const e = slicePos(stop, n, 'StrArray.fill', 'stop', n);
    codec.write(scratch, 0, stored);
    fillRegion(u8, s * codec.size, e * codec.size, new Uint8Array(scratch.buffer, 0, codec.size));
    return this;
  }

  /** Items [start, stop): by view over a MemSlice buffer, else a copy in a new Chunk. */
  slice(start, stop) {
    const size = this.#codec.size;
    const n = this.#count('StrArray.slice');
    const s = slicePos(start, n, 'StrArray.slice', 'start', 0);
    const e = Math.max(s, slicePos(stop, n, 'StrArray.slice', 'stop', n));
    if (this.#buffer instanceof MemSlice) return new StrArray(this.format, new MemSlice(this.#buffer, s * size, e * size));
    const items = this.#itemBytes('StrArray.slice', false).subarray(s * size, e * size);
    const out = this instanceof ChunkArray ? new ChunkArray(this.format) : new StrArray(this.format);
    out.#owned.resize(items.length); // may grow memory: `items` is copied first when it is in wasm
    const fresh = this.#itemBytes('StrArray.slice', false).subarray(s * size, e * size);
    out.#owned.bytes.set(fresh);
    return out;
  }

  // ---- size changes ----------------------------------------------------

  /** Resizes the buffer to n bytes, or a TypeError (nothing changed) when it cannot. */
  #resizeBytes(n, fn) {
    const buf = this.#buffer;
    if (buf instanceof Chunk) return buf.resize(n);
    if (buf instanceof ArrayBuffer && buf.resizable) {
      if (n > buf.maxByteLength) throw argError(RangeError, fn, 'buffer', `cannot grow past its maxByteLength (${buf.maxByteLength}) to ${n} bytes`);
      return buf.resize(n);
    }
    if (typeof SharedArrayBuffer !== 'undefined' && buf instanceof SharedArrayBuffer && buf.growable) {
      if (n < buf.byteLength) throw argError(TypeError, fn, 'buffer', 'is a growable SharedArrayBuffer: it can grow but not shrink');
      if (n > buf.maxByteLength) throw argError(RangeError, fn, 'buffer', `cannot grow past its maxByteLength (${buf.maxByteLength}) to ${n} bytes`);
      return buf.grow(n);
    }
    if (!(buf instanceof ArrayBuffer) && !ArrayBuffer.isView(buf) && typeof buf.resize === 'function') return buf.resize(n);
    throw argError(TypeError, fn, 'buffer', 'cannot change size (a Chunk or a resizable ArrayBuffer can)');
  }

  /** Whether the buffer can take this size change, checked before anything is written. */
  #checkResizable(fn, growing) {
    const buf = this.#buffer;
    if (buf instanceof Chunk) return buf[cellOf](fn, 'buffer');
    if (buf instanceof ArrayBuffer && buf.resizable) return;
    if (typeof SharedArrayBuffer !== 'undefined' && buf instanceof SharedArrayBuffer && buf.growable && growing) return;
    if (!(buf instanceof ArrayBuffer) && !(buf instanceof SharedArrayBuffer) && !ArrayBuffer.isView(buf) && !(buf instanceof MemSlice) && typeof buf.resize === 'function') return;
    if (buf instanceof SharedArrayBuffer && buf.growable) throw argError(TypeError, fn, 'buffer', 'is a growable SharedArrayBuffer: it can grow but not shrink');
    throw argError(TypeError, fn, 'buffer', 'cannot change size (a Chunk or a resizable ArrayBuffer can)');
  }

  /**
   * The one path of every size change: replaces `del` items at `s` with
   * `stored` (values already checked), moving the tail, and leaves the
   * buffer a whole number of items long.
   */
  #replace(fn, s, del, stored) {
    const codec = this.#codec;
    const size = codec.size;
    const byteLen = this.#region(fn, true);
    const n = Math.floor(byteLen / size);
    const newN = n - del + stored.length;
    this.#checkResizable(fn, newN * size > byteLen);
    const tail = (n - s - del) * size;
    if (newN * size > byteLen) this.#resizeBytes(newN * size, fn);
    let u8 = this.#itemBytes(fn, true);
    u8.copyWithin((s + stored.length) * size, (s + del) * size, (s + del) * size + tail);
    if (newN * size < byteLen) {
      this.#resizeBytes(newN * size, fn);
      u8 = this.#itemBytes(fn, true);
    }
    const dv = this.#rdv;
    for (let k = 0; k < stored.length; k++) codec.write(dv, this.#roff + (s + k) * size, stored[k]);
    return newN;
  }

  #checkAll(values, fn) {
    const codec = this.#codec;
    return Array.from(values, (v, k) => codec.check(v, fn, `values[${k}]`));
  }

  /** Appends values (all or nothing); returns the new length. Amortised over a chunk's growth. */
  push(value) {
    // One value onto a whole chunk with room: a check, a store and a length
    // change, no call into wasm and no rest array (arguments is read only
    // on the slow path).
    const cell = this.#cell;
    if (arguments.length === 1 && cell !== null && this.#whole && !cell.freed) {
      const size = this.#size;
      const len = cell.len;
      if (len % size === 0 && len + size <= cell.cap) {
        const stored = this.#codec.check(value, 'StrArray.push', 'values[0]');
        this.#write(heapDV, cell.ptr + len, stored);
        cell.len = len + size;
        return (len + size) / size;
      }
    }
    const stored = this.#checkAll(Array.from(arguments), 'StrArray.push');
    return this.#replace('StrArray.push', this.#count('StrArray.push'), 0, stored);
  }

  /** Appends the values of an iterable (a typed array counts as values). */
  extend(values) {
    const stored = this.#checkAll(iterableArg(values, 'StrArray.extend', 'values'), 'StrArray.extend');
    this.#replace('StrArray.extend', this.#count('StrArray.extend'), 0, stored);
    return this;
  }

  /** Python's `+=`: extend, returning this array. */
  iadd(values) {
    const stored = this.#checkAll(iterableArg(values, 'StrArray.iadd', 'values'), 'StrArray.iadd');
    this.#replace('StrArray.iadd', this.#count('StrArray.iadd'), 0, stored);
    return this;
  }

  /** Inserts before `i`, clamped like Python's list.insert. */
  insert(i, value) {
    const stored = this.#checkAll([value], 'StrArray.insert');
    const n = this.#count('StrArray.insert');
    let k = toInt(i, 'StrArray.insert', 'index');
    if (k < 0) k = Math.max(0, k + n);
    this.#replace('StrArray.insert', Math.min(k, n), 0, stored);
  }

  /** Removes and returns the item at `i` (default the last); RangeError when empty or out of range. */
  pop(i = -1) {
    const n = this.#count('StrArray.pop');
    this.#checkResizable('StrArray.pop', false);
    if (n === 0) throw new RangeError('StrArray.pop(): pop from an empty array');
    const k = toIndex(i, n, 'StrArray.pop');
    const value = this.get(k);
    this.#replace('StrArray.pop', k, 1, []);
    return value;
  }

  /** Removes the first item === `value`; NotFoundError when there is none. */
  remove(value) {
    this.#checkResizable('StrArray.remove', false);
    const k = this.indexOf(value);
    if (k < 0) throw new NotFoundError(`StrArray.remove(): ${describe(value)} is not in the array`);
    this.#replace('StrArray.remove', k, 1, []);
  }

  /** Like Array.prototype.splice: removes `deleteCount` items at `start`, inserts `items`, returns the removed values. */
  splice(start, deleteCount, ...items) {
    const n = this.#count('StrArray.splice');
    const s = slicePos(start, n, 'StrArray.splice', 'start', 0);
    const del = Math.min(Math.max(toInt(deleteCount, 'StrArray.splice', 'deleteCount', n - s), 0), n - s);
    const stored = this.#checkAll(items, 'StrArray.splice');
    this.#checkResizable('StrArray.splice', stored.length > del);
    const removed = [];
    for (let k = s; k < s + del; k++) removed.push(this.get(k));
    this.#replace('StrArray.splice', s, del, stored);
    return removed;
  }

  /** Python's a[start:stop] = values. */
  setSlice(start, stop, values) {
    const n = this.#count('StrArray.setSlice');
    const s = slicePos(start, n, 'StrArray.setSlice', 'start', 0);
    const e = Math.max(s, slicePos(stop, n, 'StrArray.setSlice', 'stop', n));
    const stored = this.#checkAll(iterableArg(values, 'StrArray.setSlice', 'values'), 'StrArray.setSlice');
    this.#replace('StrArray.setSlice', s, e - s, stored);
  }

  /** Removes every item. */
  clear() {
    this.#replace('StrArray.clear', 0, this.#count('StrArray.clear'), []);
  }

  /** Python's `*=`: the items repeated n times in place (n = 0 clears). */
  imul(n) {
    const count = toInt(n, 'StrArray.imul', 'n');
    if (count < 0) throw argError(RangeError, 'StrArray.imul', 'n', `must be >= 0, got ${count}`);
    const size = this.#codec.size;
    const len = this.#count('StrArray.imul') * size;
    this.#checkResizable('StrArray.imul', count > 1);
    if (len * count > 2 ** 31 - 1) throw argError(RangeError, 'StrArray.imul', 'n', `makes ${len * count} bytes, more than a buffer holds`);
    if (count === 0) return this.#replace('StrArray.imul', 0, this.#count('StrArray.imul'), []), this;
    this.#resizeBytes(len * count, 'StrArray.imul');
    const u8 = this.#itemBytes('StrArray.imul', true);
    fillRegion(u8, len, len * count, u8.slice(0, len));
    return this;
  }

  /** Frees the chunk this array made (a buffer you passed is left alone). */
  free() {
    this.#owned?.free();
  }

  [disposeSymbol]() {
    this.free();
  }

  get [Symbol.toStringTag]() {
    return this.constructor.name;
  }

  // Node's conventions (inspect.js): console.log shows the format and values,
  // JSON the values; Buffer.from(array) copies the bytes (it honours valueOf),
  // while iteration (new Uint8Array(a), [...a]) gives the values.
  [inspectCustom](depth, options, inspect) {
    return inspectArray(this, depth, options, inspect);
  }

  toJSON() {
    return arrayJSON(this);
  }

  /** A copy of the items' bytes: what Buffer.from(array) copies. */
  valueOf() {
    return this[bytes]('read').slice();
  }

  /** The item count, checked live for `fn` (module-internal: ChunkArray's methods). */
  static [countOf](a, fn) {
    return a.#count(fn);
  }

  /** The chunk an array made for itself (module-internal). */
  static [ownedOf](a) {
    return a.#owned;
  }

  /** Makes `chunk` the array's own buffer (module-internal: fromBytes, concat, loads). */
  static [adopt](a, chunk) {
    a.#owned = chunk;
    a.#buffer = chunk;
    a.#cell = null;
    a.#dv = null;
    a.#locate(chunk);
  }
}

export class ChunkArray extends StrArray {
  /**
   * A StrArray over a new Chunk, filled from an iterable of values (a typed
   * array counts as values, never as raw bytes).
   * @param {string} format
   * @param {Iterable<any>} [values]
   */
  constructor(format, values) {
    super(format);
    if (values !== undefined) {
      try {
        iterableArg(values, 'ChunkArray', 'values');
        this.extend(values);
      } catch (e) {
        this.free();
        throw e instanceof Error ? new e.constructor(e.message.replace('StrArray.extend()', 'ChunkArray()')) : e;
      }
    }
  }

  /** A ChunkArray holding a copy of raw bytes. */
  static fromBytes(format, data) {
    const a = new ChunkArray(format);
    const chunk = StrArray[ownedOf](a);
    try {
      const src = new Chunk(toView(data, 'ChunkArray.fromBytes', 'data', READ));
      chunk.free();
      StrArray[adopt](a, src);
    } catch (e) {
      a.free();
      throw e;
    }
    return a;
  }

  /** Python's `+`: a new ChunkArray of this array's items then `other`'s (a StrArray or an iterable of values). */
  concat(other) {
    StrArray[countOf](this, 'ChunkArray.concat'); // a freed array says so, in this method's name
    const out = ChunkArray.fromBytes(this.format, this);
    try {
      if (other instanceof StrArray && other.format === this.format) {
        const chunk = StrArray[ownedOf](out);
        const joined = chunk.concat(other);
        chunk.free();
        StrArray[adopt](out, joined);
      } else {
        out.extend(iterableArg(other, 'ChunkArray.concat', 'other'));
      }
    } catch (e) {
      out.free();
      throw e;
    }
    return out;
  }

  /** Python's `*`: a new ChunkArray of the items repeated n times. */
  repeat(n) {
    const count = toInt(n, 'ChunkArray.repeat', 'n');
    if (count < 0) throw argError(RangeError, 'ChunkArray.repeat', 'n', `must be >= 0, got ${count}`);
    StrArray[countOf](this, 'ChunkArray.repeat');
    const out = ChunkArray.fromBytes(this.format, this);
    try {
      out.imul(count);
    } catch (e) {
      out.free();
      throw e;
    }
    return out;
  }
}

registerDumpable({
  tags: [6, 7],
  test: (v) => v instanceof StrArray,
  write(w, v, depth) {
    if (v instanceof ChunkArray) {
      w.byte(7);
      w.ascii(v.format);
      w.base(StrArray[ownedOf](v), 1);
      StrArray[ownedOf](v)[cellOf]('dumps', 'value');
      return;
    }
    w.byte(6);
    w.ascii(v.format);
    w.value(v.buffer, depth + 1);
  },
  read(r, tag, depth) {
    const format = r.ascii();
    try {
      parseFormat(format, 'loads');
    } catch {
      throw r.fail(`a bad format ${JSON.stringify(format)}`);
    }
    if (tag === 7) {
      const chunk = r.object(r.baseIndex(1));
      const a = new ChunkArray(format);
      a.free();
      StrArray[adopt](a, chunk);
      return a;
    }
    const at = r.at;
    const buffer = r.value(depth + 1);
    if (Array.isArray(buffer)) {
      r.at = at;
      throw r.fail('a StrArray over an array');
    }
    return new StrArray(format, buffer);
  },
});
