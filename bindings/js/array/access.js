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
import { CHUNK as CHUNK_KIND, FOREIGN } from '../core/region.js';

/** The array's Region (region.js), read by the fast paths. */
export const HOT = Symbol('wasm-mem.strarray.region');
/** An array over a whole chunk: the chunk's storage cell (read-only here), one load fewer per element. */
export const CELL = Symbol('wasm-mem.strarray.cell');
/** An array over a whole chunk: the chunk, whose [extendBy] verb push uses. */
export const CHUNK = Symbol('wasm-mem.strarray.chunk');
/** The array's item codec (records.js): read/check/write and size, for formats without a table entry. */
export const ITEM = Symbol('wasm-mem.strarray.item');
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

// Records, e c ?, and windows (a MemSlice buffer): the region says where the
// item is (Region#at) and the item codec reads it (one call through it,
// no format table), still without the generic path's bookkeeping.
const ITEM_METHODS = {
  get(i) {
    const r = this[HOT];
    const o = r.at(i, this[ITEM].size);
    return o < 0 ? this[getSlow](i) : this[ITEM].read(r.tdv(), o);
  },
};

/** Prototypes made so far: class prototype -> (format key -> prototype). */
const protos = new WeakMap();

/**
 * The prototype for an array of accessor `acc` (null for a record) over
 * `region`, whose class prototype is `classProto`: `classProto` itself for
 * GENERIC regions and strided arrays; the format's get/set (and push) from
 * access-table.js for a whole chunk or foreign object; else (a window, a
 * record, e c ?) a get through the item codec. Cached, so all arrays of one
 * class, format and storage share a shape.
 */
export function protoFor(classProto, acc, region, plain) {
  const kind = region.kind;
  if ((kind !== CHUNK_KIND && kind !== FOREIGN) || !plain) return classProto;
  const table = region.whole ? (kind === CHUNK_KIND ? ON_CHUNK : ON_FOREIGN) : {};
  const code = acc === null ? '' : (ALIAS[acc.code] ?? acc.code);
  const key = acc === null || acc.little || acc.size === 1 ? code : `>${code}`;
  const methods = table[key] ?? ITEM_METHODS;
  let byKey = protos.get(classProto);
  if (byKey === undefined) protos.set(classProto, (byKey = new Map()));
  const full = `${kind}${region.whole ? 'w' : ''}${key}`;
  let proto = byKey.get(full);
  if (proto === undefined) {
    proto = Object.create(classProto);
    for (const [name, fn] of Object.entries(methods)) Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true });
    byKey.set(full, proto);
  }
  return proto;
}
