// The functions of SPEC §2. Each validates its arguments through the gate
// and the integer rule, then runs one C kernel. Bytes already in wasm memory
// are passed by position; other bytes are brought in through a scratch
// allocation in windows (overlapping by the pattern length - 1 for
// searches), so a 1 GiB Buffer never needs 1 GiB of wasm memory.
//
// One path per input kind: wasm-resident bytes go to the kernel in place;
// foreign ones are staged in windows (window.js) that start small and double
// up to WINDOW, so an early match costs a small copy and a late one the full
// speed; foreign inputs of at most SMALL bytes are searched in JS, and
// larger ones first in place with the platform's memchr when it has one
// (inplace.js: the pattern's rarest byte, then a check; the kernel takes over
// where that byte turns out common). A masked Pattern brings its own kernel
// (see patternSearch) to the same window loops.
import { searchStart, slicePos, toInt, toStep } from '../core/args.js';
import { PATTERN, READ, WRITE, live, toRef, toView, utf8Length } from '../core/bytes.js';
import { NotFoundError, argError } from '../core/errors.js';
import { NPOS, core, heap, withScratch } from '../core/wasm.js';
import { bytesKernel } from './kernel.js';
import { BATCH, WINDOW, inPlace, stage, topCandidate, windowedCollect, windowedFind, windowedRfind } from './window.js';

/**
 * Foreign inputs up to this many bytes are handled by plain JS loops: staging
 * them into wasm memory (copy, call: ~150 ns) costs more than the work.
 * Measured with bench/small.bench.js; tests cross it with sizes on both sides.
 */
const SMALL = 64;

/** A ref's bytes as a view: small wasm-resident patterns are read through the current heap view. */
function toJs(ref) {
  return ref.view ?? heap().subarray(ref.ptr, ref.ptr + ref.len);
}

/** Package-internal (findany.js too): the haystack of a search and its range, checked (`fn` names the caller in errors). */
export function rangeArgs(fn, dest, start, end, step) {
  const hay = toRef(dest, fn, 'dest', READ);
  // One object literal, not a spread of a helper's: these run once per call, and small searches feel every allocation.
  return { hay, start: searchStart(start, hay.len, fn), end: slicePos(end, hay.len, fn, 'end', hay.len), step: toStep(step, fn) };
}

function searchArgs(fn, dest, pattern, start, end, step) {
  const hay = toRef(dest, fn, 'dest', READ);
  const pat = toRef(pattern, fn, 'pattern', PATTERN);
  live(hay, fn, 'dest');
  return { hay, pat, start: searchStart(start, hay.len, fn), end: slicePos(end, hay.len, fn, 'end', hay.len), step: toStep(step, fn) };
}

/** Plain-JS search of a small foreign haystack: candidates aligned from `start`, verified byte by byte. */
function searchSmall(h, p, start, end, step, backward) {
  const plen = p.length;
  const last = end - plen;
  const top = topCandidate(start, end, plen, step);
  for (let i = backward ? top : start; backward ? i >= start : i <= last; i += backward ? -step : step) {
    let k = 0;
    while (k < plen && h[i + k] === p[k]) k++;
    if (k === plen) return i;
  }
  return -1;
}

function searchForward({ hay, pat, start, end, step }) {
  const plen = pat.len;
  if (start > end || end - start < plen) return -1;
  if (plen === 0) return start;
  if (hay.view !== null && end - start <= SMALL) return searchSmall(hay.view, toJs(pat), start, end, step, false);
  if (hay.view === null && pat.view === null) {
    const i = core.find(hay.ptr, hay.len, pat.ptr, plen, start, end, step);
    return i === NPOS ? -1 : i;
  }
  if (hay.view !== null && inPlace !== null) {
    // Foreign bytes: in place while the rarest byte stays rare, then the kernel from where that stopped.
    const p = toJs(pat);
    const r = inPlace.probe(p, null);
    if (r >= 0) {
      const i = inPlace.find(hay.view, p, null, r, start, end, step);
      if (i >= -1) return i;
      start = -2 - i;
      if (end - start < plen) return -1;
    }
  }
  return windowedFind(hay, bytesKernel(pat), start, end, step);
}

