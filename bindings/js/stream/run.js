// The machinery of the async searches (SPEC §9): options, one reading of a
// source (Run: abort, progress, cancel), the searchers (plain, masked, sets),
// the one wasm window a call holds across awaits, and the forward walk of
// windows with the bytes not yet ruled out carried over. async.js builds
// the public functions on it.
import { searchStart, slicePos, toInt, toStep } from '../core/args.js';
import { PATTERN, toView } from '../core/bytes.js';
import { argError, describe } from '../core/errors.js';
import { maskedParts, plainPattern } from '../search/pattern.js';
import { openSource } from './source.js';
import { core, heap } from '../core/wasm.js';

/**
 * Bytes of source per window: small enough that the window is still in
 * cache when the kernel reads it right after the copy (as functions.js
 * measured for staging), large enough that the per-window cost vanishes.
 */
export const WINDOW = 256 << 10;
/** Matches collected per kernel call (findAll, count). */
export const BATCH = 4096;
/** onProgress is called each time this many more bytes were read (SPEC: at least every 64 MiB). */
export const PROGRESS_EVERY = 16 << 20;

/** The lowest position >= x that is start + k * step. */
export function alignUp(x, start, step) {
  if (x <= start) return start;
  const r = (x - start) % step;
  return r === 0 ? x : x + step - r;
}

/**
 * A plain byte pattern as a searcher: its bytes are copied once (a pattern
 * the caller changes mid-call does not change this call), placed in wasm
 * memory by `place(ptr)`, and searched with the core's kernels.
 */
export function bytesSearcher(pattern, fn) {
  const bytes = new Uint8Array(toView(plainPattern(pattern), fn, 'pattern', PATTERN)); // a copy (no caller's slice)
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
export function maskedSearcher({ bytes, mask }) {
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
export function searcherFor(pattern, fn) {
  const masked = maskedParts(pattern);
  return masked !== null ? maskedSearcher(masked) : bytesSearcher(pattern, fn);
}

export function toOptions(options, fn) {
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
export function allocate(n, fn) {
  const ptr = core.malloc(n);
  if (ptr === 0) throw new RangeError(`${fn}(): out of memory allocating a ${n}-byte window`);
  return ptr;
}

/**
 * One reading of one source: reads through the abort signal and reports
 * progress. `read` is the only place a call waits on its source.
 */
export class Run {
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
export async function beginSearch(fn, source, pattern, start, end, step, options, makeSearcher = searcherFor) {
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
export function layout(fn, searcher, withBatch) {
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
export async function* forwardWindows({ run, reader, searcher, start, end, step }, { window, cap }) {
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
