// Sequence helpers of StrArray that need no private state: value searches
// as byte searches with step = itemsize, counts, fills, iterable checks.
import { isIterableObject } from '../core/args.js';
import { argError, describe } from '../core/errors.js';
import { findAll, search } from '../search/functions.js';
import { fillStrided, gatherBytes } from './bulk.js';

export function iterableArg(values, fn, arg) {
  if (!isIterableObject(values) && typeof values !== 'string') {
    throw argError(TypeError, fn, arg, `must be an iterable of values, got ${describe(values)}`);
  }
  return values;
}

/** Fills u8[from, to) with `pattern` repeated, by doubling copies (memmove speed). */
export function fillRegion(u8, from, to, pattern) {
  if (to <= from) return;
  const n = Math.min(pattern.length, to - from);
  u8.set(pattern.subarray(0, n), from);
  for (let done = n; done < to - from; done *= 2) u8.copyWithin(from + done, from, from + Math.min(done, to - from - done));
}

/**
 * The item position of `value` in items [s, e) of `arr`, by the byte search
 * with step = itemsize; -1 when absent. Float zeros are searched as +0 and
 * -0 (=== equates them); values whose bytes do not decide equality ('?',
 * records with pad bytes) take a value loop.
 */
export function findItem(arr, item, size, stride, fn, value, s, e, backward) {
  const patterns = item.patterns(value);
  if (patterns === null) {
    for (let i = backward ? e - 1 : s; backward ? i >= s : i < e; i += backward ? -1 : 1) if (item.equal(arr.get(i), value)) return i;
    return -1;
  }
  let best = -1;
  // Item k starts k * stride bytes into the array's bytes; a search with step = stride sees only item starts.
  const end = e > s ? (e - 1) * stride + size : s * stride;
  for (const p of patterns) {
    const at = search(fn, backward, arr, p, s * stride, end, stride);
    if (at >= 0 && (best < 0 || (backward ? at / stride > best : at / stride < best))) best = at / stride;
  }
  return best;
}

/** How many of the first `n` items of `arr` equal `value`. */
export function countItems(arr, item, size, stride, value, n) {
  const patterns = item.patterns(value);
  let c = 0;
  if (patterns === null) {
    for (const v of arr) if (item.equal(v, value)) c++;
    return c;
  }
  const end = n > 0 ? (n - 1) * stride + size : 0;
  for (const p of patterns) for (const _ of findAll(arr, p, 0, end, stride)) c++;
  return c;
}

/** The n values at dv[off], dv[off + stride], ... in `acc`'s typed array (c as char codes, ? as 0/1). */
export function typedCopy(acc, stride, dv, off, n) {
  const out = new acc.TypedArray(n);
  for (let i = 0; i < n; i++) {
    const v = acc.read(dv, off + i * stride);
    out[i] = typeof v === 'string' ? v.charCodeAt(0) : typeof v === 'boolean' ? +v : v;
  }
  return out;
}

/** Items k of `size` bytes at k * stride in u8: reverses the first n in place. */
export function reverseItems(u8, size, stride, n) {
  const tmp = new Uint8Array(size);
  for (let i = 0, j = n - 1; i < j; i++, j--) {
    tmp.set(u8.subarray(i * stride, i * stride + size));
    u8.copyWithin(i * stride, j * stride, j * stride + size);
    u8.set(tmp, j * stride);
  }
}

/** Sets items [s, e) to the packed bytes of one item (strided: the gather kernel, array/bulk.js). */
export function fillItems(u8, stride, packed, s, e) {
  if (stride === packed.length) fillRegion(u8, s * stride, e * stride, packed);
  else fillStrided(u8, stride, packed, s, e);
}

/** Items [s, e) packed one after another (a view when they already are). */
export function gatherItems(u8, size, stride, s, e) {
  if (stride === size) return u8.subarray(s * size, e * size);
  return gatherBytes(new Uint8Array((e - s) * size), u8.subarray(s * stride), e - s, stride, size, false);
}
