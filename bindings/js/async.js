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
import { searchStart, slicePos, toInt, toStep } from './args.js';
import { PATTERN, toView } from './bytes.js';
import { argError, describe } from './errors.js';
import { compilePatterns, findAnyInWindow } from './findany.js';
import { maskedParts, plainPattern } from './masked.js';
import { openSource } from './source.js';
import { NPOS, core, heap, wasmBuffer } from './wasm.js';

/**
 * Bytes of source per window: small enough that the window is still in
 * cache when the kernel reads it right after the copy (as functions.js
 * measured for staging), large enough that the per-window cost vanishes.
 */
const WINDOW = 256 << 10;
/** Matches collected per kernel call (findAll, count). */
const BATCH = 4096;
/** onProgress is called each time this many more bytes were read (SPEC: at least every 64 MiB). */
const PROGRESS_EVERY = 16 << 20;

/** The lowest position >= x that is start + k * step. */
function alignUp(x, start, step) {
  if (x <= start) return start;
  const r = (x - start) % step;
  return r === 0 ? x : x + step - r;
}

/**
 * A plain byte pattern as a searcher: its bytes are copied once (a pattern
 * the caller changes mid-call does not change this call), placed in wasm
 * memory by `place(ptr)`, and searched with the core's kernels.
 */
function bytesSearcher(pattern, fn) {
  const bytes = toView(plainPattern(pattern), fn, 'pattern', PATTERN).slice();
  let p = 0;
  const plen = bytes.length;
  return {
    length: plen,
    minLength: plen,
    room: plen,
    place(ptr, heapU8) {
      heapU8.set(bytes, ptr);
      p = ptr;
    },
    find: (h, hl, s, e, st) => core.find(h, hl, p, plen, s, e, st),
    rfind: (h, hl, s, e, st) => core.rfind(h, hl, p, plen, s, e, st),
    findMany: (h, hl, s, e, st, out, max) => core.findMany(h, hl, p, plen, s, e, st, out, max),
  };
}

/** A masked Pattern (some mask bit clear) as a searcher: its bytes and mask placed side by side. */
function maskedSearcher({ bytes, mask }) {
  const plen = bytes.length;
  let p = 0;
  let m = 0;
  return {
    length: plen,
    minLength: plen,
    room: 2 * plen,
    place(ptr, heapU8) {
      heapU8.set(bytes, ptr);
      heapU8.set(mask, ptr + plen);
      p = ptr;
      m = ptr + plen;
    },
    find: (h, hl, s, e, st) => core.findMasked(h, hl, p, m, plen, s, e, st),
    rfind: (h, hl, s, e, st) => core.rfindMasked(h, hl, p, m, plen, s, e, st),
    findMany: (h, hl, s, e, st, out, max) => core.findMaskedMany(h, hl, p, m, plen, s, e, st, out, max),
  };
}

/** The searcher for any pattern of §2 or §10 (the Pattern's parts are already a snapshot). */
function searcherFor(pattern, fn) {
  const masked = maskedParts(pattern);
  return masked !== null ? maskedSearcher(masked) : bytesSearcher(pattern, fn);
}

function toOptions(options, fn) {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object') throw argError(TypeError, fn, 'options', `must be an object, got ${describe(options)}`);
  const { signal, onProgress } = options;
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || typeof signal.aborted !== 'boolean' || typeof signal.addEventListener !== 'function')) {
    throw argError(TypeError, fn, 'options.signal', `must be an AbortSignal, got ${describe(signal)}`);
  }
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw argError(TypeError, fn, 'options.onProgress', `must be a function, got ${describe(onProgress)}`);
  }
  return { signal, onProgress };
}

/** `n` bytes of wasm memory, held across awaits (withScratch lends only for a synchronous call). */
function allocate(n, fn) {
  const ptr = core.malloc(n);
  if (ptr === 0) throw new RangeError(`${fn}(): out of memory allocating a ${n}-byte window`);
  return ptr;
}

/**
 * One reading of one source: reads through the abort signal and reports
 * progress. `read` is the only place a call waits on its source.
 */
class Run {
  bytesRead = 0;
  #reader;
  #signal;
  #onProgress;
  #nextReport = PROGRESS_EVERY;
  #aborted = null;
  #unlisten = null;

