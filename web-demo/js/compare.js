// Comparing two documents with the package's cmp, diff, rdiff and match.
//
// The summary reports exactly what the functions define: cmp(a, b), diff
// (first difference over the common length) and rdiff (last difference with
// the files aligned on their LAST bytes, as an offset into A). Jumping from
// difference to difference works at equal offsets, as the side-by-side view
// shows them: the next difference after p is diff(A[p+1:n], B[p+1:n]), the
// previous one rdiff(A[0:p], B[0:p]) (equal lengths, so both alignments
// agree). Differences runs are counted by alternating diff and match: each
// call skips a whole run in wasm, so a file that differs in 3 places costs 7
// calls, not a byte loop.
//
// All of it runs over windows (MemSlices of a chunk, or reads of a large
// file), yielding to the browser between them.
import { cmp, diff, match, rdiff, MemSlice } from 'wasm-mem';
import { Cancelled, yieldToBrowser } from './util.js';

const WINDOW = 16 << 20;
const MAX_RUNS = 100_000; // counting stops here ("100 000+")

/** The bytes [a, b) of a document as a bytes-like the package takes. */
async function windowOf(doc, a, b) {
  if (doc.kind === 'memory') return new MemSlice(doc.chunk, a, b);
  return doc.load(a, b - a);
}

function ticker(signal, onProgress) {
  let since = performance.now();
  return async (fraction) => {
    if (performance.now() - since < 25) return;
    onProgress?.(fraction);
    await yieldToBrowser();
    if (signal?.aborted) throw new Cancelled();
    since = performance.now();
  };
}

/**
 * The first position in [from, to) where A and B at the same offsets differ
 * (kind 'diff') or agree (kind 'match'); -1 when none. Backward: the last one.
 */
export async function scan(A, B, kind, from, to, { backward = false, signal, onProgress, windowBytes = WINDOW } = {}) {
  const fnForward = kind === 'diff' ? diff : match;
  const tick = ticker(signal, onProgress);
  const total = Math.max(1, to - from);
  if (!backward) {
    for (let x = from; x < to; x += windowBytes) {
      const y = Math.min(to, x + windowBytes);
      const r = fnForward(await windowOf(A, x, y), await windowOf(B, x, y));
      if (r >= 0) return x + r;
      await tick((y - from) / total);
    }
    return -1;
  }
  if (kind !== 'diff') throw new Error('scan: backward match is not needed here');
  for (let y = to; y > from; y -= windowBytes) {
    const x = Math.max(from, y - windowBytes);
    const r = rdiff(await windowOf(A, x, y), await windowOf(B, x, y));
    if (r >= 0) return x + r;
    await tick((to - x) / total);
  }
  return -1;
}

/**
 * cmp, diff and rdiff of the two whole documents, as the package defines
 * them. For two chunks, one call each; for windowed files, the same answers
 * assembled from windows (rdiff's windows aligned on the files' ends).
 */
export async function summary(A, B, { signal, onProgress, windowBytes = WINDOW } = {}) {
  if (A.kind === 'memory' && B.kind === 'memory' && windowBytes === WINDOW) {
    return { cmp: cmp(A.chunk, B.chunk), diff: diff(A.chunk, B.chunk), rdiff: rdiff(A.chunk, B.chunk) };
  }
  const n = Math.min(A.size, B.size);
  const first = await scan(A, B, 'diff', 0, n, { signal, onProgress: (f) => onProgress?.(f / 2), windowBytes });
  let c;
  if (first >= 0) {
    const [a, b] = [await A.load(first, 1), await B.load(first, 1)];
    c = a[0] < b[0] ? -1 : 1;
  } else c = A.size === B.size ? 0 : A.size < B.size ? -1 : 1;
  // rdiff: the last n bytes of each, compared window by window from the end.
  const tick = ticker(signal, (f) => onProgress?.(0.5 + f / 2));
  let last = -1;
  for (let j1 = n; j1 > 0 && last < 0; j1 -= windowBytes) {
    const j0 = Math.max(0, j1 - windowBytes);
    const wa = await windowOf(A, A.size - n + j0, A.size - n + j1);
    const wb = await windowOf(B, B.size - n + j0, B.size - n + j1);
    const r = rdiff(wa, wb);
    if (r >= 0) last = A.size - n + j0 + r;
    await tick((n - j0) / Math.max(1, n));
  }
  return { cmp: c, diff: first, rdiff: last };
}

/**
 * Runs of differing bytes at equal offsets over the common length, as
 * [start, end) pairs, up to MAX_RUNS.
 */
export async function differenceRuns(A, B, { signal, onProgress, windowBytes } = {}) {
  const n = Math.min(A.size, B.size);
  const runs = [];
  let pos = 0;
  const progress = (f0) => (f) => onProgress?.((f0 + f * (n - f0)) / Math.max(1, n));
  while (pos < n && runs.length < MAX_RUNS) {
    const d = await scan(A, B, 'diff', pos, n, { signal, onProgress: progress(pos), windowBytes });
    if (d < 0) break;
    const m = await scan(A, B, 'match', d, n, { signal, onProgress: progress(d), windowBytes });
    const end = m < 0 ? n : m;
    runs.push([d, end]);
    pos = end;
  }
  return { runs, complete: pos >= n || runs.length < MAX_RUNS };
}

export { MAX_RUNS };
