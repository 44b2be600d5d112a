// Searches over a Worker document (docs.js), one window loop for all of
// them. A document in memory is one window: the package's kernel runs on the
// Chunk in place, at memory speed. A windowed document is read in Blob
// slices of SLICE bytes, the next slice already being read while the kernel
// searches the current one, so a search runs at the rate the browser
// delivers the bytes. Each window holds the bytes a match starting in it may
// reach (`over` more), and a window only reports the candidates that start
// in it, so nothing straddling an edge is lost or counted twice.
import { countAsync, find, findAll, findAllAny, magic, Pattern, rfind } from '../../../dist/js/index.js';
import { MAX_HITS } from '../plain.js';

/** Bytes per Blob slice of a windowed document. */
export const SLICE = 16 << 20;

/**
 * The windows over candidates [s, e) of `doc` (forward, or backward from
 * the end): {data, base, lo, hi, end} — data holds the bytes [lo, end) at
 * data positions minus `base`; candidates [lo, hi) belong to this window;
 * end = min(e, hi + over). Windows start on the step's grid from s.
 * `ctx` (worker.js): cancellation between windows, and progress.
 */
export async function* windows(doc, s, e, over, { step = 1, backward = false, ctx, slice = SLICE }) {
  if (s >= e) return;
  if (doc.kind === 'memory') {
    yield { data: doc.chunk, base: 0, lo: s, hi: e, end: e };
    return;
  }
  const w = Math.max(step, Math.floor(slice / step) * step);
  const list = [];
  for (let lo = s; lo < e; lo += w) list.push([lo, Math.min(e, lo + w)]);
  if (backward) list.reverse();
  const read = ([lo, hi]) => {
    const p = doc.read(lo, Math.min(e, hi + over));
    p.catch(() => {}); // awaited below; a read left behind by a break must not be an unhandled rejection
    return p;
  };
  let next = read(list[0]);
  for (let k = 0; k < list.length; k++) {
    const data = await next;
    ctx?.check();
    next = k + 1 < list.length ? read(list[k + 1]) : null;
    const [lo, hi] = list[k];
    yield { data, base: lo, lo, hi, end: Math.min(e, hi + over) };
    ctx?.progress((k + 1) / list.length);
  }
}

/** A pattern from a message: a masked one arrives as {bytes, mask} (see remote.js). */
export function patternOf(p) {
  if (p === null || typeof p !== 'object' || !('mask' in p)) return p;
  return new Pattern(p.bytes, p.mask);
}

/** The first aligned candidate >= from. */
function alignFrom(from, start, step) {
  if (from <= start) return start;
  return start + Math.ceil((from - start) / step) * step;
}

/**
 * The first match at or after `from` (the last one that ends by
 * `from + length` when backward), aligned on `step` from `start`; -1 when none.
 */
export async function findIn(doc, pattern, { start = 0, end = doc.size, step = 1, from, backward = false }, ctx, slice) {
  const over = Math.max(0, pattern.length - 1);
  const e = Math.min(end, doc.size);
  if (!backward) {
    const s = alignFrom(from ?? start, start, step);
    for await (const w of windows(doc, s, e, over, { step, ctx, slice })) {
      const i = find(w.data, pattern, w.lo - w.base, w.end - w.base, step);
      if (i >= 0) return i + w.base;
    }
    return -1;
  }
  const top = from === undefined ? e : Math.min(e, from + pattern.length);
  for await (const w of windows(doc, start, top, over, { step, backward, ctx, slice })) {
    const i = rfind(w.data, pattern, w.lo - w.base, w.end - w.base, step);
    if (i >= 0) return i + w.base;
  }
  return -1;
}

/** The number of matches (overlapping ones included) and the first five. */
export async function countIn(doc, pattern, { start = 0, end = doc.size, step = 1 }, ctx, slice) {
  const over = Math.max(0, pattern.length - 1);
  let n = 0;
  const first = [];
  for await (const w of windows(doc, start, Math.min(end, doc.size), over, { step, ctx, slice })) {
    const [a, b] = [w.lo - w.base, w.end - w.base];
    // countAsync counts the kernel's batches of positions, never a JS step per match.
    const k = await countAsync(w.data, pattern, a, b, step);
    n += k;
    if (k > 0 && first.length < 5) {
      for (const i of findAll(w.data, pattern, a, b, step)) {
        first.push(i + w.base);
        if (first.length === 5) break;
      }
    }
  }
  return { count: n, first };
}

/**
 * Every hit of the chosen `magic` entries (ids; all when undefined) that
 * passes the entry's check, {offset, name, id, at} (offset where the marked
 * file starts, at the signature's own position), by offset, at most
 * MAX_HITS. A window holds the largest reach (the bytes a check may read, at
 * least the signature) after its last candidate.
 */
export async function signaturesIn(doc, ids, ctx, slice) {
  const entries = ids ? magic.filter((m) => ids.includes(m.id)) : magic;
  if (!entries.length) return [];
  const patterns = entries.map((m) => m.pattern);
  const reach = Math.max(...entries.map((m) => m.reach));
  const hits = [];
  for await (const w of windows(doc, 0, doc.size, reach - 1, { ctx, slice })) {
    for (const [i, k] of findAllAny(w.data, patterns, w.lo - w.base, w.end - w.base)) {
      const at = i + w.base;
      if (at >= w.hi) break; // the next window's candidate
      const m = entries[k];
      const offset = at - m.offset;
      if (offset < 0) continue;
      // data holds every byte up to end: reach bytes after i, or the document's end.
      if (m.check && !m.check(w.data, i)) continue;
      hits.push({ offset, name: m.name, id: m.id, at });
      if (hits.length >= MAX_HITS) return hits;
    }
  }
  // Offsets before positions: a tar's header (at 257) may sort before an earlier hit.
  return hits.sort((x, y) => x.offset - y.offset || x.at - y.at);
}
