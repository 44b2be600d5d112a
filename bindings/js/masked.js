// Searching with a masked Pattern (SPEC §10): the masked path behind
// find/rfind/index/rindex/findAll and the classes' indexOf/lastIndexOf/
// includes. functions.js routes here when the pattern is a Pattern whose
// mask is not all ones (a full mask is plain bytes and takes the plain
// path). Bytes in wasm memory are searched in place; foreign bytes are
// staged window by window (overlapping by the pattern length - 1), so a
// 1 GiB Buffer never needs 1 GiB of wasm memory.
import { searchStart, slicePos, toStep } from './args.js';
import { READ, toRef } from './bytes.js';
import { patternParts } from './pattern.js';
import { NPOS, core, heap, wasmBuffer, withScratch } from './wasm.js';

/** Foreign haystack bytes staged per call (as functions.js). */
const WINDOW = 256 << 10;
/** findAll positions collected per call into wasm. */
const BATCH = 4096;

/** The parts of `pattern` when it is a Pattern with some mask bit clear; else null. */
export function maskedParts(pattern) {
  const parts = patternParts(pattern);
  return parts !== null && !parts.full ? parts : null;
}

/** A Pattern whose mask is all ones is exactly its bytes; any other value passes through. */
export function plainPattern(pattern) {
  const parts = patternParts(pattern);
  return parts === null ? pattern : parts.bytes;
}

function maskedArgs(fn, dest, parts, start, end, step) {
  const hay = toRef(dest, fn, 'dest', READ);
  return {
    hay,
    parts,
    start: searchStart(start, hay.len, fn),
    end: slicePos(end, hay.len, fn, 'end', hay.len),
    step: toStep(step, fn),
  };
}

/** The lowest position >= x that is start + k * step. */
function alignUp(x, start, step) {
  if (x <= start) return start;
  const r = (x - start) % step;
  return r === 0 ? x : x + step - r;
}

/**
 * Runs `fn(p, m, slot)` with the pattern's bytes at p and its mask at m in
 * wasm memory, and `room` more bytes lent at slot.
 */
function withPattern(parts, room, fn) {
  const plen = parts.bytes.length;
  return withScratch(room + 2 * plen, (slot) => {
    const h = heap();
    h.set(parts.bytes, slot + room);
    h.set(parts.mask, slot + room + plen);
    return fn(slot + room, slot + room + plen, slot);
  });
}

/** Haystack bytes [from, from + len) in wasm memory: in place, or copied to slot. */
function stage(hay, from, len, slot) {
  if (hay.view === null) return hay.ptr + from;
  heap().set(hay.view.subarray(from, from + len), slot);
  return slot;
}

function forward({ hay, parts, start, end, step }) {
  const plen = parts.bytes.length;
  if (start > end || end - start < plen) return -1;
  const span = hay.view === null ? end - start : Math.min(end - start, WINDOW + plen - 1);
  return withPattern(parts, hay.view === null ? 0 : span, (p, m, slot) => {
    for (let from = start; ; ) {
      const to = Math.min(end, from + span);
      const h = stage(hay, from, to - from, slot);
      const i = core.findMasked(h, to - from, p, m, plen, 0, to - from, step);
      if (i !== NPOS) return from + i;
      if (to === end) return -1;
      from = alignUp(to - plen + 1, start, step);
      if (from > end - plen) return -1;
    }
  });
}

function backward({ hay, parts, start, end, step }) {
  const plen = parts.bytes.length;
  if (start > end || end - start < plen) return -1;
  const top = end - plen - ((end - plen - start) % step);
  const span = hay.view === null ? end - start : Math.min(end - start, WINDOW + plen - 1);
  return withPattern(parts, hay.view === null ? 0 : span, (p, m, slot) => {
    for (let hi = top; ; ) {
      let lo = alignUp(Math.max(start, hi + plen - span), start, step);
      if (lo > hi) lo = hi;
      const to = hi + plen;
      const i = core.rfindMasked(stage(hay, lo, to - lo, slot), to - lo, p, m, plen, 0, to - lo, step);
      if (i !== NPOS) return lo + i;
      if (lo === start) return -1;
      hi = lo - step;
    }
  });
}

/** find/rfind with a masked Pattern: the position, or -1. */
export function searchMasked(fn, backwards, dest, parts, start, end, step) {
  const args = maskedArgs(fn, dest, parts, start, end, step);
  return backwards ? backward(args) : forward(args);
}

/** findAll with a masked Pattern: arguments checked now, matches found lazily. */
export function findAllMasked(fn, dest, parts, start, end, step) {
  const args = maskedArgs(fn, dest, parts, start, end, step);
  const hayValue = args.hay.view !== null && typeof dest === 'string' ? args.hay.view : dest;
  return allMasked(fn, hayValue, args);
}

function* allMasked(fn, hayValue, { parts, start, end, step }) {
  for (let from = start; ; ) {
    const hay = toRef(hayValue, fn, 'dest', READ);
    const batch = collect(hay, parts, start, Math.min(end, hay.len), step, from);
    yield* batch.found;
    if (batch.next === null) return;
    from = batch.next;
  }
}

/** Up to BATCH matches from `from` on; `next` is where to resume, or null at the end. */
function collect(hay, parts, start, end, step, from) {
  const plen = parts.bytes.length;
  const found = [];
  if (from > end || end - from < plen) return { found, next: null };
  const span = hay.view === null ? end - from : Math.min(end - from, WINDOW + plen - 1);
  const outBytes = BATCH * 4; // wasm32 size_t
  return withPattern(parts, outBytes + (hay.view === null ? 0 : span), (p, m, out) => {
    for (;;) {
      const to = Math.min(end, from + span);
      const h = stage(hay, from, to - from, out + outBytes);
      const n = core.findMaskedMany(h, to - from, p, m, plen, 0, to - from, step, out, BATCH - found.length);
      const local = new Uint32Array(wasmBuffer(), out, n); // read at once, not kept
      for (let k = 0; k < n; k++) found.push(from + local[k]);
      if (found.length === BATCH) return { found, next: found[BATCH - 1] + step };
      if (to === end) return { found, next: null };
      from = alignUp(to - plen + 1, start, step);
      if (from > end - plen) return { found, next: null };
    }
  });
}
