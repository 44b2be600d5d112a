// Shared test helpers: a seeded generator (the seed is printed on failure by
// the callers' messages), the bytes-like kinds the gate accepts, and oracles
// written straight from the SPEC's wording.
import { bytes } from 'wasm-mem';
import { core, heap } from '../../dist/js/core/wasm.js';

export { rng } from '../lib/random.js';

/**
 * Bytes living in wasm memory, exposed through the bytes protocol (what a
 * Chunk does), so the functions' in-place path is tested on its own.
 */
export function wasmBytes(u8) {
  const ptr = core.malloc(Math.max(u8.length, 1));
  heap().set(u8, ptr);
  const len = u8.length;
  return {
    ptr,
    [bytes]: () => heap().subarray(ptr, ptr + len),
    free: () => core.free(ptr),
    toString: () => `wasmBytes(${len})`,
  };
}

/** Every accepted form of the same bytes, each paired with a label. */
export function kinds(u8) {
  const out = [
    ['Uint8Array', Uint8Array.from(u8)],
    ['Buffer', Buffer.from(u8)],
    ['ArrayBuffer', Uint8Array.from(u8).buffer],
    ['DataView at offset 3', new DataView(Uint8Array.from([9, 9, 9, ...u8, 9]).buffer, 3, u8.length)],
    ['SharedArrayBuffer', (() => { const s = new SharedArrayBuffer(u8.length); new Uint8Array(s).set(u8); return s; })()],
    ['subarray', Uint8Array.from([7, ...u8, 7]).subarray(1, 1 + u8.length)],
    ['resizable ArrayBuffer', (() => { const b = new ArrayBuffer(u8.length, { maxByteLength: u8.length + 16 }); new Uint8Array(b).set(u8); return b; })()],
    ['wasm memory', wasmBytes(u8)],
  ];
  if (u8.length % 2 === 0) out.push(['Uint16Array', new Uint16Array(Uint8Array.from(u8).buffer)]);
  if (u8.every((b) => b < 128)) out.push(['string', Buffer.from(u8).toString('latin1')]);
  return out;
}

export function freeKinds(list) {
  for (const [, v] of list) v?.free?.();
}

/** SPEC §1/§2 positions: start may lie beyond the length, end is clamped. */
function positions(n, start, end) {
  let s = start ?? 0;
  if (s < 0) s = Math.max(0, s + n);
  let e = end ?? n;
  if (e < 0) e = Math.max(0, e + n);
  return [s, Math.min(e, n)];
}

/** Every aligned match position, by the SPEC's definition, one candidate at a time. */
export function modelAll(hay, pat, start, end, step = 1) {
  const [s, e] = positions(hay.length, start, end);
  const out = [];
  for (let i = s; i + pat.length <= e; i += step) {
    let k = 0;
    while (k < pat.length && hay[i + k] === pat[k]) k++;
    if (k === pat.length) out.push(i);
  }
  return out;
}

export const modelFind = (...a) => modelAll(...a)[0] ?? -1;
export const modelRfind = (...a) => modelAll(...a).at(-1) ?? -1;

/** diff/match models: first or last position (a's index) where the predicate holds on the aligned overlap. */
export function modelScan(a, b, backward, differ) {
  const n = Math.min(a.length, b.length);
  const ao = backward ? a.length - n : 0;
  const bo = backward ? b.length - n : 0;
  let found = -1;
  for (let k = 0; k < n; k++) {
    if ((a[ao + k] !== b[bo + k]) === differ) {
      found = ao + k;
      if (!backward) return found;
    }
  }
  return found;
}

/** Bytes from hex (the vectors' form). */
export const hexBytes = (h) => Uint8Array.from(Buffer.from(h, 'hex'));

/** A tagged value of tests/vectors/records.json as JS reads it: [kind, text] -> number, BigInt, bytes, boolean or string. */
export function vectorValue([kind, text]) {
  if (kind === 'int' || kind === 'float') return Number(text);
  if (kind === 'bigint') return BigInt(text);
  if (kind === 'bytes') return hexBytes(text);
  return text; // bool, str, char
}
