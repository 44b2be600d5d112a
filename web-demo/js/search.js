// Searching a document in windows, so that a search over hundreds of MiB
// shows progress, stays cancellable and never freezes the page.
//
// The package's own find/rfind/findAll do every byte of work; this module
// only cuts the candidate positions start, start+step, ... into windows of
// about WINDOW bytes. Candidate k sits at start + k*step; a window holds the
// candidates k0..k1 and the bytes they need, [start + k0*step,
// start + k1*step + plen), so each call's own `start` keeps the alignment and
// no match is lost or found twice at a window's edge. Between windows, once a
// frame's worth of time (~25 ms) has passed, the loop yields to the browser.
import { find, rfind, findAll } from 'wasm-mem';
import { Cancelled, yieldToBrowser } from './util.js';

// Big enough that the per-call overhead vanishes (a window is searched in a
// few ms in wasm), small enough that progress moves and a cancel is quick.
const WINDOW = 16 << 20;
const SLICE_MS = 25;

/**
 * The search's candidate range for a document of `size` bytes, with the
 * package's rules for start/end (already non-negative here: the UI turned
 * "from the end" into offsets).
 */
function plan(size, pattern, start = 0, end = size, step = 1, windowBytes = WINDOW) {
  const plen = pattern.length;
  const s = start;
  const e = Math.min(end, size);
  // Highest candidate index: the last aligned i with i + plen <= e (none when the range is too short).
  const last = s > e || e - s < plen ? -1 : Math.floor((e - plen - s) / step);
  const per = Math.max(1, Math.floor(windowBytes / step)); // candidates per window
  return { plen, s, e, step, last, per };
}

async function runWindow(doc, p, k0, k1, fn) {
  const a = p.s + k0 * p.step;
  const b = p.s + k1 * p.step + p.plen;
  const { data, base } = await doc.source(a, b);
  return fn(data, a - base, b - base, base);
}

function makeTicker(signal, onProgress) {
  let since = performance.now();
  return async (fraction) => {
    if (performance.now() - since < SLICE_MS) return;
    onProgress?.(fraction);
    await yieldToBrowser();
    if (signal?.aborted) throw new Cancelled();
    since = performance.now();
  };
}

/**
 * The first match at or after `from` (forward) or the last one at or before
 * `from` (backward), among the aligned candidates of [start, end) with
 * `step`; -1 when there is none. Throws Cancelled when `signal` aborts.
 * @param {import('./doc.js').MemoryDoc | import('./doc.js').FileDoc} doc
 * @param {Uint8Array} pattern
 * @param {{start?: number, end?: number, step?: number, from?: number, backward?: boolean,
 *          signal?: AbortSignal, onProgress?: (fraction: number) => void, windowBytes?: number}} options
 *   (`windowBytes`: bytes per window; tests make it tiny to put matches on the edges)
 */
export async function searchOne(doc, pattern, { start = 0, end, step = 1, from, backward = false, signal, onProgress, windowBytes }) {
  const p = plan(doc.size, pattern, start, end ?? doc.size, step, windowBytes);
  if (p.last < 0) return -1;
  const tick = makeTicker(signal, onProgress);
  if (!backward) {
    const kFrom = from === undefined ? 0 : Math.max(0, Math.ceil((from - p.s) / step));
    for (let k0 = kFrom; k0 <= p.last; k0 += p.per) {
      const k1 = Math.min(p.last, k0 + p.per - 1);
      const i = await runWindow(doc, p, k0, k1, (data, a, b, base) => {
        const r = find(data, pattern, a, b, step);
        return r < 0 ? -1 : r + base;
      });
      if (i >= 0) return i;
      await tick((k1 + 1 - kFrom) / (p.last + 1 - kFrom));
    }
    return -1;
  }
  const kTo = from === undefined ? p.last : Math.min(p.last, Math.floor((from - p.s) / step));
  for (let k1 = kTo; k1 >= 0; k1 -= p.per) {
    const k0 = Math.max(0, k1 - p.per + 1);
    const i = await runWindow(doc, p, k0, k1, (data, a, b, base) => {
      const r = rfind(data, pattern, a, b, step);
      return r < 0 ? -1 : r + base;
    });
    if (i >= 0) return i;
    await tick((kTo - k0 + 1) / (kTo + 1));
  }
  return -1;
}

/**
 * Counts every match (overlapping ones too) with findAll, window by window.
 * Also returns the first few positions, for a summary.
 */
export async function countAll(doc, pattern, { start = 0, end, step = 1, signal, onProgress, windowBytes }) {
  const p = plan(doc.size, pattern, start, end ?? doc.size, step, windowBytes);
  let count = 0;
  const first = [];
  const tick = makeTicker(signal, onProgress);
  for (let k0 = 0; k0 <= p.last; k0 += p.per) {
    const k1 = Math.min(p.last, k0 + p.per - 1);
    await runWindow(doc, p, k0, k1, (data, a, b, base) => {
      for (const i of findAll(data, pattern, a, b, step)) {
        if (first.length < 5) first.push(i + base);
        count++;
      }
    });
    await tick((k1 + 1) / (p.last + 1));
  }
  return { count, first };
}

/**
 * Matches that touch the bytes [a, b) — what the hex view highlights — from
 * bytes already at hand (the document's sourceSync, null when a windowed
 * file's pages are still loading). Capped: a screen holds a few thousand bytes.
 * @returns {number[]}
 */
export function matchesIn(doc, pattern, { start = 0, end, step = 1 }, a, b) {
  const p = plan(doc.size, pattern, start, end ?? doc.size, step);
  if (p.last < 0 || p.plen === 0) return [];
  // Candidates whose match could overlap [a, b): i > a - plen and i < b.
  const k0 = Math.max(0, Math.ceil((a - p.plen + 1 - p.s) / step));
  const k1 = Math.min(p.last, Math.floor((b - 1 - p.s) / step));
  if (k0 > k1) return [];
  const x = p.s + k0 * step;
  const y = p.s + k1 * step + p.plen;
  const src = doc.sourceSync(x, y);
  if (src === null) return [];
  const out = [];
  for (const i of findAll(src.data, pattern, x - src.base, y - src.base, step)) {
    out.push(i + src.base);
    if (out.length >= 4096) break;
  }
  return out;
}