  constructor(reader, { signal, onProgress }, total) {
    this.#reader = reader;
    this.#signal = signal;
    this.#onProgress = onProgress;
    this.total = total;
    if (signal) {
      this.#aborted = new Promise((_, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        this.#unlisten = () => signal.removeEventListener('abort', onAbort);
      });
      this.#aborted.catch(() => {}); // observed by read(); a run that ends first never rejects it unobserved
    }
  }

  /** Waits until the reader has bytes to take (false at the end), or rejects on abort. */
  async #wait() {
    const signal = this.#signal;
    if (signal?.aborted) throw signal.reason;
    let ready = this.#reader.more();
    if (signal) {
      ready.catch(() => {}); // a read abandoned on abort may still fail later: not the caller's error any more
      ready = Promise.race([ready, this.#aborted]);
    }
    const more = await ready;
    if (signal?.aborted) throw signal.reason;
    return more;
  }

  /**
   * Copies bytes into wasm memory at `ptr` until `want` are there or the
   * source ends; their count. Bytes already at hand (the rest of a piece or
   * of a block) are taken without an await: one await per piece, not per copy.
   */
  async fill(ptr, want) {
    let got = 0;
    while (got < want) {
      if (!this.#reader.ready() && !(await this.#wait())) break;
      const n = this.#reader.take(ptr + got, want - got);
      if (n === 0) break;
      got += n;
      this.bytesRead += n;
      if (this.#onProgress && this.bytesRead >= this.#nextReport) {
        this.#nextReport = this.bytesRead + PROGRESS_EVERY;
        this.#onProgress(this.bytesRead, this.total);
      }
    }
    return got;
  }

  /** Reads and drops `n` bytes (a forward-only source ahead of the range); false when it ends first. */
  async skip(scratch, room, n) {
    while (n > 0) {
      const k = await this.fill(scratch, Math.min(room, n));
      if (k === 0) return false;
      n -= k;
    }
    return true;
  }

  seek(pos, blockEnd) {
    this.#reader.seek(pos, blockEnd);
  }

  /**
   * Cancels the source if it was not read to its end (the reader knows).
   * After an abort the rejection must not wait on the source: an iterator
   * stuck in next() would hold its return() forever.
   */
  async close() {
    this.#unlisten?.();
    const closing = this.#reader.close(true);
    if (this.#signal?.aborted) closing.catch(() => {});
    else await closing;
  }
}

/**
 * Checks the arguments of a search, opens the source and resolves the
 * positions against its size (seekable) or requires them non-negative
 * (read once: the length is unknown). Everything is checked before the
 * source is opened, except what needs its size; abort before start reads
 * nothing.
 */
async function beginSearch(fn, source, pattern, start, end, step, options, makeSearcher = searcherFor) {
  const opts = toOptions(options, fn);
  const searcher = makeSearcher(pattern, fn);
  toInt(start, fn, 'start', 0);
  if (end !== undefined) toInt(end, fn, 'end');
  const st = toStep(step, fn);
  if (opts.signal?.aborted) throw opts.signal.reason;
  const reader = await openSource(source, fn);
  let s;
  let e;
  try {
    if (reader.seekable) {
      s = searchStart(start, reader.size, fn);
      e = slicePos(end, reader.size, fn, 'end', reader.size);
    } else {
      s = toInt(start, fn, 'start', 0);
      e = end === undefined ? Infinity : toInt(end, fn, 'end');
      for (const [name, v] of [['start', s], ['end', e]]) {
        if (v < 0) throw argError(RangeError, fn, name, `must be >= 0 for a source read once (its length is not known), got ${v}`);
      }
    }
  } catch (err) {
    await reader.close(false);
    throw err;
  }
  const total = reader.seekable ? Math.max(0, e - s) : undefined;
  return { reader, searcher, start: s, end: e, step: st, run: new Run(reader, opts, total) };
}

/**
 * The wasm memory of a forward search: the batch of positions, the pattern,
 * then the window. Returns the pointers; the caller frees `base` when done.
 */
function layout(fn, searcher, withBatch) {
  const outBytes = withBatch ? BATCH * 4 : 0; // wasm32 size_t
  const cap = WINDOW + searcher.length;
  const base = allocate(outBytes + searcher.room + cap, fn);
  const ptrs = { base, out: base, window: base + outBytes + searcher.room, cap };
  searcher.place(base + outBytes, heap());
  return ptrs;
}

/**
 * The forward window loop: yields each filled window as {base, len, s, e,
 * last} (window byte 0 is absolute offset `base`; candidates s..e-plen in
 * window coordinates, aligned from the call's start; `last`: no window
 * follows) and returns when no candidate is left or the source ends. The
 * window's bytes stay put until the next iteration is asked for. With
 * patterns of several lengths, the longest sets the carry and the shortest
 * whether a window has candidates.
 */
async function* forwardWindows({ run, reader, searcher, start, end, step }, { window, cap }) {
  const plen = searcher.length;
  const minLen = searcher.minLength;
  if (start > end || end - start < minLen) return;
  let pos = 0; // absolute position of the next byte the reader gives
  let base = start;
  let len = 0;
  let checkFrom = start; // the first candidate not yet checked (aligned)
  const goTo = async (to) => {
    if (reader.seekable) run.seek(to);
    else if (!(await run.skip(window, cap, to - pos))) return false;
    pos = to;
    return true;
  };
  if (!(await goTo(start))) return; // a stream that ends before `start` has no candidates
  for (let first = true; ; first = false) {
    const want = Math.min(cap - len, end - pos);
    const added = want > 0 ? await run.fill(window + len, want) : 0;
    const atEnd = added < cap - len; // the source ended, or `end` was reached
    len += added;
    pos += added;
    if (added === 0 && !first) return;
    const s = checkFrom - base;
    const e = Math.min(end, base + len) - base;
    if (s <= e - minLen) yield { base, len, s, e, last: atEnd };
    if (atEnd) return;
    checkFrom = Math.max(checkFrom, alignUp(base + len - plen + 1, start, step));
    if (checkFrom > end - minLen) return;
    if (checkFrom < base + len) {
      const keep = base + len - checkFrom;
      core.copy(window, window + (checkFrom - base), keep);
      len = keep;
    } else {
      len = 0;
      if (!(await goTo(checkFrom))) return;
    }
    base = checkFrom;
  }
}

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
