// Bulk reads and writes of strided items (columns, strided and offset views,
// big-endian arrays) through the C kernel mem_gather (src/mem_gather.c): a
// whole run of items is one call, byte-swapped there when the format is
// big-endian, instead of a DataView call per item.
//
// Items in wasm memory (a Chunk, a MemSlice of one) are gathered in place
// into a scratch window, which is then copied into the result with one
// `set`. Items of a foreign buffer are first copied into wasm memory a
// window at a time (a memcpy of the records' bytes), then gathered the same
// way: at 16-byte records that measured faster than any DataView loop over
// the foreign bytes, and it is one path for every size and byte order.
// Windows keep wasm memory use bounded: a 1 GiB Buffer never needs 1 GiB of
// wasm memory. Positions are re-read after each allocation (withScratch
// may grow memory), and nothing holds a view of wasm memory across a call.
import { core, heap, wasmBuffer, withScratch } from '../core/wasm.js';

/** Bytes of gathered items per window: the persistent scratch slot's size, so no malloc per call. */
const OUT_WINDOW = 32 << 10;
/** Bytes of a foreign buffer's records staged per window, beside OUT_WINDOW in the same slot. */
const IN_WINDOW = 32 << 10;

/**
 * Gathers `n` items of `size` bytes, item k at src[k * stride], packed and
 * each item's bytes reversed when `swap`, one window at a time: `sink(h, at,
 * k, m)` takes items k .. k + m - 1, packed at h[at] (h the heap view now;
 * valid until the next allocation). `src` is a view of the items' bytes now
 * (wasm memory or foreign).
 */
function gatherWindows(src, n, stride, size, swap, sink) {
  if (n === 0) return;
  const perWindow = Math.max(1, Math.floor(OUT_WINDOW / size));
  const inWasm = src.buffer === wasmBuffer();
  // Foreign records are staged: as many whole items as IN_WINDOW holds (at least one).
  const staged = inWasm ? 0 : Math.max(1, Math.min(perWindow, Math.floor((IN_WINDOW - size) / stride) + 1));
  const step = inWasm ? perWindow : staged;
  const inBytes = inWasm ? 0 : (staged - 1) * stride + size;
  const base = inWasm ? src.byteOffset : 0; // read before the scratch is lent (a malloc may grow memory)
  withScratch(step * size + inBytes, (scratch) => {
    const from = scratch + step * size;
    for (let k = 0; k < n; k += step) {
      const m = Math.min(step, n - k);
      let at = base + k * stride;
      if (!inWasm) {
        heap().set(src.subarray(k * stride, k * stride + (m - 1) * stride + size), from);
        at = from;
      }
      core.gather(scratch, size, at, stride, m, size, swap);
      sink(heap(), scratch, k, m);
    }
  });
}

/** Copies `n` items of `src` into `out` (a Uint8Array of n * size bytes), packed; see gatherWindows. Returns `out`. */
export function gatherBytes(out, src, n, stride, size, swap) {
  gatherWindows(src, n, stride, size, swap, (h, at, k, m) => out.set(h.subarray(at, at + m * size), k * size));
  return out;
}

/**
 * Writes the `size` packed bytes of `item` to items [s, e) of `dst` (a
 * writable view of the items' bytes now, item k at dst[k * stride]): one
 * kernel call in wasm memory, a byte loop over foreign bytes (what a
 * staged copy would cost twice).
 */
export function fillStrided(dst, stride, item, s, e) {
  const size = item.length;
  if (e <= s) return;
  if (dst.buffer !== wasmBuffer()) {
    for (let k = s, at = s * stride; k < e; k++, at += stride) for (let b = 0; b < size; b++) dst[at + b] = item[b];
    return;
  }
  const base = dst.byteOffset;
  withScratch(size, (p) => {
    heap().set(item, p);
    core.gather(base + s * stride, stride, p, 0, e - s, size, false);
  });
}

/**
 * The `n` items of `src` (`stride` apart) as `acc`'s typed array, by the
 * kernel (contiguous little-endian items: one copy): for the codes whose
 * typed array holds exactly their bytes (integers, f, d, c); null for the
 * others (e, ?), which convert each value.
 */
export function gatherTyped(acc, src, n, stride) {
  if (acc.bulk === null && acc.code !== 'c') return null;
  if (stride === acc.size && acc.little) return new acc.TypedArray(src.slice().buffer); // contiguous: one copy
  const out = new acc.TypedArray(n);
  gatherBytes(new Uint8Array(out.buffer), src, n, stride, acc.size, !acc.little && acc.size > 1);
  return out;
}

/**
 * The `n` values of `src` (`stride` apart) of a code whose typed array holds
 * exactly its bytes (acc.bulk), as a JS array: gathered a window at a time
 * and read through a typed view of the window (no typed array of all n; a
 * plain indexed loop: Array.from and spread run the iterator, ~15x slower).
 */
export function gatherArray(acc, src, n, stride) {
  const out = new Array(n);
  gatherWindows(src, n, stride, acc.size, !acc.little && acc.size > 1, (h, at, k, m) => {
    const t = new acc.TypedArray(h.buffer, at, m); // the scratch is 8-aligned (malloc)
    for (let j = 0; j < m; j++) out[k + j] = t[j];
  });
  return out;
}
