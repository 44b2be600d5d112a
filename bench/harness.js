// The bench harness: times our function and its peer in the same process,
// interleaved, and reports the best of several rounds for each, as GB/s and
// as a ratio (ours / peer speed; > 1 means we are faster). Ratios measured
// side by side are what the goals are stated in; absolute numbers vary with
// the machine and its load.
import { bytes } from 'wasm-mem';
import { core, heap } from '../dist/js/wasm.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 60);

let sink = 0; // results feed this so no call can be optimised away

function timeOnce(fn) {
  let iterations = 0;
  const t0 = process.hrtime.bigint();
  let elapsed = 0n;
  const budget = BigInt(ROUND_MS) * 1_000_000n;
  do {
    for (let k = 0; k < 4; k++) sink ^= Number(fn()) | 0;
    iterations += 4;
    elapsed = process.hrtime.bigint() - t0;
  } while (elapsed < budget);
  return Number(elapsed) / iterations; // ns per call
}

/**
 * Runs one comparison and prints a row.
 * @param {{name: string, bytes?: number, ops?: number, ours: () => unknown, peer: () => unknown, peerName: string, check?: boolean}} c
 */
export function compare(c) {
  if (c.check !== false && String(c.ours()) !== String(c.peer())) {
    throw new Error(`${c.name}: results differ: ours ${c.ours()} vs ${c.peerName} ${c.peer()}`);
  }
  let ours = Infinity;
  let peer = Infinity;
  for (let r = 0; r < ROUNDS; r++) {
    ours = Math.min(ours, timeOnce(c.ours));
    peer = Math.min(peer, timeOnce(c.peer));
  }
  // Throughput rows give bytes per call; per-operation rows give ops per call and print ns/op.
  const fmt = c.ops ? (ns) => `${(ns / c.ops).toFixed(2).padStart(7)} ns/op` : (ns) => `${(c.bytes / ns).toFixed(2).padStart(7)} GB/s `;
  const ratio = peer / ours;
  console.log(`${c.name.padEnd(52)} ours ${fmt(ours)}  ${c.peerName.padEnd(22)} ${fmt(peer)}  ratio ${ratio.toFixed(2).padStart(6)}x`);
  return { name: c.name, ours, peer, ratio };
}

/** A buffer in wasm memory, exposed through the bytes protocol (as a Chunk is). */
export function inWasm(u8) {
  const ptr = core.malloc(u8.length);
  heap().set(u8, ptr);
  return { [bytes]: () => heap().subarray(ptr, ptr + u8.length), free: () => core.free(ptr) };
}

export function report() {
  return sink;
}