function searchBackward({ hay, pat, start, end, step }) {
  const plen = pat.len;
  if (start > end || end - start < plen) return -1;
  const top = topCandidate(start, end, plen, step);
  if (plen === 0) return top;
  if (hay.view !== null && end - start <= SMALL) return searchSmall(hay.view, toJs(pat), start, end, step, true);
  if (hay.view === null && pat.view === null) {
    const i = core.rfind(hay.ptr, hay.len, pat.ptr, plen, start, end, step);
    return i === NPOS ? -1 : i;
  }
  if (hay.view !== null && inPlace !== null) {
    const p = toJs(pat);
    const r = inPlace.probe(p, null);
    if (r >= 0) {
      const i = inPlace.rfind(hay.view, p, null, r, start, top, step);
      return i >= -1 ? i : backwardRest(hay, bytesKernel(pat), start, -2 - i, step);
    }
  }
  return windowedRfind(hay, bytesKernel(pat), start, end, step, top);
}

/** The kernel's part of a backward search that stopped in place: the candidates from `below` down. */
function backwardRest(hay, kernel, start, below, step) {
  if (below < start) return -1;
  const top = below - ((below - start) % step);
  return windowedRfind(hay, kernel, start, top + kernel.length, step, top);
}

/**
 * How to search with a Pattern (SPEC §10), which this module does not import:
 * pattern.js registers it as it loads (no Pattern exists before), so a page
 * that never makes one does not load the masked kernels. For a value it
 * answers undefined (not a Pattern), `{ bytes }` (a full mask: plain bytes) or
 * `{ kernel }` (a masked kernel, kernel.js, for the same window loops). It
 * runs no user code (a private-field check), and what it answers never
 * reaches a caller.
 */
let patternSearch = () => undefined;

/**
 * Package-internal: pattern.js's registration (see patternSearch). A copy of
 * the package has its own functions.js too; only loading pattern.js twice
 * against this one (two URLs for one file) would replace the first hook.
 */
export function registerPatternSearch(f) {
  patternSearch = f;
}

/** A masked pattern's search (`own`: its kernel and parts): in place first for foreign bytes, as plain bytes are, then its kernel over the windows of `hay`. */
function kernelSearch({ hay, start, end, step }, { kernel, parts }, backward) {
  const plen = kernel.length;
  if (start > end || end - start < plen) return -1;
  const top = topCandidate(start, end, plen, step);
  const r = hay.view === null || inPlace === null ? -1 : inPlace.probe(parts.bytes, parts.mask);
  if (backward) {
    if (r < 0) return windowedRfind(hay, kernel, start, end, step, top);
    const i = inPlace.rfind(hay.view, parts.bytes, parts.mask, r, start, top, step);
    return i >= -1 ? i : backwardRest(hay, kernel, start, -2 - i, step);
  }
  if (r >= 0) {
    const i = inPlace.find(hay.view, parts.bytes, parts.mask, r, start, end, step);
    if (i >= -1) return i;
    start = -2 - i;
    if (end - start < plen) return -1;
  }
  return windowedFind(hay, kernel, start, end, step);
}

function notFound(fn) {
  return new NotFoundError(`${fn}(): pattern not found`);
}

/**
 * The search behind index/rindex/find/rfind and the classes' indexOf and
 * lastIndexOf: -1 when not found; `fn` names the caller in errors.
 */
export function search(fn, backward, dest, pattern, start, end, step) {
  // Patterns (SPEC §10): a masked Pattern brings its kernel; a full-mask one is its bytes.
  const own = patternSearch(pattern);
  if (own?.kernel !== undefined) return kernelSearch(rangeArgs(fn, dest, start, end, step), own, backward);
  if (own !== undefined) pattern = own.bytes;
  const args = searchArgs(fn, dest, pattern, start, end, step);
  return backward ? searchBackward(args) : searchForward(args);
}

/**
 * Lowest position of `pattern` in `dest[start:end]` aligned on `step`; throws NotFoundError.
 * @param {BytesLike | string} dest
 * @param {BytesLike | string | number} pattern
 * @param {number} [start]
 * @param {number} [end]
 * @param {number} [step=1]
 * @returns {number}
 */
export function index(dest, pattern, start, end, step) {
  const i = search('index', false, dest, pattern, start, end, step);
  if (i < 0) throw notFound('index');
  return i;
}

