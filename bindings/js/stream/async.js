// The async functions of SPEC §9: search, count and compare a source that
// is not (or should not be) in memory — a stream, an iterable of pieces, a
// Blob, a FileHandle.
//
// Each call allocates one wasm window (WINDOW bytes plus the pattern's
// length) and copies the source into it piece by piece; a full window is
// searched with the same SIMD kernels as the sync functions. The last
// (pattern length - 1) bytes not yet ruled out are carried to the front of
// the next window, so a match straddling two pieces or two windows is found
// whatever the piece sizes, and memory stays one window however long the
// source. Positions are absolute: window byte 0 sits at `base`, and `step`
// alignment is counted from the call's `start`.
//
// The search itself is a kernel (search/kernel.js): the window loops call
// only its find/findMany/rfind over a window, so each pattern kind of §10
// brings its own C search; findAllAnyAsync drives the multi-pattern window
// entry of findany.js through the same loop. Each call's window is lent by
// the loader (withScratchIterating), freed however the call ends.

import { argError } from '../core/errors.js';
import { NPOS, core, wasmBuffer, withScratchAsync, withScratchIterating } from '../core/wasm.js';
import { compilePatterns, findAnyInWindow } from '../search/findany.js';
import { BATCH, WINDOW, alignUp, inPlace as inPlaceSearch, topCandidate } from '../search/window.js';
import { Run, beginSearch, forwardWindows, layout, layoutSize, toOptions } from './run.js';
import { openSource } from './source.js';

/**
 * Runs `body(mem)` (an async generator) with the call's wasm layout (run.js)
 * lent for its duration, and closes the call's source after it, however it
 * ends: its values pass through.
 */
async function* searching(job, withBatch, body) {
  try {
    yield* withScratchIterating(layoutSize(job.kernel, withBatch), `${job.fn}()`, (base) => body(layout(base, job.kernel, withBatch)));
  } finally {
    await job.run.close();
  }
}

/** The first value `body` yields (see searching), or `otherwise` when it yields none. */
async function firstOf(job, withBatch, otherwise, body) {
  for await (const v of searching(job, withBatch, body)) return v;
  return otherwise;
}

/** The matches of one window of a findMany kernel, BATCH at a time, as absolute offsets; then its piece's (see forwardWindows). */
function* matchesIn(job, mem, w) {
  for (let s = w.s; s <= w.e - job.kernel.length; ) {
    const n = job.kernel.findMany(mem.window, w.len, s, w.e, job.step, mem.out, BATCH);
    if (n === 0) break;
    // Read the batch out at once: yielding runs the consumer's code, which may grow memory.
    const found = Array.from(new Uint32Array(wasmBuffer(), mem.out, n), (i) => w.base + i);
    yield* found;
    if (n < BATCH) break;
    s = found[BATCH - 1] - w.base + job.step;
  }
  for (const found of pieceBatches(job, w)) yield* found;
}

/**
 * The matches in a window's piece, searched where it is (search/inplace.js),
 * BATCH at a time as absolute offsets; where the rare byte turns out common,
 * the window's `stoppedAt` says where the kernel takes over. The piece is
 * read again per batch: a consumer may have detached it meanwhile.
 */
function* pieceBatches(job, w) {
  const p = w.piece;
  if (p === null) return;
  const { bytes, mask, r } = job.inPlace;
  for (let from = p.s; from >= 0 && from <= p.e - bytes.length; ) {
    const found = [];
    const next = inPlaceSearch.collect(p.bytes(), bytes, mask, r, p.s, from, p.e, job.step, found, BATCH);
    if (next < -1) w.stoppedAt = p.base + (-2 - next);
    for (let k = 0; k < found.length; k++) found[k] += p.base;
    yield found;
    from = next;
  }
}

