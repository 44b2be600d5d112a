// The machinery of the async searches (SPEC §9): options, one reading of a
// source (Run: abort, progress, cancel), the kernel of a call's pattern
// (search/kernel.js), the layout of the one wasm window a call holds across
// awaits, and the forward walk of windows with the bytes not yet ruled out
// carried over. async.js builds the public functions on it; the window size
// and the alignment rule are search/window.js's, as in the sync functions.
import { searchStart, slicePos, toInt, toStep } from '../core/args.js';
import { argError, describe } from '../core/errors.js';
import { core, heap } from '../core/wasm.js';
import { maskedKernel, snapshotKernel } from '../search/kernel.js';
import { maskedParts, plainPattern } from '../search/pattern.js';
import { BATCH, WINDOW, alignUp, inPlace as inPlaceSearch } from '../search/window.js';
import { openSource } from './source.js';

/** onProgress is called each time this many more bytes were read (SPEC: at least every 64 MiB). */
export const PROGRESS_EVERY = 16 << 20;

/** The kernel for any pattern of §2 or §10, a snapshot taken now (a Pattern's parts already are one). */
export function kernelFor(pattern, fn) {
  const masked = maskedParts(pattern);
  return masked !== null ? maskedKernel(masked) : snapshotKernel(plainPattern(pattern), fn);
}

