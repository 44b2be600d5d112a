// The search and comparison methods that Chunk and MemSlice both offer over
// their bytes (the window's, for a slice): one definition, installed on each
// class's prototype with the class's name in error messages.
import { compareBytes, search } from './functions.js';

/**
 * Defines indexOf, lastIndexOf, includes, equals and compare on `proto`
 * (not enumerable, as class methods are); `cls` names the class in errors
 * ('Chunk.indexOf(): ...').
 */
export function defineByteMethods(proto, cls) {
  const name = (m) => `${cls}.${m}`;
  const [indexOfFn, lastIndexOfFn, includesFn, equalsFn, compareFn] = ['indexOf', 'lastIndexOf', 'includes', 'equals', 'compare'].map(name);
  const methods = {
    /** Like `find(this, ...)`: the lowest aligned position of `pattern`, or -1. */
    indexOf(pattern, start, end, step) {
      return search(indexOfFn, false, this, pattern, start, end, step);
    },
    /** Like `rfind(this, ...)`: the highest aligned position of `pattern`, or -1. */
    lastIndexOf(pattern, start, end, step) {
      return search(lastIndexOfFn, true, this, pattern, start, end, step);
    },
    /** Whether `pattern` occurs (in [start, end)). */
    includes(pattern, start, end) {
      return search(includesFn, false, this, pattern, start, end) >= 0;
    },
    /** Byte-for-byte equality with any bytes-like. */
    equals(other) {
      return compareBytes(equalsFn, this, other) === 0;
    },
    /** -1, 0 or 1, like `cmp(this, other)`. */
    compare(other) {
      return compareBytes(compareFn, this, other);
    },
  };
  for (const [key, value] of Object.entries(methods)) Object.defineProperty(proto, key, { value, writable: true, configurable: true });
}
