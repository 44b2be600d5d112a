// The run-time half of the signature checks of magic.js (generated from
// src/magic.txt by scripts/make_magic.js): how a check reads the bytes after
// a match, and the range test its conditions use. Hand-written, so the
// generator writes only the checks themselves.
import { isBytesLike, toView } from '../core/bytes.js';

const OUTSIDE = Symbol('outside the bytes a check may read');

/** v in one of the inclusive ranges [lo, hi, lo, hi, ...]. */
export const within = (v, ranges) => {
  for (let k = 0; k < ranges.length; k += 2) if (v >= ranges[k] && v <= ranges[k + 1]) return true;
  return false;
};

/**
 * The check of an entry from its test, which reads through le(i, w) and
 * be(i, w): the unsigned w-byte value at i bytes from the match, little- or
 * big-endian, or a throw of OUTSIDE (then the check answers false) when
 * [i, i + w) leaves the n bytes the check may read.
 */
export const checked = (reach, test) => (value, at) => {
  const bytes = isBytesLike(value) ? toView(value, 'check()', 'bytes') : value;
  const n = Math.min(bytes?.length - at, reach);
  if (!Number.isSafeInteger(at) || at < 0 || !(n > 0)) return false;
  const read = (i, w, big) => {
    if (!(i >= 0 && i + w <= n)) throw OUTSIDE;
    let v = 0;
    for (let k = 0; k < w; k++) v += bytes[at + i + k] * 2 ** (8 * (big ? w - 1 - k : k));
    return v;
  };
  try {
    return test(
      (i, w) => read(i, w, false),
      (i, w) => read(i, w, true),
    );
  } catch (e) {
    if (e === OUTSIDE) return false;
    throw e;
  }
};
