// StrArray (SPEC §5): typed values in a struct format over any bytes-like.
//
// Where the bytes are comes from a Region (region.js), made once; element
// access takes a per-format prototype (access.js) whose get/set/push are
// monomorphic with the DataView call inlined, and falls back to the generic
// methods here for everything else. Searches (indexOf, count, ...) turn the
// value into its bytes and run the byte search with step = itemsize, so they
// use the C kernels. Size changes need a resizable buffer and are all or
// nothing.
import { slicePos, toIndex, toInt } from './args.js';
import { BASE, WRITE, bytes, toView } from './bytes.js';
import { Chunk } from './chunk.js';
import { HOT, getSlow, protoFor, pushSlow, setSlow } from './access.js';
import { NotFoundError, argError, describe } from './errors.js';
import { compile } from './format.js';
import { findAll, search } from './functions.js';
import { MemSlice } from './memslice.js';
import { Region, regionOf, writableOf } from './region.js';
import { itemCodec } from './records.js';
import { heap, heapDV, wasmBuffer } from './wasm.js';

const disposeSymbol = Symbol.dispose ?? Symbol.for('Symbol.dispose');
/** Package-internal (chunkarray.js, serial.js): the chunk an array made and owns. */
export const ownedOf = Symbol('wasm-mem.owned');
/** Package-internal: makes a chunk the array's own buffer (fromBytes, concat, loads). */
export const adopt = Symbol('wasm-mem.adopt');
/** Package-internal: the item count, with errors naming the caller. */
export const countOf = Symbol('wasm-mem.countOf');
/** Package-internal: extend, with errors naming the caller (the ChunkArray constructor). */
export const appendAs = Symbol('wasm-mem.appendAs');

