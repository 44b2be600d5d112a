// The bench harness: times our function and its peer in the same process,
// interleaved, and keeps the best of several rounds for each, as GB/s or
// ns/op and as a ratio (peer time / our time: > 1 means we are faster).
// Goals are stated as such ratios, never as absolute times: the machines are
// shared and noisy, so only a side-by-side measurement means anything. The
// absolute GB/s levels of the performance issue are kept as reference levels,
// reported but not counted as goals.
import { evaluate, printRow } from './goals.js';

/** `--quick`: fewer, shorter rounds and smaller big inputs, so CI can run every row in well under a minute. */
export const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (quick ? 2 : 7));
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? (quick ? 8 : 60));

/** The "64 MiB" (out of cache) size of the table; 16 MiB in quick mode, and the row names say so. */
export const BIG = quick ? [16 << 20, '16 MiB (quick)'] : [64 << 20, '64 MiB'];
export const SMALL = [64 << 10, '64 KiB'];

/** Every row measured in this run, in order: what results.json holds. */
export const rows = [];
let sink = 0; // results feed this so no call can be optimised away
let checked = 0;

function timeOnce(fn, budgetNs) {
  // Calls of more than a quarter of the budget (JS loops over 64 MiB) run one
  // at a time, so a row's rounds do not take seconds each.
  const t0 = process.hrtime.bigint();
  sink ^= Number(fn()) | 0;
  let elapsed = process.hrtime.bigint() - t0;
  let iterations = 1;
  const batch = elapsed * 4n > budgetNs ? 1 : 4;
  while (elapsed < budgetNs) {
    for (let k = 0; k < batch; k++) sink ^= Number(fn()) | 0;
    iterations += batch;
    elapsed = process.hrtime.bigint() - t0;
  }
  return Number(elapsed) / iterations; // ns per call
}

function verify(c) {
  const ours = String(c.ours());
  if ('expect' in c && ours !== String(c.expect)) {
    throw new Error(`${c.name}: wrong result: ours ${ours}, expected ${c.expect}`);
  }
  if (c.check !== false) {
    const peer = String(c.peer());
    if (ours !== peer) throw new Error(`${c.name}: results differ: ours ${ours} vs ${c.peerName} ${peer}`);
  }
  checked++;
}

/**
 * Measures one row, prints it, records it, and returns it (a later row's
 * goal may refer to it).
 *
 * `goal` (all parts optional): `ratio` — at least this many times the peer's
 * speed; `within` and `of` — our speed at least (1 - within) × that of row
 * `of` (a row returned earlier); `level` — a reference level in GB/s.
 * `check: false` when the peer computes something else (e.g. a JS loop next
 * to a different kernel); `expect` then checks our result alone.
 * @param {{name: string, bytes?: number, ops?: number, ours: () => unknown, peer: () => unknown, peerName: string, check?: boolean, expect?: unknown, goal?: {ratio?: number, within?: number, of?: object, level?: number}}} c
 */
export function compare(c) {
  verify(c);
  const budget = BigInt(ROUND_MS) * 1_000_000n;
  // One untimed round each first: the JIT settles before the best-of-rounds minimum counts.
  timeOnce(c.ours, budget);
  timeOnce(c.peer, budget);
  let ours = Infinity;
  let peer = Infinity;
  for (let r = 0; r < ROUNDS; r++) {
    ours = Math.min(ours, timeOnce(c.ours, budget));
    peer = Math.min(peer, timeOnce(c.peer, budget));
  }
  const unit = c.ops ? 'ns/op' : 'GB/s';
  // Throughput rows give bytes per call (GB/s = bytes / ns); per-operation rows give ops per call.
  const value = (ns) => (c.ops ? ns / c.ops : c.bytes / ns);
  const row = { name: c.name, peerName: c.peerName, unit, ours: value(ours), peer: value(peer), ratio: peer / ours };
  Object.assign(row, evaluate(row, c.goal));
  rows.push(row);
  printRow(row);
  return row;
}

/** A row that is a measured size against a limit (the package size budget): smaller is better. */
export function budget({ name, bytes, limit, limitName }) {
  const row = { name, peerName: limitName, unit: 'bytes', ours: bytes, peer: limit, ratio: limit / bytes };
  Object.assign(row, evaluate(row, { ratio: 1 }));
  rows.push(row);
  printRow(row);
  return row;
}

export function summary() {
  return { sink, checked };
}

/**
 * `compare` for async work (streams, files): each call is timed on its own,
 * ours and the peer's interleaved, best of ASYNC_ROUNDS; results checked as
 * in `compare`. For rows whose calls take 0.1-1 s, where a call's own
 * length averages out the timer and the event loop.
 */
export async function compareAsync(c) {
  const ours = String(await c.ours());
  if ('expect' in c && ours !== String(c.expect)) throw new Error(`${c.name}: wrong result: ours ${ours}, expected ${c.expect}`);
  if (c.check !== false) {
    const peer = String(await c.peer());
    if (ours !== peer) throw new Error(`${c.name}: results differ: ours ${ours} vs ${c.peerName} ${peer}`);
  }
  checked++;
  const rounds = quick ? 2 : 5;
  const time = async (fn) => {
    const t0 = process.hrtime.bigint();
    sink ^= Number(await fn()) | 0;
    return Number(process.hrtime.bigint() - t0);
  };
  let ours_ = Infinity;
  let peer = Infinity;
  for (let r = 0; r < rounds; r++) {
    ours_ = Math.min(ours_, await time(c.ours));
    peer = Math.min(peer, await time(c.peer));
  }
  const row = { name: c.name, peerName: c.peerName, unit: 'GB/s', ours: c.bytes / ours_, peer: c.bytes / peer, ratio: peer / ours_ };
  Object.assign(row, evaluate(row, c.goal));
  rows.push(row);
  printRow(row);
  return row;
}
