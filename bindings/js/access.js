// Per-format element access for StrArray: one small prototype per code, byte
// order and storage kind (a chunk, or a foreign buffer), chosen once when an
// array is made. The methods themselves are in access-table.js.
//
// Why a table of near-identical methods: the engine keeps type feedback per
// function literal, so a single generic `get` calling a per-format reader
// sees every format a program uses and stops inlining (measured 4-9x slower
// than a DataView with four formats live). Here each format's get/set/push is
// a literal of its own, monomorphic at a user's call site, with the DataView
// call inlined. No code is generated at run time (strict-CSP pages work).
//
// Each method tries the fast case — a whole index inside the array, a value
// that fits — and hands everything else
// (negative indices, errors, other buffers, other values) to the array's
// generic methods under the symbols below, which give the exact behaviour
// and messages.
import { ON_CHUNK, ON_FOREIGN } from './access-table.js';
import { CHUNK, FOREIGN } from './region.js';

/** The array's Region (region.js), read by the fast paths. */
export const HOT = Symbol('wasm-mem.strarray.region');
/** The generic element methods every format falls back to. */
export const getSlow = Symbol('wasm-mem.strarray.get');
export const setSlow = Symbol('wasm-mem.strarray.set');
export const pushSlow = Symbol('wasm-mem.strarray.push');

// Value checks that admit exactly the in-range integers of a width (a
// non-number, a fraction, NaN or an out-of-range value fails and goes the
// slow way, which says why).
// (typeof first: the bit operators throw on a BigInt.)
export const i8 = (v) => typeof v === 'number' && (v << 24) >> 24 === v;
export const u8 = (v) => typeof v === 'number' && (v & 0xff) === v;
export const i16 = (v) => typeof v === 'number' && (v << 16) >> 16 === v;
export const u16 = (v) => typeof v === 'number' && (v & 0xffff) === v;
export const i32 = (v) => typeof v === 'number' && (v | 0) === v;
export const u32 = (v) => typeof v === 'number' && v >>> 0 === v;
export const i64 = (v) => typeof v === 'bigint' && BigInt.asIntN(64, v) === v;
export const u64 = (v) => typeof v === 'bigint' && BigInt.asUintN(64, v) === v;
export const f32 = (v) => typeof v === 'number' && !(Math.abs(v) > 3.4028234663852886e38 && Math.abs(v) < Infinity);
export const f64 = (v) => typeof v === 'number';

// Codes that share another's bytes (wasm32: long, size_t and pointer are 32-bit).
const ALIAS = { l: 'i', n: 'i', L: 'I', N: 'I', P: 'I' };

/** Prototypes made so far: class prototype -> (format key -> prototype). */
const protos = new WeakMap();

/**
 * The prototype for an array of accessor `acc` over a region of `kind`,
 * whose class prototype is `classProto`: `classProto` itself when there are
 * no fast methods (records, e c ?, GENERIC regions), else an object
 * inheriting from it with the format's get/set (and push on a chunk).
 * Cached, so all arrays of one class, format and kind share a shape.
 */
export function protoFor(classProto, acc, kind) {
  const table = kind === CHUNK ? ON_CHUNK : kind === FOREIGN ? ON_FOREIGN : null;
  if (acc === null || table === null) return classProto;
  const code = ALIAS[acc.code] ?? acc.code;
  const key = acc.little || acc.size === 1 ? code : `>${code}`;
  const methods = table[key];
  if (methods === undefined) return classProto;
  let byKey = protos.get(classProto);
  if (byKey === undefined) protos.set(classProto, (byKey = new Map()));
  const full = `${kind}${key}`;
  let proto = byKey.get(full);
  if (proto === undefined) {
    proto = Object.create(classProto);
    for (const [name, fn] of Object.entries(methods)) Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true });
    byKey.set(full, proto);
  }
  return proto;
}
