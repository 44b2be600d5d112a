// Many patterns in one pass (SPEC §10): findAny and findAllAny, and the
// window entry the async functions build on. The patterns are compiled once
// per call by the C core (mem_multi_prepare) into a relocatable blob, kept
// here as a JS copy and staged into wasm memory with each batch: the blob
// holds offsets, not pointers, so where it lands does not matter, and
// nothing stays allocated in wasm memory between the batches of a lazy
// iterator (a consumer that stops early leaks nothing).
import { isIterableObject } from '../core/args.js';
import { PATTERN, READ, toRef, toView } from '../core/bytes.js';
import { argError, describe } from '../core/errors.js';
import { core, heap, wasmBuffer, withScratch } from '../core/wasm.js';
import { rangeArgs } from './functions.js';
import { patternParts } from './pattern.js';
import { BATCH, WINDOW, alignUp } from './window.js';

/** Pairs collected per call into wasm (findAllAny's batch): a pair is two size_t, so BATCH positions' bytes. */
const PAIR_BATCH = BATCH / 2;

/**
 * Compiles `patterns` (an array or iterable of bytes-likes, strings, byte
 * values and Patterns) into a set: `{blob, count, minLen, maxLen}`.
 * RangeError for an empty list or an empty pattern, naming `fn`.
 */
export function compilePatterns(fn, patterns) {
  if (!isIterableObject(patterns)) {
    throw argError(TypeError, fn, 'patterns', `must be an array of patterns, got ${describe(patterns)}`);
  }
  const list = Array.from(patterns);
  if (list.length === 0) throw argError(RangeError, fn, 'patterns', 'is empty: give at least one pattern');
  const bytes = [];
  const masks = [];
  let total = 0;
  let minLen = Infinity;
  let maxLen = 0;
  for (let k = 0; k < list.length; k++) {
    const parts = patternParts(list[k]);
    // A copy: a later [bytes]() of another pattern may change this one's view.
    const b = parts !== null ? parts.bytes : new Uint8Array(toView(list[k], fn, `patterns[${k}]`, PATTERN)); // a copy (no caller's slice)
    if (b.length === 0) throw argError(RangeError, fn, `patterns[${k}]`, 'is empty');
    bytes.push(b);
    masks.push(parts !== null ? parts.mask : null);
    total += b.length;
    minLen = Math.min(minLen, b.length);
    maxLen = Math.max(maxLen, b.length);
  }
  const count = list.length;
  const lensAt = 0;
  const patsAt = 4 * count;
  const masksAt = patsAt + total;
  const input = 4 * count + 2 * total;
  const blob = withScratch(input, (slot) => {
    const h = heap();
    const lens = new Uint32Array(wasmBuffer(), slot + lensAt, count); // wasm32 size_t; used at once
    let at = 0;
    for (let k = 0; k < count; k++) {
      lens[k] = bytes[k].length;
      h.set(bytes[k], slot + patsAt + at);
      if (masks[k] === null) h.fill(0xff, slot + masksAt + at, slot + masksAt + at + bytes[k].length);
      else h.set(masks[k], slot + masksAt + at);
      at += bytes[k].length;
    }
    const size = core.multiSize(slot + masksAt, slot + lensAt, count);
    // 0: the tables would need 4 GiB or more (their offsets are 32-bit; src/mem.h states the bound).
    if (size === 0) throw argError(RangeError, fn, 'patterns', `are too large to compile: ${count} patterns of ${total} bytes`);
    return withScratch(size, (b) => {
      if (core.multiPrepare(b, slot + patsAt, slot + masksAt, slot + lensAt, count) !== 0) {
        throw new Error(`${fn}(): the patterns could not be compiled`);
      }
      return heap().slice(b, b + size);
    });
  });
  return { blob, count, minLen, maxLen };
}

/**
 * A compiled set in the kernel shape of kernel.js (length, minLength, room,
 * place), with `findPairs` for its own export: the blob is placed in the
 * scratch, on a 4-byte boundary (it holds uint32 fields).
 */
function setKernel(set) {
  let blob = 0;
  return {
    length: set.maxLen,
    minLength: set.minLen,
    room: set.blob.length + 3,
    place(ptr) {
      blob = ptr + ((4 - (ptr % 4)) % 4);
      heap().set(set.blob, blob);
    },
    findPairs: (h, hl, s, e, ce, st, minPat, out, max) => core.multiFind(blob, h, hl, s, e, ce, st, minPat, out, max),
  };
}

/**
 * The window entry (for windowed callers of a source): the matches of `set`
 * in one window of a source.
 *
 * `window` is a Uint8Array holding source bytes [base, base + window.length)
 * (or, from the async functions, a ref of bytes in wasm memory: `{ptr, len,
 * view: null}`); `start` and `step` are the search's absolute alignment
 * origin and step; `from` the first absolute position still to settle
 * (aligned, >= base); `end` the absolute end of the searched range when this
 * window reaches it, else undefined. Returns `{pairs, settled}`: every
 * `[index, pattern]` pair (absolute index) with from <= index < settled,
 * ordered by index then pattern; `settled` is where the next window must
 * start settling: the window's end minus the longest pattern's length plus
 * one (those positions may match patterns not yet whole), or `end` for the
 * last window. Keep the bytes from `settled` on for the next window.
 */
