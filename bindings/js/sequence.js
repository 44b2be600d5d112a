// Sequence helpers of StrArray that need no private state: value searches
// as byte searches with step = itemsize, counts, fills, iterable checks.
import { argError, describe } from './errors.js';
import { findAll, search } from './functions.js';

export function iterableArg(values, fn, arg) {
  if (values === null || typeof values !== 'object' || typeof values[Symbol.iterator] !== 'function') {
    if (typeof values !== 'string') throw argError(TypeError, fn, arg, `must be an iterable of values, got ${describe(values)}`);
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
export function findItem(arr, item, size, fn, value, s, e, backward) {
  const patterns = item.patterns(value);
  if (patterns === null) {
    for (let i = backward ? e - 1 : s; backward ? i >= s : i < e; i += backward ? -1 : 1) if (item.equal(arr.get(i), value)) return i;
    return -1;
  }
  let best = -1;
  for (const p of patterns) {
    const at = search(fn, backward, arr, p, s * size, e * size, size);
    if (at >= 0 && (best < 0 || (backward ? at / size > best : at / size < best))) best = at / size;
  }
  return best;
}

/** How many of the first `n` items of `arr` equal `value`. */
export function countItems(arr, item, size, value, n) {
  const patterns = item.patterns(value);
  let c = 0;
  if (patterns === null) {
    for (const v of arr) if (item.equal(v, value)) c++;
    return c;
  }
  for (const p of patterns) for (const _ of findAll(arr, p, 0, n * size, size)) c++;
  return c;
}
