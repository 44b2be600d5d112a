// The one shape of a search kernel: what to search for, how to place it in
// wasm memory, and which C export runs it over one window. The window loops
// of the synchronous functions (window.js), the async functions
// (stream/async.js) and findAny all take this shape:
//
//   { length, minLength, parts, room, place(ptr), find(h, hl, s, e, step),
//     rfind(h, hl, s, e, step), findMany(h, hl, s, e, step, out, max) }
//
// `length` is the longest pattern (it sets the overlap one window carries
// into the next), `minLength` the shortest (whether a window has a
// candidate); `parts` is `{ bytes, mask }` (mask null: plain bytes) when the
// pattern's own bytes are held by the kernel (a snapshot or a Pattern's), so
// the async functions can search big pieces in place (inplace.js), else
// null; `room` is the scratch bytes `place(ptr)` needs, and `place`
// must run after the last allocation before the searches (it writes through
// the heap view of that moment). All positions are wasm positions.
import { PATTERN, toView } from '../core/bytes.js';
import { core, heap } from '../core/wasm.js';
import { stage } from './window.js';

/**
 * Plain pattern bytes, given as a ref of the gate (`{ptr, len, view}`):
 * bytes already in wasm memory are searched in place (room 0), others are
 * copied into the scratch by `place`.
 */
export function bytesKernel(pat) {
  const plen = pat.len;
  let p = 0;
  return {
    length: plen,
    minLength: plen,
    room: pat.view === null ? 0 : plen,
    parts: null,
    place(ptr) {
      p = stage(pat, 0, plen, ptr);
    },
    find: (h, hl, s, e, st) => core.find(h, hl, p, plen, s, e, st),
    rfind: (h, hl, s, e, st) => core.rfind(h, hl, p, plen, s, e, st),
    findMany: (h, hl, s, e, st, out, max) => core.findMany(h, hl, p, plen, s, e, st, out, max),
  };
}

/**
 * Plain pattern bytes as a snapshot (the async functions, which hold a
 * kernel across awaits): a copy of what the gate reads now, so a caller's
 * later writes do not change what this call looks for.
 */
export function snapshotKernel(pattern, fn) {
  const bytes = new Uint8Array(toView(pattern, fn, 'pattern', PATTERN)); // a copy (no caller's slice)
  const kernel = bytesKernel({ ptr: 0, len: bytes.length, view: bytes });
  kernel.parts = { bytes, mask: null };
  return kernel;
}

/** A masked Pattern's parts `{bytes, mask}` (some mask bit clear): both placed side by side, searched by the masked kernels. */
export function maskedKernel(parts) {
  const { bytes, mask } = parts;
  const plen = bytes.length;
  let p = 0;
  let m = 0;
  return {
    length: plen,
    minLength: plen,
    room: 2 * plen,
    parts,
    place(ptr) {
      heap().set(bytes, ptr);
      heap().set(mask, ptr + plen);
      p = ptr;
      m = ptr + plen;
    },
    find: (h, hl, s, e, st) => core.findMasked(h, hl, p, m, plen, s, e, st),
    rfind: (h, hl, s, e, st) => core.rfindMasked(h, hl, p, m, plen, s, e, st),
    findMany: (h, hl, s, e, st, out, max) => core.findMaskedMany(h, hl, p, m, plen, s, e, st, out, max),
  };
}
