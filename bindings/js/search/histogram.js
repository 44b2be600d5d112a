// The byte histogram (issue 26): how often each byte value occurs in a
// range of a bytes-like, counted by the C core (mem_histogram). A module of
// its own, like findany.js, so that a page that never imports it does not
// load it. Wasm bytes are counted in place with one call; foreign bytes are
// staged in windows of WINDOW bytes into the same scratch allocation as the
// counts, which the kernel adds to window after window, so any size costs
// WINDOW bytes of wasm memory; a range of at most SMALL bytes is counted in JS.
import { slicePos } from '../core/args.js';
import { READ, toRef } from '../core/bytes.js';
import { argError } from '../core/errors.js';
import { core, heap, wasmBuffer, withScratch } from '../core/wasm.js';
import { WINDOW, stage } from './window.js';

/**
 * Ranges up to this many bytes are counted by a JS loop: a kernel call costs
 * about 1.3 µs before its first byte (zeroing and reading back the 256
 * counts), which a JS loop spends on ~700 bytes. Measured at 256 to 2048
 * bytes (both paths equal near 768); bench/histogram.bench.js keeps a row
 * just above it. Tests cross it with sizes on both sides.
 */
const SMALL = 768;

/** The kernel's counts: 256 uint64 (2 KiB), at the start of the scratch (malloc's alignment). */
const COUNTS = 2048;

/**
 * How often each byte value occurs in `bytes[start:end]` (Python slice
 * positions): a Uint32Array of 256 counts, `h[v]` for byte value v. A count
 * must fit the Uint32Array: a range of 4 GiB or more in which one value
 * occurs 2^32 times or more is a RangeError (counted exactly, then refused;
 * count it in parts).
 * @param {BytesLike | string} bytes
 * @param {number} [start]
 * @param {number} [end]
 * @returns {Uint32Array}
 */
export function histogram(bytes, start, end) {
  const ref = toRef(bytes, 'histogram', 'bytes', READ);
  const s = slicePos(start, ref.len, 'histogram', 'start', 0);
  const e = slicePos(end, ref.len, 'histogram', 'end', ref.len);
  const out = new Uint32Array(256);
  if (e - s <= SMALL) {
    const v = ref.view ?? heap().subarray(ref.ptr, ref.ptr + ref.len);
    for (let i = s; i < e; i++) out[v[i]]++;
    return out;
  }
  // Wasm bytes in one call, in place; foreign ones a window at a time.
  const span = ref.view === null ? e - s : Math.min(WINDOW, e - s);
  return withScratch(COUNTS + (ref.view === null ? 0 : span), (counts) => {
    heap().fill(0, counts, counts + COUNTS);
    for (let at = s, n = 0; at < e; at += n) {
      n = Math.min(span, e - at);
      core.histogram(stage(ref, at, n, counts + COUNTS), n, counts);
    }
    const c = new Uint32Array(wasmBuffer(), counts, 512); // uint64 halves, little-endian; read at once
    for (let v = 0; v < 256; v++) {
      const n = c[2 * v + 1] * 2 ** 32 + c[2 * v];
      if (n > 0xffffffff)
        throw argError(RangeError, 'histogram', 'bytes', `holds ${n} bytes of value ${v}: a Uint32Array count holds at most 2^32 - 1`);
      out[v] = n;
    }
    return out;
  });
}