export function iterableArg(values, fn, arg) {
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

/** The region of a StrArray's buffer: a MemSlice's window, or the whole object. */
function regionFor(buffer, fn) {
  if (buffer instanceof MemSlice) {
    const r = buffer[regionOf]();
    return new Region(r.obj, r.start, r.stop, fn, 'buffer');
  }
  return new Region(buffer, 0, Infinity, fn, 'buffer', true);
}

export class StrArray {
  #layout;
  #item; // the scalar accessor, or the record codec (records.js)
  #buffer;
  #owned = null; // the chunk this array made, freed by free()

  /**
   * @param {string} format a struct format (SPEC §5): a scalar such as '<i', or a record such as '<I4sHh'
   * @param {BytesLike} [buffer] any bytes-like but a string; a new Chunk by default
   * @param {{names?: string[]}} [options] names: one per value of a record format; items become objects
   */
  constructor(format, buffer, options) {
    const fn = new.target?.name === 'ChunkArray' ? 'ChunkArray' : 'StrArray';
    const layout = compile(format, fn);
    if (layout.size === 0) throw new TypeError(`${fn}(): format ${JSON.stringify(format)} has size 0: an item needs at least one byte`);
    this.#layout = layout;
    this.#item = itemCodec(layout, options, fn);
    if (buffer === undefined) {
      buffer = new Chunk();
      this.#owned = buffer;
    } else {
      toView(buffer, fn, 'buffer', BASE); // the type check, with the gate's messages
    }
    this.#buffer = buffer;
    Object.defineProperty(this, HOT, { value: regionFor(buffer, fn), writable: true });
    Object.setPrototypeOf(this, protoFor(new.target.prototype, layout.acc));
  }

  /** The format string as given. */
  get format() {
    return this.#layout.format;
  }

  /** Bytes per item. */
  get itemsize() {
    return this.#layout.size;
  }

  /** The wrapped object. */
  get buffer() {
    return this.#buffer;
  }

  /** Per value of an item: {name, code, offset, size} (name undefined without names). */
  get fields() {
    this[HOT].total('StrArray.fields'); // a freed or detached buffer says so, like every member
    const names = this.#item.names ?? [];
    return this.#layout.fields.map((f, k) => ({ name: names[k], code: f.code, offset: f.offset, size: f.size }));
  }

  /** Items: floor(bytes / itemsize). */
  get length() {
    return this.#count('StrArray.length');
  }

  /** The item count now; `fn` names the caller in errors. */
  #count(fn) {
    return Math.floor(this[HOT].length(fn) / this.#layout.size);
  }

  /** [DataView, offset of item 0, item count] now. */
  #typed(fn, write = false) {
    const [dv, off, n] = this[HOT].typed(fn, heapDV, write);
    return [dv, off, Math.floor(n / this.#layout.size)];
  }

  /** The items' bytes now (valid until the next allocation). */
  #itemBytes(fn, write = false) {
    const v = this[HOT].view(fn, write);
    return v.subarray(0, v.length - (v.length % this.#layout.size));
  }

  [bytes](access) {
    if (access === 'write' && !this[HOT].writable) return null;
    return this.#itemBytes('StrArray[bytes]', access === 'write');
  }

  [writableOf]() {
    return this[HOT].writable;
  }

  /** The value (or record) at `i` (negative from the end); RangeError out of range. */
  get(i) {
    return this[getSlow](i);
  }

  [getSlow](i) {
    const [dv, off, n] = this.#typed('StrArray.get');
    return this.#item.read(dv, off + toIndex(i, n, 'StrArray.get') * this.#layout.size);
  }

  /** Sets the value at `i`; a value that does not fit is a RangeError, a wrong type a TypeError; nothing written then. */
  set(i, value) {
    this[setSlow](i, value);
  }

  [setSlow](i, value) {
    const stored = this.#item.check(value, 'StrArray.set', 'value');
    if (!this[HOT].writable) throw argError(TypeError, 'StrArray.set', 'buffer', 'is read-only');
    const [dv, off, n] = this.#typed('StrArray.set', true);
    this.#item.write(dv, off + toIndex(i, n, 'StrArray.set') * this.#layout.size, stored);
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
    const [dv, off, n] = this.#typed('StrArray.toArray');
    const out = new Array(n);
    const size = this.#layout.size;
    const item = this.#item;
    for (let i = 0; i < n; i++) out[i] = item.read(dv, off + i * size);
    return out;
  }

  /** A copy in the platform's typed array (Int32Array, BigUint64Array, Float64Array, ...; 'e' gives Float32Array). */
  toTypedArray() {
    const acc = this.#layout.acc;
    if (acc === null) throw new TypeError(`StrArray.toTypedArray(): format ${JSON.stringify(this.format)} is a record format; use column() for one value`);
    const u8 = this.#itemBytes('StrArray.toTypedArray');
    const n = u8.length / acc.size;
    // Little-endian integers and floats of the platform's width: one byte copy.
    if (acc.little && (acc.kind === 'int' || acc.kind === 'bigint' || (acc.kind === 'float' && acc.size > 2))) {
      return new acc.TypedArray(u8.slice().buffer, 0, n);
    }
    const out = new acc.TypedArray(n);
    const [dv, off] = this.#typed('StrArray.toTypedArray');
    for (let i = 0; i < n; i++) {
      const v = acc.read(dv, off + i * acc.size);
      out[i] = typeof v === 'string' ? v.charCodeAt(0) : typeof v === 'boolean' ? +v : v;
    }
    return out;
  }

  /**
   * Positions (items) of `value` by the byte search with step = itemsize.
   * Float zeros are searched as +0 and -0 (=== equates them); values whose
   * bytes do not decide equality ('?', records with pad bytes) take a value loop.
   */
  #find(fn, value, start, stop, backward) {
    const size = this.#layout.size;
    const n = this.#count(fn);
    const s = slicePos(start, n, fn, 'start', 0);
    const e = slicePos(stop, n, fn, 'stop', n);
    const patterns = this.#item.patterns(value);
    if (patterns === null) {
      for (let i = backward ? e - 1 : s; backward ? i >= s : i < e; i += backward ? -1 : 1) if (this.#item.equal(this.get(i), value)) return i;
      return -1;
    }
    let best = -1;
    for (const p of patterns) {
      const at = search(fn, backward, this, p, s * size, e * size, size);
      if (at >= 0 && (best < 0 || (backward ? at / size > best : at / size < best))) best = at / size;
    }
    return best;
  }

  /** The first index of `value` (===; records: equal values) in [start, stop), or -1. */
  indexOf(value, start, stop) {
    return this.#find('StrArray.indexOf', value, start, stop, false);
  }

  /** The last index of `value` in [start, stop), or -1. */
  lastIndexOf(value, start, stop) {
    return this.#find('StrArray.lastIndexOf', value, start, stop, true);
  }

  /** Whether `value` is present (SameValueZero: NaN is found). */
  includes(value) {
    if (Number.isNaN(value) && this.#item.kind === 'float') {
      for (const v of this) if (Number.isNaN(v)) return true;
      return false;
    }
    return this.#find('StrArray.includes', value, undefined, undefined, false) >= 0;
  }

  /** How many items equal `value`. */
  count(value) {
    const size = this.#layout.size;
    const patterns = this.#item.patterns(value);
    let c = 0;
    if (patterns === null) {
      for (const v of this) if (this.#item.equal(v, value)) c++;
      return c;
    }
    const end = this.#count('StrArray.count') * size;
    for (const p of patterns) for (const _ of findAll(this, p, 0, end, size)) c++;
    return c;
  }

  /** Equal lengths and values with another StrArray or any iterable of values. */
  equals(other) {
    if (other instanceof StrArray && other.#item === this.#item && this.#item.bytesDecide) {
      const a = this.#itemBytes('StrArray.equals');
      const b = other.#itemBytes('StrArray.equals');
      return a.length === b.length && (a.length === 0 || search('StrArray.equals', false, a, b) === 0);
    }
    const values = [...iterableArg(other, 'StrArray.equals', 'other')];
    if (values.length !== this.#count('StrArray.equals')) return false;
    let i = 0;
    for (const v of this) if (!this.#item.equal(v, values[i++])) return false;
    return true;
  }

  /** Reverses the items in place. */
  reverse() {
    const size = this.#layout.size;
    const u8 = this.#writableBytes('StrArray.reverse');
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
    const size = this.#layout.size;
    const packed = this.#item.pack(this.#item.check(value, 'StrArray.fill', 'value'));
    const u8 = this.#writableBytes('StrArray.fill');
    const n = u8.length / size;
    const s = slicePos(start, n, 'StrArray.fill', 'start', 0);
    const e = slicePos(stop, n, 'StrArray.fill', 'stop', n);
    fillRegion(u8, s * size, e * size, packed);
    return this;
  }

  #writableBytes(fn) {
    if (!this[HOT].writable) throw argError(TypeError, fn, 'buffer', 'is read-only');
    return this.#itemBytes(fn, true);
  }

  /** Items [start, stop): by view over a MemSlice buffer, else a copy in a new Chunk. */
  slice(start, stop) {
    const size = this.#layout.size;
    const n = this.#count('StrArray.slice');
    const s = slicePos(start, n, 'StrArray.slice', 'start', 0);
    const e = Math.max(s, slicePos(stop, n, 'StrArray.slice', 'stop', n));
    const options = this.#item.names ? { names: this.#item.names } : undefined;
    if (this.#buffer instanceof MemSlice) return new StrArray(this.format, new MemSlice(this.#buffer, s * size, e * size), options);
    const copy = new Chunk(this.#itemBytes('StrArray.slice').subarray(s * size, e * size));
    const out = new this.constructor.Copy(this.format, undefined, options);
    out.#owned.free();
    out[adopt](copy);
    return out;
  }

  // ---- size changes ----------------------------------------------------

  /** The buffer's region when this array may change its size, else a TypeError (nothing changed). */
  #resizable(fn, growing) {
    const r = this[HOT];
    r.total(fn); // a freed or detached buffer says so first
    const how = r.whole ? r.resizable : null;
    if (how === 'both' || (how === 'grow' && growing)) return r;
    if (how === 'grow') throw argError(TypeError, fn, 'buffer', 'is a growable SharedArrayBuffer: it can grow but not shrink');
    throw argError(TypeError, fn, 'buffer', 'cannot change size (a Chunk or a resizable ArrayBuffer can)');
  }

  /**
   * The one path of every size change: replaces `del` items at `s` with
   * `stored` (values already checked), moving the tail, and leaves the
   * buffer a whole number of items long.
   */
  #replace(fn, s, del, stored) {
    const size = this.#layout.size;
    const r = this[HOT];
    const byteLen = r.length(fn);
    const n = Math.floor(byteLen / size);
    const newN = n - del + stored.length;
    this.#resizable(fn, newN * size > byteLen);
    const tail = (n - s - del) * size;
    if (newN * size > byteLen) r.resize(newN * size, fn);
    this.#itemBytes(fn, true).copyWithin((s + stored.length) * size, (s + del) * size, (s + del) * size + tail);
    if (newN * size < byteLen) r.resize(newN * size, fn);
    const [dv, off] = this.#typed(fn, true);
    for (let k = 0; k < stored.length; k++) this.#item.write(dv, off + (s + k) * size, stored[k]);
    return newN;
  }

  #checkAll(values, fn) {
    const item = this.#item;
    return Array.from(values, (v, k) => item.check(v, fn, `values[${k}]`));
  }

  /** Appends values (all or nothing); returns the new length. Amortised over a chunk's growth. */
  push(...values) {
    return this[pushSlow](values);
  }

  [pushSlow](values) {
    const stored = this.#checkAll(values, 'StrArray.push');
    return this.#replace('StrArray.push', this.#count('StrArray.push'), 0, stored);
  }

  /**
   * Appends the values of an iterable. A typed array of the format's own
   * element type on a chunk is one bulk copy (byte-swapped for the other
   * order); anything else is checked whole first, so all or nothing.
   */
  extend(values) {
    this.#append(iterableArg(values, 'StrArray.extend', 'values'), 'StrArray.extend');
    return this;
  }

  #append(values, fn) {
    const acc = this.#layout.acc;
    if (acc !== null && acc.bulk !== null && values instanceof acc.bulk) {
      const src = values.buffer === wasmBuffer() ? values.slice() : values; // growth would detach it
      const p = this[HOT].append(src.byteLength, fn, acc.size);
      if (p >= 0) {
        if (acc.little) heap().set(new Uint8Array(src.buffer, src.byteOffset, src.byteLength), p);
        else for (let k = 0; k < src.length; k++) acc.write(heapDV, p + k * acc.size, src[k]);
        return;
      }
    }
    const stored = this.#checkAll(values, fn);
    this.#replace(fn, this.#count(fn), 0, stored);
  }

  [countOf](fn) {
    return this.#count(fn);
  }

  [appendAs](values, fn) {
    this.#append(iterableArg(values, fn, 'values'), fn);
  }

  /** Python's `+=`: extend, returning this array. */
  iadd(values) {
    this.#append(iterableArg(values, 'StrArray.iadd', 'values'), 'StrArray.iadd');
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
    this.#resizable('StrArray.pop', false);
    if (n === 0) throw new RangeError('StrArray.pop(): pop from an empty array');
    const k = toIndex(i, n, 'StrArray.pop');
    const value = this.get(k);
    this.#replace('StrArray.pop', k, 1, []);
    return value;
  }

  /** Removes the first item equal to `value`; NotFoundError when there is none. */
  remove(value) {
    this.#resizable('StrArray.remove', false);
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
    this.#resizable('StrArray.splice', stored.length > del);
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
    const len = this.#count('StrArray.imul') * this.#layout.size;
    const r = this.#resizable('StrArray.imul', count > 1);
    if (len * count > 2 ** 31 - 1) throw argError(RangeError, 'StrArray.imul', 'n', `makes ${len * count} bytes, more than a buffer holds`);
    if (count === 0) return this.#replace('StrArray.imul', 0, this.#count('StrArray.imul'), []), this;
    r.resize(len * count, 'StrArray.imul');
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

  [ownedOf]() {
    return this.#owned;
  }

  [adopt](chunk) {
    this.#owned = chunk;
    this.#buffer = chunk;
    this[HOT] = regionFor(chunk, 'StrArray');
  }

  /** The class `slice` copies into (ChunkArray overrides it). */
  static get Copy() {
    return StrArray;
  }
}