/** Highest aligned position of `pattern`; throws NotFoundError. Arguments as `index`. */
export function rindex(dest, pattern, start, end, step) {
  const i = search('rindex', true, dest, pattern, start, end, step);
  if (i < 0) throw notFound('rindex');
  return i;
}

/** Like `index`, but -1 when not found. */
export function find(dest, pattern, start, end, step) {
  return search('find', false, dest, pattern, start, end, step);
}

/** Like `rindex`, but -1 when not found. */
export function rfind(dest, pattern, start, end, step) {
  return search('rfind', true, dest, pattern, start, end, step);
}

/**
 * Every aligned position of `pattern` in `dest[start:end]`, ascending,
 * overlapping matches included. Arguments are checked now; matches are found
 * lazily, BATCH at a time, reading `dest`'s bytes as they are then (a chunk
 * may move between batches).
 * @returns {IterableIterator<number>}
 */
export function findAll(dest, pattern, start, end, step) {
  // Patterns (SPEC §10), as in search().
  const own = patternSearch(pattern);
  const masked = own?.kernel;
  if (masked !== undefined) {
    const args = rangeArgs('findAll', dest, start, end, step);
    return allMatches(hayValueOf(args.hay, dest), () => masked, args);
  }
  if (own !== undefined) pattern = own.bytes;
  const args = searchArgs('findAll', dest, pattern, start, end, step);
  // Strings and byte values were encoded by the gate: keep those bytes.
  const patValue = args.pat.view !== null && typeof pattern !== 'object' ? args.pat.view : pattern;
  return allMatches(hayValueOf(args.hay, dest), () => bytesKernel(toRef(patValue, 'findAll', 'pattern', PATTERN)), args);
}

/** What a lazy search reads again per batch: a string's bytes as the gate encoded them, else the object. */
function hayValueOf(hay, dest) {
  return hay.view !== null && typeof dest === 'string' ? hay.view : dest;
}

/** Batches of matches, each reading the haystack (then the pattern: `kernelNow()`) as they are then. */
function* allMatches(hayValue, kernelNow, { start, end, step }) {
  for (let from = start; ; ) {
    const hay = toRef(hayValue, 'findAll', 'dest', READ);
    const batch = collect(hay, kernelNow(), start, Math.min(end, hay.len), step, from);
    yield* batch.found;
    if (batch.next === null) return;
    from = batch.next;
  }
}

/** Up to BATCH matches from `from` on; `next` is where to resume, or null at the end. */
function collect(hay, kernel, start, end, step, from) {
  const plen = kernel.length;
  if (from > end || end - from < plen) return { found: [], next: null };
  if (plen === 0) {
    const found = [];
    for (; found.length < BATCH && from <= end; from += step) found.push(from);
    return { found, next: from <= end ? from : null };
  }
  return windowedCollect(hay, kernel, start, end, step, from);
}

/**
 * Runs `kernel(pa, pb, len, k)` over a[aOff + k ..) and b[bOff + k ..) for
 * the common range of n bytes, both staged into wasm memory window by window
 * (forward, or backward from the end), and returns the first result that is
 * not undefined.
 */
function scanPairs(a, aOff, b, bOff, n, backward, kernel) {
  if (a.view === null && b.view === null) return kernel(a.ptr + aOff, b.ptr + bOff, n, 0);
  const span = Math.min(n, WINDOW);
  const aRoom = a.view === null ? 0 : span;
  return withScratch(aRoom + (b.view === null ? 0 : span), (slot) => {
    for (let done = 0; done < n; done += span) {
      const len = Math.min(span, n - done);
      const k = backward ? n - done - len : done;
      const r = kernel(stage(a, aOff + k, len, slot), stage(b, bOff + k, len, slot + aRoom), len, k);
      if (r !== undefined) return r;
    }
    return undefined;
  });
}

function pairArgs(fn, a, b) {
  const ra = toRef(a, fn, 'a', READ);
  const rb = toRef(b, fn, 'b', READ);
  return [live(ra, fn, 'a'), rb];
}

