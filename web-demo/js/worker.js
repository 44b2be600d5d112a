// The search Worker: every search, count and comparison of the page runs
// here, so the page never waits on one. Documents arrive as Blobs (a File,
// or an edited document's piece table, see pieces.js) and are read by
// position through the package's async functions, a window at a time: a
// file of any size is searched without being read whole.
//
// Messages in: {id, op, args} starts a job, {id, cancel: true} aborts it.
// Messages out: {id, progress} (a fraction, when known), then {id, result}
// or {id, error: {name, message}}.
// The package is imported by path (import maps do not reach workers) and
// dynamically: its module awaits the wasm at the top level, and a message
// that arrives before `onmessage` is set would be lost.
import { entropyBlocks, matchBlocks } from './overview-worker.js';

const mem = import('../../dist/js/index.js');

const WINDOW = 16 << 20; // comparison windows read as Blob slices
const MAX_RUNS = 100_000; // as compare.js: counting runs stops here
const MAX_HITS = 10_000; // as signatures.js: a signature scan lists at most this many
const jobs = new Map();

const bytesOf = async (blob, a, b) => new Uint8Array(await blob.slice(a, b).arrayBuffer());

/** The first aligned candidate >= from. */
function alignFrom(from, start, step) {
  if (from <= start) return start;
  return start + Math.ceil((from - start) / step) * step;
}

/**
 * The first position in [from, to) where A and B at the same offsets differ
 * or agree (kind 'diff' / 'match'); backward: the last differing one.
 */
async function scan({ a, b, kind, from, to, backward }, ctx) {
  const { diffAsync, match, rdiff } = await mem;
  if (to <= from) return -1;
  if (!backward && kind === 'diff') {
    const r = await diffAsync(a.slice(from, to), b.slice(from, to), ctx.options(to - from));
    return r < 0 ? -1 : from + r;
  }
  for (let k = 0; k < to - from; k += WINDOW) {
    ctx.check();
    const x = backward ? Math.max(from, to - k - WINDOW) : from + k;
    const y = backward ? to - k : Math.min(to, x + WINDOW);
    const [wa, wb] = await Promise.all([bytesOf(a, x, y), bytesOf(b, x, y)]);
    const r = backward ? rdiff(wa, wb) : match(wa, wb);
    if (r >= 0) return x + r;
    ctx.progress((k + (y - x)) / (to - from));
  }
  return -1;
}

/** A pattern from a message: a masked one arrives as {bytes, mask} (see remote.js). */
async function patternOf(p) {
  if (p === null || typeof p !== 'object' || !('mask' in p)) return p;
  const { Pattern } = await mem;
  return new Pattern(p.bytes, p.mask);
}

