// StrArray (SPEC §5): typed values in a struct format over any bytes-like.
//
// Where the bytes are comes from a Region (region.js), made once; element
// access takes a per-format prototype (access.js) whose get/set/push are
// monomorphic with the DataView call inlined, and falls back to the generic
// methods here for everything else. Searches (indexOf, count, ...) turn the
// value into its bytes and run the byte search with step = itemsize, so they
// use the C kernels. Size changes need a resizable buffer and are all or
// nothing.
import { slicePos, toIndex, toInt } from '../core/args.js';
import { BASE, bytes, toView } from '../core/bytes.js';
import { Chunk } from '../chunk.js';
import { elementProto } from './access.js';
import { argError, describe } from '../core/errors.js';
import { compile } from '../struct/format.js';
import { search } from '../search/functions.js';
import { arrayJSON, inspectArray, inspectCustom } from '../core/inspect.js';
import { MemSlice } from '../memslice.js';
import { Region } from '../core/region.js';
import { columnOf, geometry } from './geometry.js';
import { itemCodec } from '../struct/records.js';
import { defineSizeMethods } from './resize.js';
import { countItems, fillItems, findItem, gatherItems, iterableArg, reverseItems, typedCopy } from './sequence.js';
import { arrayInternals, disposeSymbol, getSlow, registerArray, setSlow, sliceRegion } from '../core/internal.js';
import { stampFast } from './access-table.js';
import { stampRecord } from './record-get.js';
import { gatherArray, gatherTyped } from './bulk.js';

/** The region of a StrArray's buffer: a MemSlice's window, or the whole object. */
function regionFor(buffer, fn) {
  const r = sliceRegion(buffer);
  if (r !== undefined) {
    return new Region(r.obj, r.start, r.stop, fn, 'buffer');
  }
  return new Region(buffer, 0, Infinity, fn, 'buffer', true);
}

/** The chunk the next StrArray made without a buffer takes as its own (arrayOver). */
let handedOver = null;
/** The chunks an array took from arrayOver as its own (the rest are freed by arrayOver). */
const adopted = new WeakSet();

/**
 * `make()` constructs a StrArray (or subclass) that owns `chunk` (already
 * filled: slice, ChunkArray.fromBytes and concat, loads) instead of a new
 * empty chunk. The chunk is the array's from then on; when `make()` throws
 * before an array took it, or an array was given a buffer instead, the chunk
 * is freed and the error passes through (a TypeError when `make()` made
 * anything but an array over the chunk). An arrayOver inside `make()` (a
 * subclass's constructor making copies) hands over its own chunk.
 */
function arrayOver(make, chunk) {
  const outer = handedOver;
  handedOver = chunk;
  let out;
  try {
    out = make();
  } finally {
    handedOver = outer;
    if (!adopted.has(chunk)) chunk.free();
  }
  if (arrayInternals(out)?.owned !== chunk) {
    throw new TypeError(`StrArray: the class that copies are made in gave ${describe(out)}, not a StrArray over the copy`);
  }
  return out;
}

