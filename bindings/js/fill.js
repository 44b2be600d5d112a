// Writing a byte value or a pattern repeated over wasm memory: Chunk.alloc,
// fill and resize. A pattern that lies where it is written is copied first.
import { toByte } from './core/args.js';
import { PATTERN, toRef } from './core/bytes.js';
import { argError } from './core/errors.js';
import { core, heap, withScratch } from './core/wasm.js';

/** A fill value: a byte (number) or a non-empty ref. */
export function toFill(value, fn, arg) {
  if (typeof value === 'number') return toByte(value, fn, arg);
  const ref = toRef(value, fn, arg, PATTERN);
  if (ref.len === 0) throw argError(RangeError, fn, arg, 'must not be an empty pattern');
  return ref;
}

/**
 * Writes `fill` repeated from its first byte over [dst, dst + n) of wasm
 * memory. A pattern that lies in wasm memory where it could be overwritten
 * (inside the target range) is first copied out.
 */
export function writeFill(dst, n, fill) {
  if (n === 0) return;
  if (typeof fill === 'number') {
    const h = heap();
    if (n <= 16)
      for (let i = dst; i < dst + n; i++) h[i] = fill; // a call to fill() costs more
    else h.fill(fill, dst, dst + n);
    return;
  }
  let view = fill.view;
  if (view === null) {
    if (fill.ptr < dst + n && fill.ptr + fill.len > dst) view = heap().slice(fill.ptr, fill.ptr + fill.len);
    else return core.fillPattern(dst, n, fill.ptr, fill.len);
  }
  if (view.length === 1) return heap().fill(view[0], dst, dst + n);
  if (n <= view.length) return heap().set(view.subarray(0, n), dst);
  withScratch(view.length, (p) => {
    heap().set(view, p);
    core.fillPattern(dst, n, p, view.length);
  });
}
