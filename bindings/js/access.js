// Per-format element access for StrArray: one small prototype per code and
// byte order, chosen once when an array is made.
//
// Why a table of near-identical methods: the engine keeps type feedback per
// function literal, so a single generic `get` calling a per-format reader
// sees every format a program uses and stops inlining (measured 4-9x slower
// than a DataView with four formats live). Here each format's get/set/push is
// a literal of its own, monomorphic at a user's call site, with the DataView
// call inlined. No code is generated at run time (strict-CSP pages work).
//
// Each method tries the fast case — a whole index inside the array, on a
// chunk or a foreign buffer, a value that fits — and hands everything else
// (negative indices, errors, other buffers, other values) to the array's
// generic methods under the symbols below, which give the exact behaviour
// and messages.
import { heapDV } from './wasm.js';

/** The array's Region (region.js), read by the fast paths. */
export const HOT = Symbol('wasm-mem.strarray.region');
/** The generic element methods every format falls back to. */
export const getSlow = Symbol('wasm-mem.strarray.get');
export const setSlow = Symbol('wasm-mem.strarray.set');
export const pushSlow = Symbol('wasm-mem.strarray.push');

// Value checks that admit exactly the in-range integers of a width (a
// non-number, a fraction, NaN or an out-of-range value fails and goes the
// slow way, which says why).
const i8 = (v) => (v << 24) >> 24 === v;
const u8 = (v) => (v & 0xff) === v;
const i16 = (v) => (v << 16) >> 16 === v;
const u16 = (v) => (v & 0xffff) === v;
const i32 = (v) => (v | 0) === v;
const u32 = (v) => v >>> 0 === v;
const i64 = (v) => typeof v === 'bigint' && BigInt.asIntN(64, v) === v;
const u64 = (v) => typeof v === 'bigint' && BigInt.asUintN(64, v) === v;
const f32 = (v) => typeof v === 'number' && !(Math.abs(v) > 3.4028234663852886e38 && Math.abs(v) < Infinity);
const f64 = (v) => typeof v === 'number';