export class StrArray {
  static {
    defineSizeMethods(StrArray.prototype); // push, extend, insert, pop, remove, splice, setSlice, clear, imul, iadd
    // How the package knows a StrArray (core/internal.js): by its private fields.
    registerArray({
      internals: (v) => (v !== null && typeof v === 'object' && #layout in v ? v.#internals() : undefined),
      over: arrayOver,
    });
  }

  // The array's own state, these fields only: resize.js and dumps ask for it
  // through arrayInternals (core/internal.js); the element fast paths read
  // what stampFast (access-table.js) gave them when the array was made.
  #layout;
  #item; // the item codec (struct/records.js): a scalar value codec, or a record codec
  // Where items lie in the buffer's bytes: item k's first byte is at
  // origin + k * stride + lead, and an item counts when the `span` bytes
  // from origin + k * stride are all there (a column counts whole records).
  #geo;
  #buffer;
  #owned = null; // the chunk this array made, freed by free()
  #region; // where the buffer's bytes are (core/region.js)

  /**
   * @param {string} format a struct format (SPEC §5): a scalar such as '<i', or a record such as '<I4sHh'
   * @param {BytesLike} [buffer] any bytes-like but a string; a new Chunk by default
   * @param {{names?: string[], strings?: string, int64?: string, offset?: number, stride?: number, length?: number}} [options]
   *   names: one per value of a record format (items become objects); strings ('latin1', 'utf-8'): s/p
   *   values read as strings; int64 ('number'): q/Q read as numbers (RangeError beyond ±(2^53 - 1));
   *   offset: bytes before item 0; stride: bytes from one item to the next (at least itemsize); length:
   *   at most that many items. An offset, strided or length-bound array cannot change size.
   */
  constructor(format, buffer, options) {
    // A chunk handed over by arrayOver, taken before any user code (options' getters) runs.
    const given = handedOver;
    handedOver = null;
    const fn = new.target?.name === 'ChunkArray' ? 'ChunkArray' : 'StrArray';
    const layout = compile(format, fn);
    if (layout.size === 0) throw new TypeError(`${fn}(): format ${layout.quoted} has size 0: an item needs at least one byte`);
    this.#layout = layout;
    this.#item = itemCodec(layout, options, fn);
    this.#geo = geometry(options, layout.size, fn);
    if (buffer === undefined) {
      buffer = given ?? new Chunk();
      this.#owned = buffer;
      if (given !== null) adopted.add(given);
    } else {
      toView(buffer, fn, 'buffer', BASE); // the type check, with the gate's messages
    }
    this.#buffer = buffer;
    const region = regionFor(buffer, fn);
    this.#region = region;
    const fast = this.#geo.plain && !this.#item.converts;
    stampFast(this, region, this.#item, fast);
    if (layout.acc === null) stampRecord(this, region, this.#item, fast);
    // Items read converted (options.strings, int64) take the generic get, which names the index in errors.
    Object.setPrototypeOf(this, elementProto(new.target.prototype, layout.acc, region, fast, layout.acc === null ? layout.slot : -1));
  }

  /** Bytes before item 0 in the buffer. */
  get offset() {
    this.#region.total('StrArray.offset');
    return this.#geo.origin + this.#geo.lead;
  }

  /** Bytes from one item to the next. */
  get stride() {
    this.#region.total('StrArray.stride');
    return this.#geo.stride;
  }

  /**
   * A live StrArray view of one value of every record (by name or position):
   * the field's own format, stride = the record stride, over the same buffer.
   */
  column(field) {
    this.#region.total('StrArray.column');
    const { format, options } = columnOf(this.#layout, this.#item.options, this.#geo, field);
    return new StrArray(format, this.#buffer, options);
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
    this.#region.total('StrArray.fields'); // a freed or detached buffer says so, like every member
    const names = this.#item.names ?? [];
    return this.#layout.fields.map((f, k) => ({ name: names[k], code: f.code, offset: f.offset, size: f.size }));
  }

  /** Items: floor(bytes / itemsize). */
  get length() {
    return this.#count('StrArray.length');
  }

  /** The item count now; `fn` names the caller in errors. */
  #count(fn) {
    return this.#countOf(this.#region.length(fn));
  }

  /** The item count of `n` bytes. (The buffer is asked once per call: a user's [bytes]() may move memory.) */
  #countOf(n) {
    const g = this.#geo;
    if (g.plain) return Math.floor(n / g.stride);
    return n >= g.origin + g.span ? Math.min(g.limit, Math.floor((n - g.origin - g.span) / g.stride) + 1) : 0;
  }

  /** [DataView, position of item 0 in it, item count] now; item k is `stride` bytes further per step. */
  #typed(fn, write = false) {
    const [dv, off, n] = this.#region.typed(fn, write);
    return [dv, off + this.#geo.origin + this.#geo.lead, this.#countOf(n)];
  }

  /** The items' bytes now, from item 0's first byte to the last item's last (valid until the next allocation). */
  #itemBytes(fn, write = false) {
    const v = this.#region.view(fn, write);
    const n = this.#countOf(v.length);
    const from = this.#geo.origin + this.#geo.lead;
    return n === 0 ? v.subarray(0, 0) : v.subarray(from, from + (n - 1) * this.#geo.stride + this.#layout.size);
  }

  [bytes](access) {
    if (access === 'write' && !this.#region.writable) return null;
    return this.#itemBytes('StrArray[bytes]', access === 'write');
  }

  /** The value (or record) at `i` (negative from the end); RangeError out of range. */
  get(i) {
    return this.#get(i);
  }

  /** The generic get the per-format fast paths fall back to. */
  [getSlow](i) {
    return this.#get(i);
  }

  #get(i) {
    const [dv, off, n] = this.#typed('StrArray.get');
    const k = toIndex(i, n, 'StrArray.get');
    return this.#item.read(dv, off + k * this.#geo.stride, k, 'StrArray.get');
  }

  /** Sets the value at `i`; a value that does not fit is a RangeError, a wrong type a TypeError; nothing written then. */
  set(i, value) {
    this.#set(i, value);
  }

  /** The generic set the per-format fast paths fall back to. */
  [setSlow](i, value) {
    this.#set(i, value);
  }

  #set(i, value) {
    const stored = this.#item.check(value, 'StrArray.set', 'value');
    if (!this.#region.writable) throw argError(TypeError, 'StrArray.set', 'buffer', 'is read-only');
    const [dv, off, n] = this.#typed('StrArray.set', true);
    this.#item.write(dv, off + toIndex(i, n, 'StrArray.set') * this.#geo.stride, stored);
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
    // Numbers and BigInts of a scalar format: one copy or gather into a typed array, then its values.
    const acc = this.#layout.acc;
    if (acc?.bulk != null && !this.#item.converts) {
      const src = this.#itemBytes('StrArray.toArray');
      return gatherArray(acc, src, this.#itemCount(src), this.#geo.stride);
    }
    const [dv, off, n] = this.#typed('StrArray.toArray');
    const out = new Array(n);
    const stride = this.#geo.stride;
    const item = this.#item;
    for (let i = 0; i < n; i++) out[i] = item.read(dv, off + i * stride, i, 'StrArray.toArray');
    return out;
  }

  /** A copy in the platform's typed array (Int32Array, BigUint64Array, Float64Array, ...; 'e' gives Float32Array). */
  toTypedArray() {
    const acc = this.#layout.acc;
    if (acc === null)
      throw new TypeError(`StrArray.toTypedArray(): format ${this.#layout.quoted} is a record format; use column() for one value`);
    const src = this.#itemBytes('StrArray.toTypedArray');
    // One copy or one gather (array/bulk.js); e and ? convert each value.
    return (
      gatherTyped(acc, src, this.#itemCount(src), this.#geo.stride) ??
      typedCopy(acc, this.#geo.stride, ...this.#typed('StrArray.toTypedArray'))
    );
  }

  #find(fn, value, start, stop, backward) {
    const n = this.#count(fn);
    return findItem(
      this,
      this.#item,
      this.#layout.size,
      this.#geo.stride,
      fn,
      value,
      slicePos(start, n, fn, 'start', 0),
      slicePos(stop, n, fn, 'stop', n),
      backward,
    );
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
    return countItems(this, this.#item, this.#layout.size, this.#geo.stride, value, this.#count('StrArray.count'));
  }

  /** Equal lengths and values with another StrArray or any iterable of values. */
  equals(other) {
    if (other instanceof StrArray && other.#item === this.#item && this.#item.bytesDecide && this.#geo.plain && other.#geo.plain) {
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
    const u8 = this.#writableBytes('StrArray.reverse');
    reverseItems(u8, this.#layout.size, this.#geo.stride, this.#itemCount(u8));
    return this;
  }

  /** Sets items [start, stop) to `value`. */
  fill(value, start, stop) {
    const packed = this.#item.pack(this.#item.check(value, 'StrArray.fill', 'value'));
    const u8 = this.#writableBytes('StrArray.fill');
    const n = this.#itemCount(u8);
    fillItems(u8, this.#geo.stride, packed, slicePos(start, n, 'StrArray.fill', 'start', 0), slicePos(stop, n, 'StrArray.fill', 'stop', n));
    return this;
  }

  #writableBytes(fn) {
    if (!this.#region.writable) throw argError(TypeError, fn, 'buffer', 'is read-only');
    return this.#itemBytes(fn, true);
  }

  /** The item count of what #itemBytes returned. */
  #itemCount(u8) {
    return u8.length === 0 ? 0 : (u8.length - this.#layout.size) / this.#geo.stride + 1;
  }

  /** Items [start, stop): by view over a MemSlice buffer, else a copy in a new Chunk (a strided array: its items packed). */
  slice(start, stop) {
    const size = this.#layout.size;
    const n = this.#count('StrArray.slice');
    const s = slicePos(start, n, 'StrArray.slice', 'start', 0);
    const e = Math.max(s, slicePos(stop, n, 'StrArray.slice', 'stop', n));
    const options = this.#item.options;
    if (sliceRegion(this.#buffer) !== undefined && this.#geo.plain)
      return new StrArray(this.format, new MemSlice(this.#buffer, s * size, e * size), options);
    const copy = new Chunk(gatherItems(this.#itemBytes('StrArray.slice'), size, this.#geo.stride, s, e));
    return arrayOver(() => new this.constructor.Copy(this.format, undefined, options), copy);
  }

  /** What resize.js and dumps need of this array (arrayInternals). */
  #internals() {
    return {
      region: this.#region,
      buffer: this.#buffer,
      layout: this.#layout,
      item: this.#item,
      geo: this.#geo,
      owned: this.#owned,
      count: (fn) => this.#count(fn),
    };
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

  /** The class `slice` copies into (ChunkArray overrides it). */
  static get Copy() {
    return StrArray;
  }
}