/** The comparison behind cmp and the classes' compare/equals; `fn` names the caller in errors. */
export function compareBytes(fn, a, b) {
  const [ra, rb] = pairArgs(fn, a, b);
  const n = Math.min(ra.len, rb.len);
  let r;
  if (n <= SMALL && ra.view !== null && rb.view !== null) {
    const k = scanSmall(ra.view, 0, rb.view, 0, n, false, true);
    if (k >= 0) r = ra.view[k] < rb.view[k] ? -1 : 1;
  } else {
    r = scanPairs(ra, 0, rb, 0, n, false, (pa, pb, len) => core.cmp(pa, len, pb, len) || undefined);
  }
  if (r !== undefined) return r;
  return ra.len < rb.len ? -1 : ra.len > rb.len ? 1 : 0;
}

/**
 * Lexicographic byte order of `a` and `b`: -1, 0 or 1; a proper prefix sorts first.
 * @returns {-1 | 0 | 1}
 */
export function cmp(a, b) {
  return compareBytes('cmp', a, b);
}

/** Plain-JS scan of small foreign operands: the first (or last) k where the bytes differ (or agree). */
function scanSmall(a, aOff, b, bOff, n, backward, differ) {
  for (let j = 0; j < n; j++) {
    const k = backward ? n - 1 - j : j;
    if ((a[aOff + k] !== b[bOff + k]) === differ) return k;
  }
  return -1;
}

function firstOrLast(fn, a, b, backward, kernel, differ) {
  const [ra, rb] = pairArgs(fn, a, b);
  const n = Math.min(ra.len, rb.len);
  // Aligned on the first bytes (forward) or the last bytes (backward).
  const aOff = backward ? ra.len - n : 0;
  const bOff = backward ? rb.len - n : 0;
  if (n <= SMALL && ra.view !== null && rb.view !== null) {
    const k = scanSmall(ra.view, aOff, rb.view, bOff, n, backward, differ);
    return k < 0 ? -1 : aOff + k;
  }
  const i = scanPairs(ra, aOff, rb, bOff, n, backward, (pa, pb, len, k) => {
    const r = kernel(pa, len, pb, len);
    return r === NPOS ? undefined : k + r;
  });
  return i === undefined ? -1 : aOff + i;
}

/** Lowest i < min(len a, len b) with a[i] !== b[i], else -1. */
export function diff(a, b) {
  return firstOrLast('diff', a, b, false, core.diff, true);
}

/** Highest differing position with `a` and `b` aligned on their last bytes, as an index into `a`, else -1. */
export function rdiff(a, b) {
  return firstOrLast('rdiff', a, b, true, core.rdiff, true);
}

/** Lowest i < min(len a, len b) with a[i] === b[i], else -1. */
export function match(a, b) {
  return firstOrLast('match', a, b, false, core.match, false);
}

/** Highest equal position with `a` and `b` aligned on their last bytes, as an index into `a`, else -1. */
export function rmatch(a, b) {
  return firstOrLast('rmatch', a, b, true, core.rmatch, false);
}

/**
 * Copies all of `src` into `dest` at `start` (negative: from the end), safe
 * when they overlap. RangeError, and nothing written, when it does not fit.
 * @returns {number} the number of bytes copied
 */
export function copy(dest, src, start) {
  // src first: its [bytes]() may resize or move dest; once dest is resolved,
  // no user code runs before the write, so it cannot land in freed memory.
  const s = toRef(src, 'copy', 'src', READ);
  const d = toRef(dest, 'copy', 'dest', WRITE);
  live(s, 'copy', 'src');
  let at = toInt(start, 'copy', 'start', 0);
  if (at < 0) at += d.len;
  if (at < 0 || at + s.len > d.len) {
    throw argError(RangeError, 'copy', 'src', `(${s.len} bytes) does not fit in dest (${d.len} bytes) at start ${at}`);
  }
  if (d.view === null && s.view === null) core.copy(d.ptr + at, s.ptr, s.len);
  else if (d.view === null) heap().set(s.view, d.ptr + at);
  else if (s.view === null) d.view.set(heap().subarray(s.ptr, s.ptr + s.len), at);
  else d.view.set(s.view, at); // TypedArray#set copies as if through a temporary, so overlap is safe
  return s.len;
}

/** Length in bytes (a string: its UTF-8 length). */
export function len(buf) {
  return typeof buf === 'string' ? utf8Length(buf) : toView(buf, 'len', 'buf', READ).byteLength;
}