const METHODS = {
  b: {
    get(i) { const r = this[HOT], o = r.at(i, 1); return o < 0 ? this[getSlow](i) : r.tdv().getInt8(o); },
    set(i, v) { const r = this[HOT], o = r.at(i, 1); if (o < 0 || !i8(v)) this[setSlow](i, v); else r.tdv().setInt8(o, v); },
    push(v) { const r = this[HOT], p = arguments.length === 1 && i8(v) ? r.append(1, 'StrArray.push') : -1; if (p < 0) return this[pushSlow](arguments); heapDV.setInt8(p, v); return r.cell.len; },
  },
  B: {
    get(i) { const r = this[HOT], o = r.at(i, 1); return o < 0 ? this[getSlow](i) : r.tdv().getUint8(o); },
    set(i, v) { const r = this[HOT], o = r.at(i, 1); if (o < 0 || !u8(v)) this[setSlow](i, v); else r.tdv().setUint8(o, v); },
    push(v) { const r = this[HOT], p = arguments.length === 1 && u8(v) ? r.append(1, 'StrArray.push') : -1; if (p < 0) return this[pushSlow](arguments); heapDV.setUint8(p, v); return r.cell.len; },
  },
  h: {
    get(i) { const r = this[HOT], o = r.at(i, 2); return o < 0 ? this[getSlow](i) : r.tdv().getInt16(o, true); },
    set(i, v) { const r = this[HOT], o = r.at(i, 2); if (o < 0 || !i16(v)) this[setSlow](i, v); else r.tdv().setInt16(o, v, true); },
    push(v) { const r = this[HOT], p = arguments.length === 1 && i16(v) ? r.append(2, 'StrArray.push') : -1; if (p < 0) return this[pushSlow](arguments); heapDV.setInt16(p, v, true); return r.cell.len / 2; },
  },
  '>h': {
    get(i) { const r = this[HOT], o = r.at(i, 2); return o < 0 ? this[getSlow](i) : r.tdv().getInt16(o, false); },
    set(i, v) { const r = this[HOT], o = r.at(i, 2); if (o < 0 || !i16(v)) this[setSlow](i, v); else r.tdv().setInt16(o, v, false); },
    push(v) { const r = this[HOT], p = arguments.length === 1 && i16(v) ? r.append(2, 'StrArray.push') : -1; if (p < 0) return this[pushSlow](arguments); heapDV.setInt16(p, v, false); return r.cell.len / 2; },
  },
  H: {
    get(i) { const r = this[HOT], o = r.at(i, 2); return o < 0 ? this[getSlow](i) : r.tdv().getUint16(o, true); },
    set(i, v) { const r = this[HOT], o = r.at(i, 2); if (o < 0 || !u16(v)) this[setSlow](i, v); else r.tdv().setUint16(o, v, true); },
    push(v) { const r = this[HOT], p = arguments.length === 1 && u16(v) ? r.append(2, 'StrArray.push') : -1; if (p < 0) return this[pushSlow](arguments); heapDV.setUint16(p, v, true); return r.cell.len / 2; },
  },
  '>H': {
    get(i) { const r = this[HOT], o = r.at(i, 2); return o < 0 ? this[getSlow](i) : r.tdv().getUint16(o, false); },
    set(i, v) { const r = this[HOT], o = r.at(i, 2); if (o < 0 || !u16(v)) this[setSlow](i, v); else r.tdv().setUint16(o, v, false); },
    push(v) { const r = this[HOT], p = arguments.length === 1 && u16(v) ? r.append(2, 'StrArray.push') : -1; if (p < 0) return this[pushSlow](arguments); heapDV.setUint16(p, v, false); return r.cell.len / 2; },
  },
  i: {
    get(i) { const r = this[HOT], o = r.at(i, 4); return o < 0 ? this[getSlow](i) : r.tdv().getInt32(o, true); },
    set(i, v) { const r = this[HOT], o = r.at(i, 4); if (o < 0 || !i32(v)) this[setSlow](i, v); else r.tdv().setInt32(o, v, true); },
    push(v) { const r = this[HOT], p = arguments.length === 1 && i32(v) ? r.append(4, 'StrArray.push') : -1; if (p < 0) return this[pushSlow](arguments); heapDV.setInt32(p, v, true); return r.cell.len / 4; },
  },
  '>i': {
    get(i) { const r = this[HOT], o = r.at(i, 4); return o < 0 ? this[getSlow](i) : r.tdv().getInt32(o, false); },
    set(i, v) { const r = this[HOT], o = r.at(i, 4); if (o < 0 || !i32(v)) this[setSlow](i, v); else r.tdv().setInt32(o, v, false); },
    push(v) { const r = this[HOT], p = arguments.length === 1 && i32(v) ? r.append(4, 'StrArray.push') : -1; if (p < 0) return this[pushSlow](arguments); heapDV.setInt32(p, v, false); return r.cell.len / 4; },
  },
  I: {
    get(i) { const r = this[HOT], o = r.at(i, 4); return o < 0 ? this[getSlow](i) : r.tdv().getUint32(o, true); },
    set(i, v) { const r = this[HOT], o = r.at(i, 4); if (o < 0 || !u32(v)) this[setSlow](i, v); else r.tdv().setUint32(o, v, true); },
    push(v) { const r = this[HOT], p = arguments.length === 1 && u32(v) ? r.append(4, 'StrArray.push') : -1; if (p < 0) return this[pushSlow](arguments); heapDV.setUint32(p, v, true); return r.cell.len / 4; },
  },
  '>I': {
    get(i) { const r = this[HOT], o = r.at(i, 4); return o < 0 ? this[getSlow](i) : r.tdv().getUint32(o, false); },
    set(i, v) { const r = this[HOT], o = r.at(i, 4); if (o < 0 || !u32(v)) this[setSlow](i, v); else r.tdv().setUint32(o, v, false); },
    push(v) { const r = this[HOT], p = arguments.length === 1 && u32(v) ? r.append(4, 'StrArray.push') : -1; if (p < 0) return this[pushSlow](arguments); heapDV.setUint32(p, v, false); return r.cell.len / 4; },
  },
  q: {
    get(i) { const r = this[HOT], o = r.at(i, 8); return o < 0 ? this[getSlow](i) : r.tdv().getBigInt64(o, true); },
    set(i, v) { const r = this[HOT], o = r.at(i, 8); if (o < 0 || !i64(v)) this[setSlow](i, v); else r.tdv().setBigInt64(o, v, true); },
    push(v) { const r = this[HOT], p = arguments.length === 1 && i64(v) ? r.append(8, 'StrArray.push') : -1; if (p < 0) return this[pushSlow](arguments); heapDV.setBigInt64(p, v, true); return r.cell.len / 8; },
  },
  '>q': {
    get(i) { const r = this[HOT], o = r.at(i, 8); return o < 0 ? this[getSlow](i) : r.tdv().getBigInt64(o, false); },
    set(i, v) { const r = this[HOT], o = r.at(i, 8); if (o < 0 || !i64(v)) this[setSlow](i, v); else r.tdv().setBigInt64(o, v, false); },
    push(v) { const r = this[HOT], p = arguments.length === 1 && i64(v) ? r.append(8, 'StrArray.push') : -1; if (p < 0) return this[pushSlow](arguments); heapDV.setBigInt64(p, v, false); return r.cell.len / 8; },
  },
  Q: {
    get(i) { const r = this[HOT], o = r.at(i, 8); return o < 0 ? this[getSlow](i) : r.tdv().getBigUint64(o, true); },
    set(i, v) { const r = this[HOT], o = r.at(i, 8); if (o < 0 || !u64(v)) this[setSlow](i, v); else r.tdv().setBigUint64(o, v, true); },
    push(v) { const r = this[HOT], p = arguments.length === 1 && u64(v) ? r.append(8, 'StrArray.push') : -1; if (p < 0) return this[pushSlow](arguments); heapDV.setBigUint64(p, v, true); return r.cell.len / 8; },
  },
  '>Q': {
    get(i) { const r = this[HOT], o = r.at(i, 8); return o < 0 ? this[getSlow](i) : r.tdv().getBigUint64(o, false); },
    set(i, v) { const r = this[HOT], o = r.at(i, 8); if (o < 0 || !u64(v)) this[setSlow](i, v); else r.tdv().setBigUint64(o, v, false); },
    push(v) { const r = this[HOT], p = arguments.length === 1 && u64(v) ? r.append(8, 'StrArray.push') : -1; if (p < 0) return this[pushSlow](arguments); heapDV.setBigUint64(p, v, false); return r.cell.len / 8; },
  },
  f: {
    get(i) { const r = this[HOT], o = r.at(i, 4); return o < 0 ? this[getSlow](i) : r.tdv().getFloat32(o, true); },
    set(i, v) { const r = this[HOT], o = r.at(i, 4); if (o < 0 || !f32(v)) this[setSlow](i, v); else r.tdv().setFloat32(o, v, true); },
    push(v) { const r = this[HOT], p = arguments.length === 1 && f32(v) ? r.append(4, 'StrArray.push') : -1; if (p < 0) return this[pushSlow](arguments); heapDV.setFloat32(p, v, true); return r.cell.len / 4; },
  },
  '>f': {
    get(i) { const r = this[HOT], o = r.at(i, 4); return o < 0 ? this[getSlow](i) : r.tdv().getFloat32(o, false); },
    set(i, v) { const r = this[HOT], o = r.at(i, 4); if (o < 0 || !f32(v)) this[setSlow](i, v); else r.tdv().setFloat32(o, v, false); },
    push(v) { const r = this[HOT], p = arguments.length === 1 && f32(v) ? r.append(4, 'StrArray.push') : -1; if (p < 0) return this[pushSlow](arguments); heapDV.setFloat32(p, v, false); return r.cell.len / 4; },
  },
  d: {
    get(i) { const r = this[HOT], o = r.at(i, 8); return o < 0 ? this[getSlow](i) : r.tdv().getFloat64(o, true); },
    set(i, v) { const r = this[HOT], o = r.at(i, 8); if (o < 0 || !f64(v)) this[setSlow](i, v); else r.tdv().setFloat64(o, v, true); },
    push(v) { const r = this[HOT], p = arguments.length === 1 && f64(v) ? r.append(8, 'StrArray.push') : -1; if (p < 0) return this[pushSlow](arguments); heapDV.setFloat64(p, v, true); return r.cell.len / 8; },
  },
  '>d': {
    get(i) { const r = this[HOT], o = r.at(i, 8); return o < 0 ? this[getSlow](i) : r.tdv().getFloat64(o, false); },
    set(i, v) { const r = this[HOT], o = r.at(i, 8); if (o < 0 || !f64(v)) this[setSlow](i, v); else r.tdv().setFloat64(o, v, false); },
    push(v) { const r = this[HOT], p = arguments.length === 1 && f64(v) ? r.append(8, 'StrArray.push') : -1; if (p < 0) return this[pushSlow](arguments); heapDV.setFloat64(p, v, false); return r.cell.len / 8; },
  },
};

// Codes that share another's bytes (wasm32: long, size_t and pointer are 32-bit).
const ALIAS = { l: 'i', n: 'i', L: 'I', N: 'I', P: 'I' };

/** Prototypes made so far: class prototype -> (format key -> prototype). */
const protos = new WeakMap();

/**
 * The prototype for an array of accessor `acc` whose class prototype is
 * `classProto`: `classProto` itself when the format has no fast methods
 * (records, e c ?), else an object inheriting from it with the format's
 * get/set/push. Cached, so all arrays of one class and format share a shape.
 */
export function protoFor(classProto, acc) {
  if (acc === null) return classProto;
  const code = ALIAS[acc.code] ?? acc.code;
  const key = acc.little || acc.size === 1 ? code : `>${code}`;
  const methods = METHODS[key];
  if (methods === undefined) return classProto;
  let byKey = protos.get(classProto);
  if (byKey === undefined) protos.set(classProto, (byKey = new Map()));
  let proto = byKey.get(key);
  if (proto === undefined) {
    proto = Object.create(classProto);
    for (const name of ['get', 'set', 'push']) Object.defineProperty(proto, name, { value: methods[name], writable: true, configurable: true });
    byKey.set(key, proto);
  }
  return proto;
}
