// Comparing two Worker documents with the package's cmp, diff, rdiff and match.
//
// The summary reports exactly what the functions define: cmp(a, b), diff
// (first difference over the common length) and rdiff (last difference with
// the files aligned on their LAST bytes, as an offset into A). Jumping from
// difference to difference works at equal offsets, as the side-by-side view
// shows them: the next difference after p is diff(A[p+1:n], B[p+1:n]), the
// previous one rdiff(A[0:p], B[0:p]) (equal lengths, so both alignments
// agree). Difference runs are counted by alternating diff and match: each
// call skips a whole run in wasm, so a file that differs in 3 places costs 7
// calls, not a byte loop.
//
// Two documents in memory are compared in place, one call each; otherwise
// window by window (MemSlices of a chunk, or Blob slices of a windowed file).
import { cmp, diff, MemSlice, match, rdiff } from '../../../dist/js/index.js';

export const WINDOW = 16 << 20;
export const MAX_RUNS = 100_000; // counting stops here ("100 000+")

/** The bytes [a, b) of a document as a bytes-like the package takes (no copy for a chunk). */
function windowOf(doc, a, b) {
  if (doc.kind === 'memory') return new MemSlice(doc.chunk, a, b);
  return doc.read(a, b);
}

const bothInMemory = (A, B) => A.kind === 'memory' && B.kind === 'memory';

/**
 * The first position in [from, to) where A and B at the same offsets differ
 * (kind 'diff') or agree (kind 'match'); -1 when none. Backward (diff only): the last one.
 */
export async function scan(A, B, { kind, from, to, backward = false }, ctx, windowBytes = WINDOW) {
  if (to <= from) return -1;
  const w = bothInMemory(A, B) ? to - from : windowBytes;
  const total = to - from;
  if (backward && kind !== 'diff') throw new Error('scan: backward match is not needed here');
  for (let k = 0; k < total; k += w) {
    ctx?.check();
    const x = backward ? Math.max(from, to - k - w) : from + k;
    const y = backward ? to - k : Math.min(to, x + w);
    const [wa, wb] = await Promise.all([windowOf(A, x, y), windowOf(B, x, y)]);
    const r = backward ? rdiff(wa, wb) : kind === 'diff' ? diff(wa, wb) : match(wa, wb);
    if (r >= 0) return x + r;
    ctx?.progress((k + (y - x)) / total);
  }
  return -1;
}

/** cmp, diff and rdiff of the two whole documents, as the package defines them. */
export async function summary(A, B, ctx, windowBytes = WINDOW) {
  if (bothInMemory(A, B)) return { cmp: cmp(A.chunk, B.chunk), diff: diff(A.chunk, B.chunk), rdiff: rdiff(A.chunk, B.chunk) };
  const n = Math.min(A.size, B.size);
  const first = await scan(
    A,
    B,
    { kind: 'diff', from: 0, to: n },
    ctx?.sub((f) => f / 2),
    windowBytes,
  );
  let c;
  if (first >= 0) {
    const [a, b] = await Promise.all([A.read(first, first + 1), B.read(first, first + 1)]);
    c = a[0] < b[0] ? -1 : 1;
  } else c = A.size === B.size ? 0 : A.size < B.size ? -1 : 1;
  // rdiff: the last n bytes of each, compared window by window from the end.
  let last = -1;
  for (let j1 = n; j1 > 0 && last < 0; j1 -= windowBytes) {
    ctx?.check();
    const j0 = Math.max(0, j1 - windowBytes);
    const [wa, wb] = await Promise.all([windowOf(A, A.size - n + j0, A.size - n + j1), windowOf(B, B.size - n + j0, B.size - n + j1)]);
    const r = rdiff(wa, wb);
    if (r >= 0) last = A.size - n + j0 + r;
    ctx?.progress(0.5 + (n - j0) / Math.max(1, n) / 2);
  }
  return { cmp: c, diff: first, rdiff: last };
}

/** Runs of differing bytes at equal offsets over the common length, as [start, end) pairs, up to MAX_RUNS. */
export async function differenceRuns(A, B, ctx, windowBytes = WINDOW) {
  const n = Math.min(A.size, B.size);
  const runs = [];
  let pos = 0;
  while (pos < n && runs.length < MAX_RUNS) {
    const at = pos;
    const d = await scan(
      A,
      B,
      { kind: 'diff', from: pos, to: n },
      ctx?.sub((f) => (at + f * (n - at)) / n),
      windowBytes,
    );
    if (d < 0) break;
    const m = await scan(
      A,
      B,
      { kind: 'match', from: d, to: n },
      ctx?.sub(() => -1),
      windowBytes,
    );
    const end = m < 0 ? n : m;
    runs.push([d, end]);
    pos = end;
  }
  return { runs, complete: pos >= n || runs.length < MAX_RUNS };
}
