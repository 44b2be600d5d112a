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
import { ON_AT, ON_CHUNK, ON_ITEM } from './access-table.js';
import { CHUNK_REGION, FOREIGN_REGION } from '../core/internal.js';
import { RECORD_GET } from './record-get.js';

// Codes that share another's bytes (wasm32: long, size_t and pointer are 32-bit).
const ALIAS = { l: 'i', n: 'i', L: 'I', N: 'I', P: 'I' };

/** Prototypes made so far: class prototype -> (table and format key -> prototype). */
const protos = new WeakMap();

/**
 * The element-method prototype for an array with item codec `item` and
 * geometry `geo` (geometry.js) over `region`, whose class prototype is
 * `classProto`: `classProto` itself for GENERIC regions and values read
 * converted; the format's get/set (and push) from access-table.js for a
 * scalar on a chunk or a whole foreign object (ON_CHUNK for a whole chunk,
 * items packed; ON_AT for the rest: an offset, stride or length, a column, a
 * window on a chunk); for a plain record the get of its Layout's `slot`
 * (record-get.js); else for plain items (e c ?, a window on a foreign
 * object) a get through the item codec. Cached, so all arrays of one class,
 * format and storage share a shape.
 */
export function elementProto(classProto, acc, region, item, geo, slot) {
  const kind = region.kind;
  if ((kind !== CHUNK_REGION && kind !== FOREIGN_REGION) || item.converts) return classProto;
  const packed = geo.plain && region.whole;
  // On a chunk any window serves; on a foreign object only the whole object (a window on one: ON_ITEM).
  const [name, table] = kind === CHUNK_REGION && packed ? ['c', ON_CHUNK] : kind === CHUNK_REGION || region.whole ? ['a', ON_AT] : ['', {}];
  const code = acc === null ? '' : (ALIAS[acc.code] ?? acc.code);
  const key = acc === null || acc.little || acc.size === 1 ? code : `>${code}`;
  let methods;
  let full;
  if (acc === null) {
    if (!geo.plain) return classProto; // records with a geometry: the generic methods
    // Records: the get of their Layout's slot (record-get.js), by storage.
    const where = region.whole ? (kind === CHUNK_REGION ? 'chunk' : 'foreign') : 'window';
    methods = RECORD_GET[where][slot];
    full = `#${where}${slot}`;
  } else {
    methods = table[key];
    full = `${name}${key}`;
    if (methods === undefined) {
      if (!geo.plain) return classProto; // e c ? with a geometry: the generic methods
      // e c ?, and windows on a foreign object: a get through the item codec (one call, no format table).
      methods = ON_ITEM;
      full = `item${region.whole ? 'w' : ''}`;
    }
  }
  let byKey = protos.get(classProto);
  if (byKey === undefined) {
    byKey = new Map();
    protos.set(classProto, byKey);
  }
  let proto = byKey.get(full);
  if (proto === undefined) {
    proto = Object.create(classProto);
    for (const [name, fn] of Object.entries(methods)) Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true });
    byKey.set(full, proto);
  }
  return proto;
}