/** The lowest match of a window (then of its piece), as an absolute offset, or -1. */
function firstIn(job, mem, w) {
  const kernel = job.kernel;
  if (w.s <= w.e - kernel.length) {
    const i = kernel.find(mem.window, w.len, w.s, w.e, job.step);
    if (i !== NPOS) return w.base + i;
  }
  const p = w.piece;
  if (p === null || p.s > p.e - kernel.length) return -1;
  const { bytes, mask, r } = job.inPlace;
  const i = inPlaceSearch.find(p.bytes(), bytes, mask, r, p.s, p.e, job.step);
  if (i < -1) w.stoppedAt = p.base + (-2 - i);
  return i < 0 ? -1 : p.base + i;
}

/**
 * The lowest match's absolute offset, or -1. Stops reading at the first
 * match and cancels a stream (or returns an iterator) it did not finish.
 * @returns {Promise<number>}
 */
export async function findAsync(source, pattern, start, end, step, options) {
  const job = await beginSearch('findAsync', source, pattern, start, end, step, options);
  return firstOf(job, false, -1, async function* (mem) {
    for await (const w of forwardWindows(job, mem)) {
      const i = firstIn(job, mem, w);
      if (i >= 0) yield i;
    }
  });
}

/**
 * Every match's absolute offset, ascending, overlapping ones included.
 * Argument errors reject the first next(); a consumer's `break` cancels the
 * source. The window stays allocated while the iteration is suspended: run
 * it to its end or break out of it.
 * @returns {AsyncIterableIterator<number>}
 */
export async function* findAllAsync(source, pattern, start, end, step, options) {
  const job = await beginSearch('findAllAsync', source, pattern, start, end, step, options);
  yield* searching(job, true, async function* (mem) {
    for await (const w of forwardWindows(job, mem)) yield* matchesIn(job, mem, w);
  });
}

/**
 * As `findAllAny` (SPEC §10) over a source: every match of every pattern as
 * `[index, pattern]` pairs, ordered by index, then pattern number.
 * @returns {AsyncIterableIterator<[number, number]>}
 */
export async function* findAllAnyAsync(source, patterns, start, end, step, options) {
  const fn = 'findAllAnyAsync';
  const job = await beginSearch(fn, source, patterns, start, end, step, options, (list) => {
    // The window's geometry only: findAnyInWindow places the set itself.
    const set = compilePatterns(fn, list);
    return { set, length: set.maxLen, minLength: set.minLen, room: 0, place() {} };
  });
  yield* searching(job, false, async function* (mem) {
    for await (const w of forwardWindows(job, mem)) {
      // The window's bytes in place, by position: findAnyInWindow's own scratch may grow memory.
      const window = { ptr: mem.window, len: w.len, view: null };
      const last = w.last ? w.base + w.e : undefined;
      const { pairs } = findAnyInWindow(job.kernel.set, window, w.base, job.start, job.step, w.base + w.s, last);
      yield* pairs;
    }
  });
}

/**
 * The number of matches, overlapping ones included: counted per batch in
 * wasm, without a promise per match.
 * @returns {Promise<number>}
 */
export async function countAsync(source, pattern, start, end, step, options) {
  const job = await beginSearch('countAsync', source, pattern, start, end, step, options);
  return firstOf(job, true, 0, async function* (mem) {
    let count = 0;
    for await (const w of forwardWindows(job, mem)) {
      for (let s = w.s; s <= w.e - job.kernel.length; ) {
        const n = job.kernel.findMany(mem.window, w.len, s, w.e, job.step, mem.out, BATCH);
        count += n;
        if (n < BATCH) break;
        s = new Uint32Array(wasmBuffer(), mem.out + (BATCH - 1) * 4, 1)[0] + job.step;
      }
      for (const found of pieceBatches(job, w)) count += found.length;
    }
    yield count;
  });
}

/**
 * The highest match's absolute offset, or -1: seekable sources only (a
 * Blob, a FileHandle, a bytes-like), read backwards from the end in windows.
 * @returns {Promise<number>}
 */
