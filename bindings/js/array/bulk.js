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
 * Copies `n` items of `size` bytes, item k at src[k * stride], into `out`
 * (a Uint8Array of n * size bytes), packed, each item's bytes reversed when
 * `swap`. `src` is a view of the items' bytes now (wasm memory or foreign).
 */
export function gatherBytes(out, src, n, stride, size, swap) {
  if (n === 0) return out;
  const perWindow = Math.max(1, Math.floor(OUT_WINDOW / size));
  const inWasm = src.buffer === wasmBuffer();
  // Foreign records are staged: as many whole items as IN_WINDOW holds (at least one).
  const staged = inWasm ? 0 : Math.max(1, Math.min(perWindow, Math.floor((IN_WINDOW - size) / stride) + 1));
  const step = inWasm ? perWindow : staged;
  const inBytes = inWasm ? 0 : (staged - 1) * stride + size;
  const base = inWasm ? src.byteOffset : 0; // read before the scratch is lent (a malloc may grow memory)
  withScratch(step * size + inBytes, (scratch) => {
    const h = heap();
    const from = scratch + step * size;
    for (let k = 0; k < n; k += step) {
      const m = Math.min(step, n - k);
      let at = base + k * stride;
      if (!inWasm) {
        const len = (m - 1) * stride + size;
        h.set(src.subarray(k * stride, k * stride + len), from);
        at = from;
      }
      core.gather(scratch, size, at, stride, m, size, swap);
      out.set(h.subarray(scratch, scratch + m * size), k * size);
    }
  });
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
 * kernel: for the codes whose typed array holds exactly their bytes
 * (integers, f, d, c); null for the others (e, ?), which convert each value.
 */
export function gatherTyped(acc, src, n, stride) {
  if (acc.bulk === null && acc.code !== 'c') return null;
  const out = new acc.TypedArray(n);
  gatherBytes(new Uint8Array(out.buffer), src, n, stride, acc.size, !acc.little && acc.size > 1);
  return out;
}

/** A typed array's values as a JS array: a plain indexed loop (Array.from and spread run the iterator, ~15x slower at 1 M values). */
export function arrayOf(typed) {
  const out = new Array(typed.length);
  for (let i = 0; i < typed.length; i++) out[i] = typed[i];
  return out;
}
