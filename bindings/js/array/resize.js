// StrArray's size changes (SPEC §5): every one goes through `replace`, which
// asks the array's Region whether and how its buffer can change size, and is
// all or nothing (values are checked before anything is written). Appends to
// a chunk go through the chunk's own verb (Region#append → Chunk[extendBy]).
import { MAX_CHUNK } from '../chunk.js';
import { slicePos, toIndex, toInt } from '../core/args.js';
import { NotFoundError, argError, describe } from '../core/errors.js';
import { fillRegion, iterableArg } from './sequence.js';
import { core, heap, wasmBuffer } from '../core/wasm.js';
import { arrayInternals, pushSlow, viewParts } from '../core/internal.js';

/** Whole items now. */
function count(arr, st, fn) {
  return Math.floor(st.region.length(fn) / st.layout.size);
}

/** The items' bytes now, writable (valid until the next allocation). */
function itemBytes(arr, st, fn) {
  const v = st.region.view(fn, true);
  return v.subarray(0, v.length - (v.length % st.layout.size));
}

/** The Region when this array may change size, else a TypeError (nothing changed). */
function resizable(arr, st, fn, growing) {
  const r = st.region;
  r.total(fn); // a freed or detached buffer says so first
  if (!st.geo.plain) throw argError(TypeError, fn, 'this', 'is an offset, strided or length-bound view: it cannot change size');
  r.checkResize(fn, growing, r.whole ? r.resizable : null);
  return r;
}

/**
 * The one path of every size change: replaces `del` items at `s` with
 * `stored` (values already checked), moving the tail, and leaves the buffer
 * a whole number of items long. Returns the new length.
 */
function replace(arr, st, fn, s, del, stored) {
  const size = st.layout.size;
  const r = st.region;
  const byteLen = r.length(fn);
  const n = Math.floor(byteLen / size);
  const newN = n - del + stored.length;
  resizable(arr, st, fn, newN * size > byteLen);
  const tail = (n - s - del) * size;
  if (newN * size > byteLen) r.resize(newN * size, fn);
  itemBytes(arr, st, fn).copyWithin((s + stored.length) * size, (s + del) * size, (s + del) * size + tail);
  if (newN * size < byteLen) r.resize(newN * size, fn);
  // Measured again before a byte is written: the buffer's resize may be a user's method.
  const [dv, off, len] = r.typed(fn, true);
  if (len < newN * size) throw argError(RangeError, fn, 'buffer', `holds ${len} bytes after its resize to ${newN * size}: nothing written`);
  for (let k = 0; k < stored.length; k++) st.item.write(dv, off + (s + k) * size, stored[k]);
  return newN;
}

function checkAll(st, values, fn) {
  return Array.from(values, (v, k) => st.item.check(v, fn, `values[${k}]`));
}

function pushValues(arr, st, values) {
  return replace(arr, st, 'StrArray.push', count(arr, st, 'StrArray.push'), 0, checkAll(st, values, 'StrArray.push'));
}

/**
 * Appends an iterable of values. A typed array of the format's own element
 * type, onto a whole chunk, is one bulk copy (byte-swapped in place by
 * mem_gather for big-endian).
 */
function appendValues(arr, st, values, fn) {
  const acc = st.layout.acc;
  if (acc !== null && acc.bulk !== null && values instanceof acc.bulk) {
    // Its bytes through the built-in getters (a subclass may say another
    // length), copied when they are in wasm memory (growth would detach them).
    const parts = viewParts(values);
    const bytes = parts.buffer === wasmBuffer() && parts.bytes !== null ? parts.bytes.slice() : parts.bytes;
    const p = bytes === null ? -1 : st.region.append(bytes.byteLength, fn, acc.size);
    if (p >= 0) {
      heap().set(bytes, p);
      // Big-endian: the platform's bytes swapped where they now are, one kernel call (array/bulk.js's kernel).
      if (!acc.little && acc.size > 1) core.gather(p, acc.size, p, acc.size, bytes.byteLength / acc.size, acc.size, true);
      return;
    }
  }
  const stored = checkAll(st, values, fn);
  replace(arr, st, fn, count(arr, st, fn), 0, stored);
}

function insertValue(arr, st, i, value) {
  const stored = checkAll(st, [value], 'StrArray.insert');
  const n = count(arr, st, 'StrArray.insert');
  let k = toInt(i, 'StrArray.insert', 'index');
  if (k < 0) k = Math.max(0, k + n);
  replace(arr, st, 'StrArray.insert', Math.min(k, n), 0, stored);
}

function popItem(arr, st, i) {
  const n = count(arr, st, 'StrArray.pop');
  resizable(arr, st, 'StrArray.pop', false);
  if (n === 0) throw new RangeError('StrArray.pop(): pop from an empty array');
  const k = toIndex(i, n, 'StrArray.pop');
  const value = arr.get(k);
  replace(arr, st, 'StrArray.pop', k, 1, []);
  return value;
}

function removeValue(arr, st, value) {
  resizable(arr, st, 'StrArray.remove', false);
  const k = arr.indexOf(value);
  if (k < 0) throw new NotFoundError(`StrArray.remove(): ${describe(value)} is not in the array`);
  replace(arr, st, 'StrArray.remove', k, 1, []);
}

