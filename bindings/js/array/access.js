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
import { ON_CHUNK, ON_FOREIGN, ON_ITEM } from './access-table.js';
import { CHUNK_REGION, FOREIGN_REGION } from '../core/internal.js';
import { RECORD_GET } from './record-get.js';

// Codes that share another's bytes (wasm32: long, size_t and pointer are 32-bit).
const ALIAS = { l: 'i', n: 'i', L: 'I', N: 'I', P: 'I' };

/** Prototypes made so far: class prototype -> (format key -> prototype). */
const protos = new WeakMap();

/**
 * The element-method prototype for an array whose value codec is `acc` (null for a record) over
 * `region`, whose class prototype is `classProto`: `classProto` itself for
 * GENERIC regions and strided arrays; the format's get/set (and push) from
 * access-table.js for a whole chunk or foreign object; a record's get of
 * its Layout's `slot` (record-get.js); else (a window, e c ?) a get through
 * the item codec. Cached, so all arrays of one
 * class, format and storage share a shape.
 */
export function elementProto(classProto, acc, region, plain, slot) {
  const kind = region.kind;
  if ((kind !== CHUNK_REGION && kind !== FOREIGN_REGION) || !plain) return classProto;
  const table = region.whole ? (kind === CHUNK_REGION ? ON_CHUNK : ON_FOREIGN) : {};
  const code = acc === null ? '' : (ALIAS[acc.code] ?? acc.code);
  const key = acc === null || acc.little || acc.size === 1 ? code : `>${code}`;
  // Records: the get of their Layout's slot (record-get.js); e c ?, and windows: a get through the item codec.
  const methods =
    acc === null ? RECORD_GET[region.whole ? (kind === CHUNK_REGION ? 'chunk' : 'foreign') : 'window'][slot] : (table[key] ?? ON_ITEM);
  let byKey = protos.get(classProto);
  if (byKey === undefined) {
    byKey = new Map();
    protos.set(classProto, byKey);
  }
  const full = `${kind}${region.whole ? 'w' : ''}${acc === null ? `#${slot}` : key}`;
  let proto = byKey.get(full);
  if (proto === undefined) {
    proto = Object.create(classProto);
    for (const [name, fn] of Object.entries(methods)) Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true });
    byKey.set(full, proto);
  }
  return proto;
}