export function toOptions(options, fn) {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object')
    throw argError(TypeError, fn, 'options', `must be an object, got ${describe(options)}`);
  const { signal, onProgress } = options;
  if (
    signal !== undefined &&
    (signal === null || typeof signal !== 'object' || typeof signal.aborted !== 'boolean' || typeof signal.addEventListener !== 'function')
  ) {
    throw argError(TypeError, fn, 'options.signal', `must be an AbortSignal, got ${describe(signal)}`);
  }
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw argError(TypeError, fn, 'options.onProgress', `must be a function, got ${describe(onProgress)}`);
  }
  return { signal, onProgress };
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
      this.#count(n);
    }
    return got;
  }

  #count(n) {
    this.bytesRead += n;
    if (this.#onProgress && this.bytesRead >= this.#nextReport) {
      this.#nextReport = this.bytesRead + PROGRESS_EVERY;
      this.#onProgress(this.bytesRead, this.total);
    }
  }

  /** Waits for bytes at hand and gives them where they are (reader.peek), or null at the end. */
  async peek() {
    if (!this.#reader.ready() && !(await this.#wait())) return null;
    return this.#reader.peek();
  }

  /**
   * The first `n` bytes at hand, read again now (user code may have run
   * since a peek: a piece's buffer detached or shrunk is an error, never
   * bytes read from a stale view). `fn` names the caller.
   */
  current(n, fn) {
    const v = this.#reader.peek();
    const now = v === null ? 0 : v.length;
    if (now < n) throw argError(TypeError, fn, 'source', `piece changed size during the call (${n} bytes, now ${now})`);
    return v.length === n ? v : v.subarray(0, n);
  }

  /** Passes `n` bytes at hand without copying them (searched in place); they count as read. */
  drop(n) {
    this.#reader.drop(n);
    this.#count(n);
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

/** An object literal or `Object.create(null)`: what SPEC §9 takes for options in start's place. */
const isPlainObject = (v) => v !== null && typeof v === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(v));

/**
 * The positions and options of a search, from either calling shape of SPEC
 * §9: `(start, end, step, options)`, or a plain object in start's place
 * (the third argument) holding the options and any of start, end, step; then
 * nothing may follow it. Each value is read once, with the name it is
 * reported by (`options.start`).
 */
function searchArgs(fn, start, end, step, options) {
  if (!isPlainObject(start)) {
    if (start !== null && typeof start === 'object') {
      throw argError(TypeError, fn, 'start', `must be an integer or a plain object of options, got ${describe(start)}`);
    }
    return { start, end, step, options, names: { start: 'start', end: 'end', step: 'step' } };
  }
  for (const [name, v] of [
    ['end', end],
    ['step', step],
    ['options', options],
  ]) {
    if (v !== undefined) throw argError(TypeError, fn, name, `must be left out after options given third, got ${describe(v)}`);
  }
  const o = start;
  return {
    start: o.start,
    end: o.end,
    step: o.step,
    options: o,
    names: { start: 'options.start', end: 'options.end', step: 'options.step' },
  };
}

/**
 * Checks the arguments of a search, opens the source and resolves the
 * positions against its size (seekable) or requires them non-negative
 * (read once: the length is unknown). Everything is checked before the
 * source is opened, except what needs its size; abort before start reads
 * nothing.
 */
export async function beginSearch(fn, source, pattern, startArg, endArg, stepArg, optionsArg, makeKernel = kernelFor) {
  const { start, end, step, options, names } = searchArgs(fn, startArg, endArg, stepArg, optionsArg);
  const opts = toOptions(options, fn);
  const kernel = makeKernel(pattern, fn);
  toInt(start, fn, names.start, 0);
  if (end !== undefined) toInt(end, fn, names.end);
  const st = toStep(step, fn, names.step);
  if (opts.signal?.aborted) throw opts.signal.reason;
  const reader = await openSource(source, fn);
  let s;
  let e;
  try {
    if (reader.seekable) {
      s = searchStart(start, reader.size, fn, names.start);
      e = slicePos(end, reader.size, fn, names.end, reader.size);
    } else {
      s = toInt(start, fn, names.start, 0);
      e = end === undefined ? Infinity : toInt(end, fn, names.end);
      for (const [name, v] of [
        [names.start, s],
        [names.end, e],
      ]) {
        if (v < 0) throw argError(RangeError, fn, name, `must be >= 0 for a source read once (its length is not known), got ${v}`);
      }
    }
  } catch (err) {
    await reader.close(false);
    throw err;
  }
  const total = reader.seekable ? Math.max(0, e - s) : undefined;
  // Big pieces are searched where they are when the pattern has a byte to skim for (search/inplace.js).
  const parts = kernel.parts ?? null;
  const r = parts === null || inPlaceSearch === null ? -1 : inPlaceSearch.probe(parts.bytes, parts.mask);
  const inPlace = r < 0 ? null : { bytes: parts.bytes, mask: parts.mask, r };
  return { fn, reader, kernel, inPlace, start: s, end: e, step: st, run: new Run(reader, opts, total) };
}

/** Bytes of wasm memory a search's layout takes (see layout). */
export function layoutSize(kernel, withBatch) {
  return (withBatch ? BATCH * 4 : 0) + kernel.room + WINDOW + kernel.length; // wasm32 size_t positions
}

/**
 * The wasm memory of a search at `base` (layoutSize bytes): the batch of
 * positions, the pattern (placed now), then the window of `cap` bytes.
 */
export function layout(base, kernel, withBatch) {
  const outBytes = withBatch ? BATCH * 4 : 0;
  kernel.place(base + outBytes);
  return { out: base, window: base + outBytes + kernel.room, cap: WINDOW + kernel.length };
}

/**
 * Pieces (or blocks) at hand of at least this many bytes are searched where
 * they are when the pattern allows (search/inplace.js): no copy at all while
 * the rare byte stays rare. Smaller ones are batched into the window, where
 * one kernel call covers many of them.
 */
const IN_PLACE_PIECE = 16 << 10;
/** Bytes searched in place per window at most: a bigger piece takes several, so progress is reported and an abort seen as often as when copying. */
const IN_PLACE_SPAN = 1 << 20;
/** After the rare byte turned out common in a piece, this many windows at most go by before the next piece is tried in place. */
const MAX_WAIT = 64;

/**
 * The forward window loop: yields each filled window as {base, len, s, e,
 * last, piece} (window byte 0 is absolute offset `base`; candidates s..e-plen
 * in window coordinates, aligned from the call's start; `last`: no window
 * follows) and returns when no candidate is left or the source ends. The
 * window's bytes stay put until the next iteration is asked for. With
 * patterns of several lengths, the longest sets the carry and the shortest
 * whether a window has candidates.
 *
 * `piece` is null, or a big piece at hand to search in place after the
 * window: `{base, s, e, bytes()}` (piece byte 0 at absolute `base`,
 * candidates s..e-plen aligned, `bytes()` its bytes read at the time); the
 * window then holds only the candidates carried from before the piece (with
 * the piece's first bytes after them) and may have none (s > e - plen). A
 * consumer that leaves part of the piece to the kernel sets the window's
 * `stoppedAt` to the absolute candidate where that part starts; the loop
 * then copies the piece from there.
 */
export async function* forwardWindows(job, { window, cap }) {
  const { run, reader, kernel, inPlace, start, end, step } = job;
  const plen = kernel.length;
  const minLen = kernel.minLength;
  if (start > end || end - start < minLen) return;
  let pos = 0; // absolute position of the next byte the reader gives
  let base = start;
  let len = 0;
  let checkFrom = start; // the first candidate not yet checked (aligned)
  let wait = 0; // windows to copy before a piece is tried in place again
  let backoff = 1;
  const goTo = async (to) => {
    if (reader.seekable) run.seek(to);
    else if (!(await run.skip(window, cap, to - pos))) return false;
    pos = to;
    return true;
  };
  if (!(await goTo(start))) return; // a stream that ends before `start` has no candidates
  for (let first = true; ; first = false) {
    if (inPlace !== null && end - pos >= IN_PLACE_PIECE && (wait === 0 || --wait === 0)) {
      const piece = await run.peek();
      if (piece !== null && piece.length >= IN_PLACE_PIECE) {
        const n = Math.min(piece.length, end - pos, IN_PLACE_SPAN);
        // The window's candidates (those before the piece) need the piece's first plen - 1 bytes: copied, not taken.
        const head = plen - 1;
        heap().set(piece.subarray(0, head), window + len);
        const w = {
          base,
          len: len + head,
          s: checkFrom - base,
          e: Math.min(pos + head, end) - base,
          last: false,
          piece: { base: pos, s: alignUp(Math.max(checkFrom, pos), start, step) - pos, e: n, bytes: () => run.current(n, job.fn) },
          stoppedAt: -1,
        };
        yield w;
        if (w.stoppedAt >= 0) {
          // The rare byte is common here: the kernel copies the piece from there on, and the next pieces for a while.
          checkFrom = w.stoppedAt;
          wait = backoff;
          backoff = Math.min(2 * backoff, MAX_WAIT);
        } else {
          checkFrom = alignUp(pos + n - plen + 1, start, step);
          backoff = 1;
        }
        // Carry the piece's bytes from checkFrom on when they are its last few; else pass up to checkFrom.
        const keep = w.stoppedAt < 0 && checkFrom <= end - minLen ? Math.max(0, pos + n - checkFrom) : 0;
        if (keep > 0) heap().set(run.current(n, job.fn).subarray(n - keep), window);
        const pass = Math.min(n, checkFrom - pos) + keep;
        run.drop(pass); // may call onProgress: nothing of the piece is read after it
        pos += pass;
        base = checkFrom;
        len = keep;
        if (checkFrom > end - minLen) return;
        if (pos < checkFrom && !(await goTo(checkFrom))) return;
        continue;
      }
    }
    const want = Math.min(cap - len, end - pos);
    const added = want > 0 ? await run.fill(window + len, want) : 0;
    const atEnd = added < cap - len; // the source ended, or `end` was reached
    len += added;
    pos += added;
    if (added === 0 && !first) return;
    const s = checkFrom - base;
    const e = Math.min(end, base + len) - base;
    if (s <= e - minLen) yield { base, len, s, e, last: atEnd, piece: null };
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
