// The search loops over windows (SPEC §2, §9, §10) and their one set of
// constants: a haystack in wasm memory is searched in place; foreign bytes
// are staged into a scratch allocation in windows that start at FIRST_WINDOW
// and double up to WINDOW, overlapping by the pattern length - 1, so an early
// match copies little and a 1 GiB Buffer never needs 1 GiB of wasm memory.
// The loops are the same for every pattern kind: a kernel (kernel.js) places
// its pattern in wasm memory and runs its C search over one window. The async
// functions (stream/) and findAny walk windows of the same size with the
// same alignment rule.
import { NPOS, heap, wasmBuffer, withScratch } from '../core/wasm.js';

/**
 * Bytes staged into wasm memory at a time (foreign haystacks, pair scans,
 * a source's window in the async functions): small enough that a window is
 * still in cache when the kernel reads it right after the copy (256 KiB
 * measured ~10% faster than 1 MiB at 64 MiB), large enough that the
 * per-window cost vanishes.
 */
export const WINDOW = 256 << 10;
/**
 * The first window of a forward or backward search over foreign bytes; each
 * next one is twice as large, up to WINDOW. A match near the start costs
 * about what Buffer#indexOf costs (bench/small.bench.js, "match 5 KB in").
 */
const FIRST_WINDOW = 4 << 10;
/** Positions collected per kernel call (findAll, countAsync, ...): wasm32 size_t each. */
export const BATCH = 4096;

/**
 * Search in place (inplace.js), when the platform registered a fast byte
 * search: `{ probe(bytes, mask), find, collect, rfind }` (see there), else
 * null and every foreign byte goes through the windows below.
 */
export let inPlace = null;

/** Package-internal: inplace.js, as the platform registers its byte search. */
export function registerInPlace(functions) {
  inPlace = functions;
}

/** The lowest position >= x that is start + k * step. */
export function alignUp(x, start, step) {
  if (x <= start) return start;
  const r = (x - start) % step;
  return r === 0 ? x : x + step - r;
}

/** The highest candidate at or below `end - plen` that is `start + k * step` (`end - start >= plen`). */
export function topCandidate(start, end, plen, step) {
  return end - plen - ((end - plen - start) % step);
}

/** Bytes [from, from + len) of `ref` in wasm memory: in place, or copied to `slot`. */
export function stage(ref, from, len, slot) {
  const v = ref.view;
  if (v === null) return ref.ptr + from;
  // A whole view is copied as is: making a subarray costs more than small searches.
  heap().set(len === v.length ? v : new Uint8Array(v.buffer, v.byteOffset + from, len), slot);
  return slot;
}

/** Bytes of haystack staged: all of it in place, else up to WINDOW plus the overlap. */
function roomFor(hay, plen, start, end) {
  return hay.view === null ? end - start : Math.min(end - start, WINDOW + plen - 1);
}

/** The first window: small for foreign bytes (an early match copies little), everything in place. */
function firstSpan(hay, plen, room) {
  return hay.view === null ? room : Math.min(room, FIRST_WINDOW + plen - 1);
}

/** The next window: twice the last, up to the room staged. */
function nextSpan(span, plen, room) {
  return Math.min(room, 2 * span - plen + 1);
}

/** The lowest aligned match in [start, end), or -1; `end - start >= kernel.length > 0`. */
export function windowedFind(hay, kernel, start, end, step) {
  const plen = kernel.length;
  const room = roomFor(hay, plen, start, end);
  const hayRoom = hay.view === null ? 0 : room;
  return withScratch(hayRoom + kernel.room, (slot) => {
    kernel.place(slot + hayRoom);
    // Each window starts at an aligned position and checks every candidate
    // whose match lies inside it; the next begins at the first unchecked one.
    for (let from = start, span = firstSpan(hay, plen, room); ; span = nextSpan(span, plen, room)) {
      const to = Math.min(end, from + span);
      const i = kernel.find(stage(hay, from, to - from, slot), to - from, 0, to - from, step);
      if (i !== NPOS) return from + i;
      if (to === end) return -1;
      from = alignUp(to - plen + 1, start, step);
      if (from > end - plen) return -1;
    }
  });
}

/** The highest aligned match, from the top candidate `top` down to `start`, or -1. */
export function windowedRfind(hay, kernel, start, end, step, top) {
  const plen = kernel.length;
  const room = roomFor(hay, plen, start, end);
  const hayRoom = hay.view === null ? 0 : room;
  return withScratch(hayRoom + kernel.room, (slot) => {
    kernel.place(slot + hayRoom);
    // Windows walk down from the top candidate; each holds the candidates
    // lo..hi (aligned) and the bytes their matches need.
    for (let hi = top, span = firstSpan(hay, plen, room); ; span = nextSpan(span, plen, room)) {
      let lo = alignUp(Math.max(start, hi + plen - span), start, step);
      if (lo > hi) lo = hi; // a step wider than the window: one candidate at a time
      const to = hi + plen;
      const i = kernel.rfind(stage(hay, lo, to - lo, slot), to - lo, 0, to - lo, step);
      if (i !== NPOS) return lo + i;
      if (lo === start) return -1;
      hi = lo - step;
    }
  });
}

/** Up to BATCH matches from `from` on (kernel.length > 0); `next` is where to resume, or null at the end. */
export function windowedCollect(hay, kernel, start, end, step, from) {
  const plen = kernel.length;
  const found = [];
  if (from > end || end - from < plen) return { found, next: null };
  const span = roomFor(hay, plen, from, end);
  const hayRoom = hay.view === null ? 0 : span;
  const outBytes = BATCH * 4; // wasm32 size_t
  return withScratch(outBytes + hayRoom + kernel.room, (out) => {
    kernel.place(out + outBytes + hayRoom);
    for (;;) {
      const to = Math.min(end, from + span);
      const h = stage(hay, from, to - from, out + outBytes);
      const n = kernel.findMany(h, to - from, 0, to - from, step, out, BATCH - found.length);
      const local = new Uint32Array(wasmBuffer(), out, n); // read at once, not kept
      for (let k = 0; k < n; k++) found.push(from + local[k]);
      if (found.length === BATCH) return { found, next: found[BATCH - 1] + step };
      if (to === end) return { found, next: null };
      from = alignUp(to - plen + 1, start, step);
      if (from > end - plen) return { found, next: null };
    }
  });
}
