// Searching with a masked Pattern (SPEC §10): the masked path behind
// find/rfind/index/rindex/findAll and the classes' indexOf/lastIndexOf/
// includes. pattern.js hands these functions to functions.js for a Pattern
// whose mask is not all ones (registerPatternSearch), so only a page that
// makes a Pattern loads them; a full mask is plain bytes and takes the plain path.
// The window loops are windowed.js's, with the masked kernels.
import { searchStart, slicePos, toStep } from '../core/args.js';
import { READ, toRef } from '../core/bytes.js';
import { core, heap } from '../core/wasm.js';
import { windowedCollect, windowedFind, windowedRfind } from './window.js';

function maskedArgs(fn, dest, parts, start, end, step) {
  const hay = toRef(dest, fn, 'dest', READ);
  return {
    hay,
    parts,
    start: searchStart(start, hay.len, fn),
    end: slicePos(end, hay.len, fn, 'end', hay.len),
    step: toStep(step, fn),
  };
}

/** The kernel of a masked pattern (see windowed.js): its bytes and mask placed in wasm memory, then the masked searches. */
function maskedKernel(parts) {
  const plen = parts.bytes.length;
  let p = 0;
  return {
    len: plen,
    room: 2 * plen,
    place(slot) {
      heap().set(parts.bytes, slot);
      heap().set(parts.mask, slot + plen);
      p = slot;
    },
    find: (h, hl, s, e, st) => core.findMasked(h, hl, p, p + plen, plen, s, e, st),
    rfind: (h, hl, s, e, st) => core.rfindMasked(h, hl, p, p + plen, plen, s, e, st),
    findMany: (h, hl, s, e, st, out, max) => core.findMaskedMany(h, hl, p, p + plen, plen, s, e, st, out, max),
  };
}

function forward({ hay, parts, start, end, step }) {
  const plen = parts.bytes.length;
  if (start > end || end - start < plen) return -1;
  return windowedFind(hay, maskedKernel(parts), start, end, step);
}

function backward({ hay, parts, start, end, step }) {
  const plen = parts.bytes.length;
  if (start > end || end - start < plen) return -1;
  return windowedRfind(hay, maskedKernel(parts), start, end, step, end - plen - ((end - plen - start) % step));
}

/** find/rfind with a masked Pattern: the position, or -1. */
export function searchMasked(fn, backwards, dest, parts, start, end, step) {
  const args = maskedArgs(fn, dest, parts, start, end, step);
  return backwards ? backward(args) : forward(args);
}

/** findAll with a masked Pattern: arguments checked now, matches found lazily. */
export function findAllMasked(fn, dest, parts, start, end, step) {
  const args = maskedArgs(fn, dest, parts, start, end, step);
  const hayValue = args.hay.view !== null && typeof dest === 'string' ? args.hay.view : dest;
  return allMasked(fn, hayValue, args);
}

function* allMasked(fn, hayValue, { parts, start, end, step }) {
  for (let from = start; ; ) {
    const hay = toRef(hayValue, fn, 'dest', READ);
    const batch = collect(hay, parts, start, Math.min(end, hay.len), step, from);
    yield* batch.found;
    if (batch.next === null) return;
    from = batch.next;
  }
}

/** Up to BATCH matches from `from` on; `next` is where to resume, or null at the end. */
function collect(hay, parts, start, end, step, from) {
  return windowedCollect(hay, maskedKernel(parts), start, end, step, from);
}