export async function rfindAsync(source, pattern, start, end, step, options) {
  const fn = 'rfindAsync';
  const job = await beginSearch(fn, source, pattern, start, end, step, options);
  const { kernel, run, start: s, end: e, step: st } = job;
  const plen = kernel.length;
  // Answers that need no window: the source is closed, nothing is read.
  const early = !job.reader.seekable ? null : s > e || e - s < plen ? -1 : plen === 0 ? topCandidate(s, e, plen, st) : undefined;
  if (early !== undefined) {
    await run.close();
    if (early === null) {
      throw argError(
        TypeError,
        fn,
        'source',
        'must be seekable (a Blob, a FileHandle or a bytes-like) to be searched backwards, got a source read once',
      );
    }
    return early;
  }
  const top = topCandidate(s, e, plen, st);
  return firstOf(job, false, -1, async function* (mem) {
    // Windows walk down from the top candidate; each holds the candidates
    // lo..hi (aligned) and the bytes their matches need.
    for (let hi = top; ; ) {
      let lo = alignUp(Math.max(s, hi + plen - mem.cap), s, st);
      if (lo > hi) lo = hi; // a step wider than the window: one candidate at a time
      const to = hi + plen;
      run.seek(lo, to);
      const len = await run.fill(mem.window, to - lo);
      const i = len < plen ? NPOS : kernel.rfind(mem.window, len, 0, len, st);
      if (i !== NPOS) return yield lo + i;
      if (lo === s) return;
      hi = lo - st;
    }
  });
}

/**
 * Reads `a` and `b` side by side, window by window, until `onWindow(pa, pb,
 * k, offset)` returns an answer (not undefined) or a source ends; then
 * `atEnd(aLonger, bLonger)` gives the answer.
 */
async function compareSources(fn, a, b, options, onWindow, atEnd) {
  const opts = toOptions(options, fn);
  if (opts.signal?.aborted) throw opts.signal.reason;
  const ra = await openSource(a, fn, 'a');
  let rb;
  try {
    rb = await openSource(b, fn, 'b');
  } catch (err) {
    await ra.close(false);
    throw err;
  }
  const runA = new Run(ra, opts, ra.size);
  const runB = new Run(rb, { signal: opts.signal }, rb.size);
  try {
    return await withScratchAsync(2 * WINDOW, `${fn}()`, (mem) => readPairs(runA, runB, mem, mem + WINDOW, onWindow, atEnd));
  } finally {
    try {
      await runA.close();
    } finally {
      await runB.close();
    }
  }
}

/** compareSources' loop over windows at `pa` and `pb`. */
async function readPairs(runA, runB, pa, pb, onWindow, atEnd) {
  for (let offset = 0; ; offset += WINDOW) {
    const la = await runA.fill(pa, WINDOW);
    // A that ended: one byte of B says whether B is longer.
    const lb = await runB.fill(pb, la === 0 ? 1 : la);
    const k = Math.min(la, lb);
    if (k > 0) {
      const r = onWindow(pa, pb, k, offset);
      if (r !== undefined) return r;
    }
    if (la !== lb || la < WINDOW) {
      const bLonger = la < lb || (la < WINDOW && la === lb && la > 0 && (await runB.fill(pb, 1)) > 0);
      return atEnd(la > lb, bLonger);
    }
  }
}

/**
 * As `cmp`: -1, 0 or 1, reading both sources side by side; stops at the
 * first difference.
 * @returns {Promise<-1 | 0 | 1>}
 */
export function cmpAsync(a, b, options) {
  return compareSources(
    'cmpAsync',
    a,
    b,
    options,
    (pa, pb, k) => core.cmp(pa, k, pb, k) || undefined,
    (aLonger, bLonger) => (aLonger ? 1 : bLonger ? -1 : 0),
  );
}

/**
 * As `diff`: the lowest offset where the two differ, over their common
 * length, else -1; stops at the first difference.
 * @returns {Promise<number>}
 */
export function diffAsync(a, b, options) {
  return compareSources(
    'diffAsync',
    a,
    b,
    options,
    (pa, pb, k, offset) => {
      const i = core.diff(pa, k, pb, k);
      return i === NPOS ? undefined : offset + i;
    },
    () => -1,
  );
}
