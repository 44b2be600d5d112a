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
// The search itself is a "searcher" (bytesSearcher, maskedSearcher): the
// window loops call only its find/findMany/rfind over a window, so each
// pattern kind of §10 brings its own kernels; findAllAnyAsync drives the
// multi-pattern window entry of findany.js through the same loop.

import { argError } from '../core/errors.js';
import { compilePatterns, findAnyInWindow } from '../search/findany.js';
import { openSource } from './source.js';
import { NPOS, core, heap, wasmBuffer } from '../core/wasm.js';
import { BATCH, Run, WINDOW, alignUp, allocate, beginSearch, forwardWindows, layout, toOptions } from './run.js';

/**
 * The lowest match's absolute offset, or -1. Stops reading at the first
 * match and cancels a stream (or returns an iterator) it did not finish.
 * @returns {Promise<number>}
 */
export async function findAsync(source, pattern, start, end, step, options) {
  const job = await beginSearch('findAsync', source, pattern, start, end, step, options);
  let mem = null;
  try {
    mem = layout('findAsync', job.searcher, false);
    for await (const w of forwardWindows(job, mem)) {
      const i = job.searcher.find(mem.window, w.len, w.s, w.e, job.step);
      if (i !== NPOS) return w.base + i;
    }
    return -1;
  } finally {
    if (mem) core.free(mem.base);
    await job.run.close();
  }
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
  let mem = null;
  try {
    mem = layout('findAllAsync', job.searcher, true);
    for await (const w of forwardWindows(job, mem)) {
      for (let s = w.s; ; ) {
        const n = job.searcher.findMany(mem.window, w.len, s, w.e, job.step, mem.out, BATCH);
        // Read the batch out at once: yielding runs the consumer's code, which may grow memory.
        const found = Array.from(new Uint32Array(wasmBuffer(), mem.out, n), (i) => w.base + i);
        for (const i of found) yield i;
        if (n < BATCH) break;
        s = found[BATCH - 1] - w.base + job.step;
      }
    }
  } finally {
    if (mem) core.free(mem.base);
    await job.run.close();
  }
}

/**
 * As `findAllAny` (SPEC §10) over a source: every match of every pattern as
 * `[index, pattern]` pairs, ordered by index, then pattern number.
 * @returns {AsyncIterableIterator<[number, number]>}
 */
export async function* findAllAnyAsync(source, patterns, start, end, step, options) {
  const fn = 'findAllAnyAsync';
  const job = await beginSearch(fn, source, patterns, start, end, step, options, (list) => {
    const set = compilePatterns(fn, list);
    return { set, length: set.maxLen, minLength: set.minLen, room: 0, place() {} };
  });
  let mem = null;
  try {
    mem = layout(fn, job.searcher, false);
    for await (const w of forwardWindows(job, mem)) {
      // The window entry takes foreign bytes: a copy, since its own staging may grow memory.
      const bytes = heap().slice(mem.window, mem.window + w.len);
      const end = w.last ? w.base + w.e : undefined;
      const { pairs } = findAnyInWindow(job.searcher.set, bytes, w.base, job.start, job.step, w.base + w.s, end);
      for (const pair of pairs) yield pair;
    }
  } finally {
    if (mem) core.free(mem.base);
    await job.run.close();
  }
}

/**
 * The number of matches, overlapping ones included: counted per batch in
 * wasm, without a promise per match.
 * @returns {Promise<number>}
 */
export async function countAsync(source, pattern, start, end, step, options) {
  const job = await beginSearch('countAsync', source, pattern, start, end, step, options);
  let mem = null;
  try {
    mem = layout('countAsync', job.searcher, true);
    let count = 0;
    for await (const w of forwardWindows(job, mem)) {
      for (let s = w.s; ; ) {
        const n = job.searcher.findMany(mem.window, w.len, s, w.e, job.step, mem.out, BATCH);
        count += n;
        if (n < BATCH) break;
        s = new Uint32Array(wasmBuffer(), mem.out + (BATCH - 1) * 4, 1)[0] + job.step;
      }
    }
    return count;
  } finally {
    if (mem) core.free(mem.base);
    await job.run.close();
  }
}

/**
 * The highest match's absolute offset, or -1: seekable sources only (a
 * Blob, a FileHandle, a bytes-like), read backwards from the end in windows.
 * @returns {Promise<number>}
 */
export async function rfindAsync(source, pattern, start, end, step, options) {
  const fn = 'rfindAsync';
  const job = await beginSearch(fn, source, pattern, start, end, step, options);
  let mem = null;
  try {
    if (!job.reader.seekable) {
      throw argError(TypeError, fn, 'source', 'must be seekable (a Blob, a FileHandle or a bytes-like) to be searched backwards, got a source read once');
    }
    const { searcher, run, start: s, end: e, step: st } = job;
    const plen = searcher.length;
    if (s > e || e - s < plen) return -1;
    const top = e - plen - ((e - plen - s) % st); // the highest aligned candidate
    if (plen === 0) return top;
    mem = layout(fn, searcher, false);
    // Windows walk down from the top candidate; each holds the candidates
    // lo..hi (aligned) and the bytes their matches need.
    for (let hi = top; ; ) {
      let lo = alignUp(Math.max(s, hi + plen - mem.cap), s, st);
      if (lo > hi) lo = hi; // a step wider than the window: one candidate at a time
      const to = hi + plen;
      run.seek(lo, to);
      const len = await run.fill(mem.window, to - lo);
      const i = len < plen ? NPOS : searcher.rfind(mem.window, len, 0, len, st);
      if (i !== NPOS) return lo + i;
      if (lo === s) return -1;
      hi = lo - st;
    }
  } finally {
    if (mem) core.free(mem.base);
    await job.run.close();
  }
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
  let mem = 0;
  try {
    mem = allocate(2 * WINDOW, fn);
    const pa = mem;
    const pb = mem + WINDOW;
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
  } finally {
    if (mem) core.free(mem);
    try {
      await runA.close();
    } finally {
      await runB.close();
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
