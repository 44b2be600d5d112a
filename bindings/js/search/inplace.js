// Searching foreign bytes where they are (SPEC §2, §10), before any window
// is staged into wasm memory: the platform's byte search (Node registers
// Buffer#indexOf and #lastIndexOf, a C++ memchr at tens of GB/s) for the
// pattern's rarest byte, then a check of the candidate in JS. An early match
// in a foreign Buffer then costs one memchr call where staging windows cost
// ~500 ns before the kernel ran, and a byte that stays rare is skimmed at
// memchr speed over the whole input (no copy at all).
//
// Candidates are cheap only while they are rare: when CANDIDATES of them come
// closer together than MIN_GAP bytes each, the scan stops and says where the
// kernel takes over. Every candidate on the scanned side of that point was
// checked, so the kernel resumes there on the same step lattice. The byte
// ranks are the kernels' own table (mem_byte_rarity), read once.
//
// Only a platform with a fast byte search loads this module: platform-node.js
// registers Node's, and with it this module's functions (window.js's
// inPlace). Browsers have none (V8's TypedArray#indexOf scans at ~3 GB/s,
// slower than staging into the wasm kernels), so their pages never load it.
import { core } from '../core/wasm.js';
import { alignUp, registerInPlace } from './window.js';

/**
 * The platform's `{ indexOf(view, byte, from), lastIndexOf(view, byte, from) }`
 * on any Uint8Array, as Buffer's: `from` is never negative here (Buffer's
 * would count from the end), and views are shorter than 2 GiB (see MAX_SPAN).
 */
export let byteSearch = null;
/** The kernels' byte ranks (mem_byte_rarity), read once. */
let ranks = null;

/** Package-internal: platform-node.js registers Node's memchr (see byteSearch), which turns in-place search on. */
export function registerByteSearch(search) {
  byteSearch = search;
  ranks ??= Uint8Array.from({ length: 256 }, (_, b) => core.byteRarity(b)); // the module is ready: platform-node.js instantiates it first
  registerInPlace({ probe: inPlaceProbe, find: findInPlace, collect: collectInPlace, rfind: rfindInPlace });
}

/**
 * Bytes one byte search covers at most: Buffer#indexOf answers in 32 bits
 * (a position past 2 GiB comes back negative) and clamps a larger `from`, so
 * views of 2 GiB and more are searched a span at a time.
 */
const MAX_SPAN = 0x7fffffff;

/** The first `b` at or after `from` in `view`, or -1. */
function indexFrom(view, b, from) {
  if (view.length <= MAX_SPAN) return byteSearch.indexOf(view, b, from);
  for (let lo = from; lo < view.length; lo += MAX_SPAN) {
    const i = byteSearch.indexOf(view.subarray(lo, Math.min(view.length, lo + MAX_SPAN)), b, 0);
    if (i >= 0) return lo + i;
  }
  return -1;
}

/** The last `b` at or before `from` (< view.length) in `view`, or -1. */
function lastIndexFrom(view, b, from) {
  if (view.length <= MAX_SPAN) return byteSearch.lastIndexOf(view, b, from);
  for (let hi = from + 1; hi > 0; hi -= MAX_SPAN) {
    const lo = Math.max(0, hi - MAX_SPAN);
    const i = byteSearch.lastIndexOf(view.subarray(lo, hi), b, hi - lo - 1);
    if (i >= 0) return lo + i;
  }
  return -1;
}

/** Longer patterns go to the kernel: a match checked in JS costs about a byte a nanosecond. */
const MAX_PATTERN = 256;
/** Candidates between two checks of how dense they are. */
const CANDIDATES = 8;
/**
 * The fewest bytes per failed candidate that keeps the scan in place: one
 * memchr call (~40 ns with Node's argument checks) costs what the staged
 * kernel spends on ~500 bytes (10-17 GB/s); twice that keeps a margin.
 */
const MIN_GAP = 1024;

