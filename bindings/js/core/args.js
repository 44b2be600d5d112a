// The integer rule of SPEC §1, in one place: type first, then range.
import { encodingHint } from './encodings.js';
import { argError, describe } from './errors.js';

/** Whether `v` is an object with an iterator (an array, a Set, a typed array, a generator...). */
export function isIterableObject(v) {
  return v !== null && typeof v === 'object' && typeof v[Symbol.iterator] === 'function';
}

/**
 * Checks an integer argument. `undefined` gives `dflt` when the argument is
 * optional (dflt !== undefined) and is a TypeError otherwise.
 */
export function toInt(value, fn, arg, dflt) {
  if (value === undefined) {
    if (dflt !== undefined) return dflt;
    throw argError(TypeError, fn, arg, 'is required');
  }
  if (typeof value !== 'number') throw argError(TypeError, fn, arg, `must be an integer, got ${describe(value)}${encodingHint(value)}`);
  if (!Number.isInteger(value)) throw argError(TypeError, fn, arg, `must be an integer, got ${value}`);
  if (!Number.isSafeInteger(value)) throw argError(RangeError, fn, arg, `must be within ±(2^53 - 1), got ${value}`);
  return value;
}

/** An element index: negative counts from the end; still outside [0, length) is a RangeError. */
export function toIndex(i, length, fn) {
  let k = toInt(i, fn, 'index');
  if (k < 0) k += length;
  if (k < 0 || k >= length) throw argError(RangeError, fn, 'index', `${i} is out of range for length ${length}`);
  return k;
}

/** A slice position (`start`, `end`, `stop`): negative counts from the end, then clamped to [0, length]. */
export function slicePos(value, length, fn, arg, dflt) {
  let v = toInt(value, fn, arg, dflt);
  if (v < 0) v = Math.max(0, v + length);
  return Math.min(v, length);
}

/** A search start: like a slice position, but never pulled back from beyond the length (Python's find). */
export function searchStart(value, length, fn, arg = 'start') {
  const v = toInt(value, fn, arg, 0);
  return v < 0 ? Math.max(0, v + length) : v;
}

/** `step`: an integer >= 1. */
export function toStep(value, fn, arg = 'step') {
  const v = toInt(value, fn, arg, 1);
  if (v < 1) throw argError(RangeError, fn, arg, `must be an integer >= 1, got ${v}`);
  return v;
}

/** A byte value 0..255. */
export function toByte(value, fn, arg) {
  const v = toInt(value, fn, arg);
  if (v < 0 || v > 255) throw argError(RangeError, fn, arg, `must be a byte value 0..255, got ${v}`);
  return v;
}