function spliceItems(arr, st, start, deleteCount, items) {
  const n = count(arr, st, 'StrArray.splice');
  const s = slicePos(start, n, 'StrArray.splice', 'start', 0);
  const del = Math.min(Math.max(toInt(deleteCount, 'StrArray.splice', 'deleteCount', n - s), 0), n - s);
  const stored = checkAll(st, items, 'StrArray.splice');
  resizable(arr, st, 'StrArray.splice', stored.length > del);
  const removed = [];
  for (let k = s; k < s + del; k++) removed.push(arr.get(k));
  replace(arr, st, 'StrArray.splice', s, del, stored);
  return removed;
}

function setSliceItems(arr, st, start, stop, values) {
  const n = count(arr, st, 'StrArray.setSlice');
  const s = slicePos(start, n, 'StrArray.setSlice', 'start', 0);
  const e = Math.max(s, slicePos(stop, n, 'StrArray.setSlice', 'stop', n));
  const stored = checkAll(st, iterableArg(values, 'StrArray.setSlice', 'values'), 'StrArray.setSlice');
  replace(arr, st, 'StrArray.setSlice', s, e - s, stored);
}

function clearItems(arr, st) {
  replace(arr, st, 'StrArray.clear', 0, count(arr, st, 'StrArray.clear'), []);
}

function imulItems(arr, st, n) {
  const times = toInt(n, 'StrArray.imul', 'n');
  if (times < 0) throw argError(RangeError, 'StrArray.imul', 'n', `must be >= 0, got ${times}`);
  const len = count(arr, st, 'StrArray.imul') * st.layout.size;
  const r = resizable(arr, st, 'StrArray.imul', times > 1);
  if (len * times > MAX_CHUNK) throw argError(RangeError, 'StrArray.imul', 'n', `makes ${len * times} bytes, more than a buffer holds`);
  if (times === 0) return void clearItems(arr, st);
  r.resize(len * times, 'StrArray.imul');
  const u8 = itemBytes(arr, st, 'StrArray.imul');
  fillRegion(u8, len, len * times, u8.slice(0, len));
}

/** A StrArray's internals (core/internal.js), or a TypeError naming `fn` for any other `this` (a Proxy of an array is none). */
export function internalsOf(arr, fn) {
  const st = arrayInternals(arr);
  if (st === undefined) throw new TypeError(`${fn}(): this is not a StrArray`);
  return st;
}

/** extend, with errors naming `fn` (the ChunkArray constructor). */
export function extendAs(arr, values, fn) {
  appendValues(arr, internalsOf(arr, fn), iterableArg(values, fn, 'values'), fn);
}

/**
 * Defines StrArray's size-changing methods on `proto` (not enumerable, as
 * class methods are): each checks and converts its arguments, then takes the
 * one path above. The per-format prototypes of access.js override `push` for
 * one value onto a chunk.
 */
export function defineSizeMethods(proto) {
  for (const key of Reflect.ownKeys(sizeMethods)) {
    Object.defineProperty(proto, key, { value: sizeMethods[key], writable: true, configurable: true });
  }
}

const sizeMethods = {
  /** Appends values (all or nothing); returns the new length. Amortised over a chunk's growth. */
  push(...values) {
    return pushValues(this, internalsOf(this, 'StrArray.push'), values);
  },

  /** The generic push the per-format fast paths fall back to. */
  [pushSlow](values) {
    return pushValues(this, internalsOf(this, 'StrArray.push'), values);
  },

  /**
   * Appends the values of an iterable. A typed array of the format's own
   * element type on a chunk is one bulk copy (byte-swapped for the other
   * order); anything else is checked whole first, so all or nothing.
   */
  extend(values) {
    appendValues(this, internalsOf(this, 'StrArray.extend'), iterableArg(values, 'StrArray.extend', 'values'), 'StrArray.extend');
    return this;
  },

  /** Python's `+=`: extend, returning this array. */
  iadd(values) {
    appendValues(this, internalsOf(this, 'StrArray.iadd'), iterableArg(values, 'StrArray.iadd', 'values'), 'StrArray.iadd');
    return this;
  },

  /** Inserts before `i`, clamped like Python's list.insert. */
  insert(i, value) {
    insertValue(this, internalsOf(this, 'StrArray.insert'), i, value);
  },

  /** Removes and returns the item at `i` (default the last); RangeError when empty or out of range. */
  pop(i = -1) {
    return popItem(this, internalsOf(this, 'StrArray.pop'), i);
  },

  /** Removes the first item equal to `value`; NotFoundError when there is none. */
  remove(value) {
    removeValue(this, internalsOf(this, 'StrArray.remove'), value);
  },

  /** Like Array.prototype.splice: removes `deleteCount` items at `start`, inserts `items`, returns the removed values. */
  splice(start, deleteCount, ...items) {
    return spliceItems(this, internalsOf(this, 'StrArray.splice'), start, deleteCount, items);
  },

  /** Python's a[start:stop] = values. */
  setSlice(start, stop, values) {
    setSliceItems(this, internalsOf(this, 'StrArray.setSlice'), start, stop, values);
  },

  /** Removes every item. */
  clear() {
    clearItems(this, internalsOf(this, 'StrArray.clear'));
  },

  /** Python's `*=`: the items repeated n times in place (n = 0 clears). */
  imul(n) {
    imulItems(this, internalsOf(this, 'StrArray.imul'), n);
    return this;
  },
};