export function findAnyInWindow(set, window, base, start, step, from, end) {
  const hay = window instanceof Uint8Array ? { ptr: 0, len: window.length, view: window } : window;
  const last = end !== undefined ? Math.min(end, base + hay.len) : base + hay.len;
  const settled = end !== undefined ? last : Math.max(from, last - set.maxLen + 1);
  const pairs = [];
  if (from >= settled) return { pairs, settled };
  scanRange(setKernel(set), hay, { from: from - base, end: last - base, candEnd: settled - base, step, offset: base }, pairs);
  return { pairs, settled };
}

/**
 * Pairs of the set kernel `set` in hay (positions local to hay's bytes) for
 * candidates from..candEnd-1 aligned on step from `from`, match ends <= end,
 * pushed onto `pairs` as absolute (local + offset) positions, at most `max`
 * of them; `minPat` skips lower patterns at `from`. Foreign bytes are staged
 * in windows. Returns the resume point `{from, minPat}` when `max` was
 * reached, else null.
 */
function scanRange(set, hay, { from, end, candEnd, step, max = Infinity, minPat = 0, offset = 0 }, pairs) {
  const room = hay.view === null ? 0 : Math.min(end - from, WINDOW + set.length - 1);
  const batch = Math.min(PAIR_BATCH, max);
  const outBytes = batch * 8;
  return withScratch(outBytes + room + set.room, (outAt) => {
    const hayAt = outAt + outBytes;
    set.place(hayAt + room);
    let wFrom = from; // the window's first byte (local)
    for (;;) {
      const wEnd = hay.view === null ? end : Math.min(end, wFrom + room);
      const wCand = wEnd === end ? candEnd : Math.min(candEnd, wEnd - set.length + 1);
      let h;
      if (hay.view === null) h = hay.ptr + wFrom;
      else {
        heap().set(hay.view.subarray(wFrom, wEnd), hayAt);
        h = hayAt;
      }
      // Candidates from..wCand-1 of this window, in batches.
      while (from < wCand) {
        const want = Math.min(batch, max - pairs.length);
        const n = set.findPairs(h, wEnd - wFrom, from - wFrom, wEnd - wFrom, wCand - wFrom, step, minPat, outAt, want);
        const out = new Uint32Array(wasmBuffer(), outAt, 2 * n); // read at once, not kept
        for (let k = 0; k < n; k++) pairs.push([offset + wFrom + out[2 * k], out[2 * k + 1]]);
        if (n < want) break;
        from = wFrom + out[2 * n - 2];
        minPat = out[2 * n - 1] + 1;
        if (pairs.length >= max) return { from, minPat };
      }
      if (wCand >= candEnd) return null;
      // The next window starts at the first unsettled aligned candidate.
      from = alignUp(wCand, from, step);
      minPat = 0;
      if (from >= candEnd) return null;
      wFrom = from;
    }
  });
}

function anyArgs(fn, dest, patterns, start, end, step) {
  const { hay, ...args } = rangeArgs(fn, dest, start, end, step);
  // The patterns last: their [bytes]() may move dest, which is resolved again before use.
  args.set = compilePatterns(fn, patterns);
  return args;
}

/**
 * The lowest match of any of `patterns` in `dest[start:end]` aligned on
 * `step`: `{index, pattern}` (`pattern` its position in the list; at one
 * offset the lowest wins), or null.
 * @returns {{index: number, pattern: number} | null}
 */
export function findAny(dest, patterns, start, end, step) {
  const { set, ...a } = anyArgs('findAny', dest, patterns, start, end, step);
  const hay = toRef(dest, 'findAny', 'dest', READ);
  const e = Math.min(a.end, hay.len);
  if (a.start >= e) return null;
  const pairs = [];
  scanRange(setKernel(set), hay, { from: a.start, end: e, candEnd: e, step: a.step, max: 1 }, pairs);
  return pairs.length ? { index: pairs[0][0], pattern: pairs[0][1] } : null;
}

/**
 * Every match of every pattern, as `[index, pattern]` pairs ordered by index
 * then pattern number; lazy like findAll (found in batches as consumed,
 * reading dest's bytes as they are then).
 * @returns {IterableIterator<[number, number]>}
 */
export function findAllAny(dest, patterns, start, end, step) {
  const { set, ...a } = anyArgs('findAllAny', dest, patterns, start, end, step);
  const hayValue = typeof dest === 'string' ? toView(dest, 'findAllAny', 'dest', READ) : dest;
  return allAny(set, hayValue, a);
}

function* allAny(set, hayValue, { start, end, step }) {
  let resume = { from: start, minPat: 0 };
  while (resume !== null) {
    const hay = toRef(hayValue, 'findAllAny', 'dest', READ);
    const e = Math.min(end, hay.len);
    if (resume.from >= e) return;
    const pairs = [];
    resume = scanRange(setKernel(set), hay, { from: resume.from, end: e, candEnd: e, step, max: PAIR_BATCH, minPat: resume.minPat }, pairs);
    yield* pairs;
  }
}
