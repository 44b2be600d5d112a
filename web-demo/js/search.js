// The matches the hex view highlights: the package's findAll over the bytes
// of the visible rows, at the search's alignment. Searches and counts over
// the whole document run in the Worker (worker.js, through remote.js).
import { findAll } from 'wasm-mem';

/**
 * The search's candidate range for a document of `size` bytes, with the
 * package's rules for start/end (already non-negative here: the UI turned
 * "from the end" into offsets).
 */
function plan(size, pattern, start = 0, end = size, step = 1) {
  const plen = pattern.length;
  const s = start;
  const e = Math.min(end, size);
  // Highest candidate index: the last aligned i with i + plen <= e (none when the range is too short).
  const last = s > e || e - s < plen ? -1 : Math.floor((e - plen - s) / step);
  return { plen, s, e, step, last };
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