/** The position of the pattern's rarest fixed byte (mask 0xff, or no mask), or -1 when none is fixed. */
function rarestPosition(bytes, mask) {
  let best = -1;
  let bestRank = 256;
  for (let k = 0; k < bytes.length; k++) {
    const r = mask === null || mask[k] === 0xff ? ranks[bytes[k]] : 256;
    if (r < bestRank) {
      best = k;
      bestRank = r;
    }
  }
  return best;
}

/** Whether the pattern matches `h` at `i` (a masked pattern's bytes are stored masked). */
function matchesAt(h, i, bytes, mask) {
  const n = bytes.length;
  if (mask === null) {
    for (let k = 0; k < n; k++) if (h[i + k] !== bytes[k]) return false;
  } else {
    for (let k = 0; k < n; k++) if ((h[i + k] & mask[k]) !== bytes[k]) return false;
  }
  return true;
}

/**
 * Whether a pattern can be searched in place: it is short and has a fixed
 * byte. Then the position of its rarest byte, else -1.
 */
function inPlaceProbe(bytes, mask) {
  return bytes.length > MAX_PATTERN ? -1 : rarestPosition(bytes, mask);
}

/**
 * The forward scan: candidates from `from` (aligned on `step` from `start`)
 * to `end - bytes.length`, the rarest byte at `r` (inPlaceProbe). With
 * `found` null: the first match, or -1. Otherwise matches are pushed to
 * `found` until it holds `max`; then the candidate after the last one is
 * returned (-1: none left). Either way `-2 - next` means the rare byte is
 * common here: the kernel goes on from the aligned candidate `next`, every
 * one before it checked. Matches count as candidates: dense matches are the
 * kernel's work too (findMany collects them in wasm).
 */
function scan(view, bytes, mask, r, start, from, end, step, found, max) {
  const b = bytes[r];
  const last = end - bytes.length;
  // Bounded by `end`: an absent byte would otherwise be scanned for to the view's end.
  const hay = end < view.length ? view.subarray(0, end) : view;
  let mark = from;
  let seen = 0;
  for (let at = from + r; ; ) {
    const j = indexFrom(hay, b, at);
    const c = j - r;
    if (j < 0 || c > last) return -1;
    if ((c - start) % step === 0 && matchesAt(view, c, bytes, mask)) {
      if (found === null) return c;
      found.push(c);
      if (found.length === max) return c + step;
    }
    at = j + 1;
    if (++seen === CANDIDATES) {
      if (c - mark < CANDIDATES * MIN_GAP) return -2 - alignUp(c + 1, start, step);
      mark = c;
      seen = 0;
    }
  }
}

/**
 * The lowest aligned match in view[start, end) (`end - start >= bytes.length`):
 * its position, -1 for none, or `-2 - from` (see scan).
 */
function findInPlace(view, bytes, mask, r, start, end, step) {
  return scan(view, bytes, mask, r, start, start, end, step, null, 1);
}

/** Matches from the aligned candidate `from` on, pushed to `found` (up to `max`); what to do next as scan says. */
function collectInPlace(view, bytes, mask, r, start, from, end, step, found, max) {
  return scan(view, bytes, mask, r, start, from, end, step, found, max);
}

/**
 * The highest aligned match from candidate `top` down to `start`, as
 * findInPlace; when it gives up, `-2 - below`: candidates above `below` were
 * all checked (`below` may be less than `start`: nothing left).
 */
function rfindInPlace(view, bytes, mask, r, start, top, step) {
  const b = bytes[r];
  // From `start` on: an absent byte would otherwise be scanned for down to the view's start.
  const hay = start > 0 ? view.subarray(start) : view;
  let mark = top;
  let misses = 0;
  for (let from = top + r - start; ; ) {
    const j = lastIndexFrom(hay, b, from);
    const c = j + start - r;
    if (j < 0 || c < start) return -1;
    if ((c - start) % step === 0 && matchesAt(view, c, bytes, mask)) return c;
    if (j === 0) return -1;
    from = j - 1;
    if (++misses === CANDIDATES) {
      if (mark - c < CANDIDATES * MIN_GAP) return -2 - (c - 1);
      mark = c;
      misses = 0;
    }
  }
}