const ops = {
  /** The first match at or after `from` (the last at or before it, backward), aligned from `start`. */
  async find({ blob, pattern: p, start, end, step, from, backward }, ctx) {
    const { findAsync, rfindAsync } = await mem;
    const pattern = await patternOf(p);
    const e = Math.min(end, blob.size);
    if (!backward) return findAsync(blob, pattern, alignFrom(from ?? start, start, step), e, step, ctx.options(e - start));
    const top = from === undefined ? e : Math.min(e, from + pattern.length);
    return rfindAsync(blob, pattern, start, top, step, ctx.options(top - start));
  },

  /** The number of matches and the first five. */
  async count({ blob, pattern: p, start, end, step }, ctx) {
    const { countAsync, findAllAsync } = await mem;
    const pattern = await patternOf(p);
    const count = await countAsync(blob, pattern, start, end, step, ctx.options(Math.min(end, blob.size) - start));
    const first = [];
    if (count > 0) {
      for await (const i of findAllAsync(blob, pattern, start, end, step, { signal: ctx.signal })) {
        first.push(i);
        if (first.length === 5) break;
      }
    }
    return { count, first };
  },

  /** cmp, diff and rdiff of two whole documents, as the package defines them. */
  async summary({ a, b }, ctx) {
    const { cmpAsync, diffAsync } = await mem;
    const n = Math.min(a.size, b.size);
    const half = (f0) => (f) => ctx.progress(f0 + f / 2);
    const c = await cmpAsync(a, b, ctx.options(n, half(0)));
    const d = await diffAsync(a, b, ctx.options(n, half(0)));
    // rdiff: the last n bytes of each, aligned on their ends.
    const r = await scan(
      { a: a.slice(a.size - n), b: b.slice(b.size - n), kind: 'diff', from: 0, to: n, backward: true },
      ctx.sub(half(0.5)),
    );
    return { cmp: c, diff: d, rdiff: r < 0 ? -1 : a.size - n + r };
  },

  scan,

  /**
   * Every hit of the chosen `magic` entries (ids; all when undefined) that
   * passes the entry's check, {offset, name, id, at}, offset where the marked
   * file starts, by offset. A check reads the reach bytes after its match,
   * fetched from the Blob for that candidate alone (few: the checked
   * signatures are the short ones, a hit per 64 KiB of random bytes at most).
   */
  async signatures({ blob, ids }, ctx) {
    const { findAllAnyAsync, magic } = await mem;
    const entries = ids ? magic.filter((m) => ids.includes(m.id)) : magic;
    if (!entries.length) return [];
    const hits = [];
    const all = findAllAnyAsync(
      blob,
      entries.map((m) => m.pattern),
      0,
      undefined,
      1,
      ctx.options(blob.size),
    );
    for await (const [at, k] of all) {
      const m = entries[k];
      const offset = at - m.offset;
      if (offset < 0) continue;
      if (m.check && !m.check(await bytesOf(blob, at, at + m.reach), 0)) continue;
      hits.push({ offset, name: m.name, id: m.id, at });
      if (hits.length >= MAX_HITS) break;
    }
    return hits.sort((x, y) => x.offset - y.offset || x.at - y.at);
  },

  /** The overview strip's blocks (overview-worker.js): entropy and byte class, or which hold a match of a search. */
  async overview({ blob, what, pattern: p, start, end, step, ...blocks }, ctx) {
    const { findAsync, histogram } = await mem;
    const { signal } = ctx;
    if (what === 'entropy') return entropyBlocks((a, b) => bytesOf(blob, a, b), blob.size, blocks, { histogram, signal });
    const pattern = await patternOf(p);
    const find = (a, b) => findAsync(blob, pattern, alignFrom(a, start, step), Math.min(b, end), step, { signal });
    return matchBlocks(find, blob.size, { ...blocks, length: pattern.length }, { signal });
  },

  /** Runs of differing bytes at equal offsets, as [start, end) pairs, up to MAX_RUNS. */
  async runs({ a, b }, ctx) {
    const n = Math.min(a.size, b.size);
    const runs = [];
    let pos = 0;
    while (pos < n && runs.length < MAX_RUNS) {
      const d = await scan(
        { a, b, kind: 'diff', from: pos, to: n },
        ctx.sub((f) => ctx.progress((pos + f * (n - pos)) / n)),
      );
      if (d < 0) break;
      const m = await scan(
        { a, b, kind: 'match', from: d, to: n },
        ctx.sub(() => {}),
      );
      const end = m < 0 ? n : m;
      runs.push([d, end]);
      pos = end;
    }
    return { runs, complete: pos >= n || runs.length < MAX_RUNS };
  },
};

/** What a job's operations share: its signal, and progress as a fraction, at most every 50 ms. */
function context(id, signal, report) {
  let last = 0;
  const progress = (f) => {
    const now = performance.now();
    if (now - last < 50) return;
    last = now;
    report(f);
  };
  return {
    signal,
    progress,
    check() {
      if (signal.aborted) throw signal.reason;
    },
    /** Options for an async function over `total` bytes. */
    options(total, map = (f) => f) {
      return { signal, onProgress: (done) => progress(map(total > 0 ? done / total : 1)) };
    },
    sub(map) {
      return context(id, signal, (f) => report(map(f)));
    },
  };
}

self.onmessage = async ({ data }) => {
  const { id } = data;
  if (data.cancel) {
    jobs.get(id)?.abort(new DOMException('cancelled', 'AbortError'));
    return;
  }
  const controller = new AbortController();
  jobs.set(id, controller);
  const ctx = context(id, controller.signal, (f) => postMessage({ id, progress: f }));
  try {
    postMessage({ id, result: await ops[data.op](data.args, ctx) });
  } catch (e) {
    postMessage({ id, error: { name: e?.name ?? 'Error', message: String(e?.message ?? e) } });
  } finally {
    jobs.delete(id);
  }
};
