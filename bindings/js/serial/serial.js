// dumps/loads (SPEC §7): the seed's pickle support as a small versioned
// binary format. Objects that share a base in one dumps call share one base
// after loads, and one object met twice is one object twice. The reader
// trusts nothing: every count and length is checked against the bytes that
// remain before anything is allocated, nesting is bounded, and whatever was
// built before an error is freed.
//
// Format, version 2 (all integers unsigned LEB128, at most 2^53 - 1):
//   dump   := "WMEM" u8(2) nbases base{nbases} value
//   base   := u8 kind (1 Chunk, 2 ArrayBuffer) length bytes{length}
//   value  := u8 tag, then by tag:
//     1 Chunk        base-index (of kind 1)
//     2 ArrayBuffer  base-index (of kind 2)
//     3 Uint8Array   base-index (of kind 2) byteOffset length (inside the buffer)
//     4 MemSlice     start stop value (whose tag is 1, 2, 3 or 8)
//     5 Array        count value{count}
//     6 StrArray     format-length format(ASCII) value (its buffer)
//     7 ChunkArray   format-length format(ASCII) base-index (of kind 1)
//    10 StrArray with names or a strided/column geometry: as 6, with a shape
//       after the format; 11 ChunkArray with names: as 7, with a shape
//       shape := names-count+1 (0: none) (length utf8-bytes){count} origin stride lead span
//     8 reference    n: the n-th value (counting from 0, in the order the
//                    values begin, references not counted) appearing again
//     9 open MemSlice  start value: a slice with stop Infinity (SPEC §4)
// Every base is referred to at least once; a base is its bytes, so sharing
// survives exactly. What a base holds is what the dumped objects hold: a
// Chunk, or an ArrayBuffer dumped as such, whole; an ArrayBuffer reached only
// through views, the smallest range that holds every view (offsets rebased),
// with the bytes no view covers written as zeros — never the neighbours a
// view does not show (a Node Buffer cut from the shared pool).
// Version 1 is version 2 without tags 8 and 9; it still loads (a ChunkArray
// written twice there, as version 1 did, loads as one array twice).
import { BASE, cellOf, toView } from '../core/bytes.js';
import { Chunk } from '../chunk.js';
import { describe } from '../core/errors.js';
import { ChunkArray } from '../array/chunkarray.js';
import { MemSlice } from '../memslice.js';
import { viewParts } from '../core/region.js';
import { stateOf } from '../array/resize.js';
import { StrArray, ownedOf } from '../array/strarray.js';
import { wasmBuffer } from '../core/wasm.js';

export const MAGIC = [0x57, 0x4d, 0x45, 0x4d]; // "WMEM"
export const VERSION = 2;
export const KIND_CHUNK = 1;
export const KIND_BUFFER = 2;
export const MAX_DEPTH = 64;
export const PENDING = Symbol('pending'); // a value begun but not made yet
export const TAG_CHUNK_ARRAY = 7;
export const TAG_REF = 8; // version 2 on
export const TAG_OPEN_SLICE = 9; // version 2 on
export const TAG_SHAPED_ARRAY = 10; // version 2 on
export const TAG_SHAPED_CHUNK_ARRAY = 11; // version 2 on

class Writer {
  parts = []; // Uint8Arrays, or a view's rebased offset resolved by finish()
  bases = new Map(); // identity (Chunk or ArrayBuffer) -> its entry in baseList
  baseList = [];
  seen = new Map(); // each object written so far -> its value number (tag 8)

  byte(b) {
    this.parts.push(Uint8Array.of(b));
  }

  uint(n) {
    this.parts.push(leb128(n));
  }

  ascii(s) {
    this.uint(s.length);
    this.parts.push(Uint8Array.from(s, (c) => c.charCodeAt(0)));
  }

  /** A record array's names (count + 1, 0 for none; each UTF-8) and where its items lie. */
  shape(names, { origin, stride, lead, span }) {
    this.uint(names === undefined ? 0 : names.length + 1);
    for (const name of names ?? []) {
      const bytes = new TextEncoder().encode(name);
      this.uint(bytes.length);
      this.parts.push(bytes);
    }
    for (const n of [origin, stride, lead, span]) this.uint(n);
  }

  /** The base entry of a Chunk or ArrayBuffer, made on first use. */
  entry(key, kind) {
    let e = this.bases.get(key);
    if (e === undefined) {
      e = { key, kind, index: this.baseList.length, whole: kind === KIND_CHUNK, windows: [] };
      this.bases.set(key, e);
      this.baseList.push(e);
    }
    return e;
  }

  /** Writes the index of a base dumped whole (a Chunk, or an ArrayBuffer as such). */
  base(key, kind) {
    const e = this.entry(key, kind);
    e.whole = true;
    this.uint(e.index);
  }

  /** Writes a view's base index, rebased offset and length (tag 3's body); `bytes` is the gate's plain view of it. */
  view(bytes) {
    const e = this.entry(bytes.buffer, KIND_BUFFER);
    const window = { from: bytes.byteOffset, to: bytes.byteOffset + bytes.length };
    e.windows.push(window);
    this.uint(e.index);
    this.parts.push({ entry: e, window }); // the offset, once the base's range is known
    this.uint(bytes.length);
  }

  /** A value whose tag is 1..3 (a chunk or a plain buffer or Uint8Array) or 4 (a MemSlice). */
  value(v, depth = 0) {
    if (depth > MAX_DEPTH) throw new RangeError(`dumps(): nesting deeper than ${MAX_DEPTH} levels`);
    const n = this.seen.get(v);
    if (n !== undefined) {
      this.byte(TAG_REF);
      this.uint(n);
      return;
    }
    if (v !== null && typeof v === 'object') this.seen.set(v, this.seen.size);
    if (v instanceof Chunk) {
      v[cellOf]('dumps', 'value'); // a freed chunk is a TypeError
      this.byte(1);
      this.base(v, KIND_CHUNK);
    } else if (isPlainBuffer(v)) {
      toView(v, 'dumps', 'value', BASE);
      this.byte(2);
      this.base(v, KIND_BUFFER);
    } else if (v instanceof Uint8Array && isPlainBuffer(viewParts(v).buffer)) {
      // Its own window, as the gate reads it (a subclass may say another);
      // a view of a detached buffer: a TypeError that says so.
      const bytes = toView(v, 'dumps', 'value', BASE);
      this.byte(3);
      this.view(bytes);
    } else if (v instanceof MemSlice) {
      const base = v.base;
      if (!(base instanceof Chunk || isPlainBuffer(base) || (base instanceof Uint8Array && isPlainBuffer(viewParts(base).buffer)))) {
        throw new TypeError(`dumps(): a MemSlice's base must be a Chunk, an ArrayBuffer or a Uint8Array, got ${describe(base)}`);
      }
      if (v.stop === Infinity) {
        this.byte(TAG_OPEN_SLICE);
        this.uint(v.start);
      } else {
        this.byte(4);
        this.uint(v.start);
        this.uint(v.stop);
      }
      this.value(base, depth + 1);
    } else if (Array.isArray(v)) {
      this.byte(5);
      this.uint(v.length);
      for (const x of v) this.value(x, depth + 1);
    } else if (v instanceof StrArray) {
      // Names and a strided or column geometry need the shaped tags (10, 11).
      const { item, geo } = v[stateOf]();
      const shaped = item.names !== undefined || !geo.plain;
      const owned = v instanceof ChunkArray;
      if (owned) v[ownedOf]()[cellOf]('dumps', 'value'); // a freed array is a TypeError
      this.byte(owned ? (shaped ? TAG_SHAPED_CHUNK_ARRAY : TAG_CHUNK_ARRAY) : shaped ? TAG_SHAPED_ARRAY : 6);
      this.ascii(v.format);
      if (shaped) this.shape(item.names, geo);
      if (owned) this.base(v[ownedOf](), KIND_CHUNK);
      else this.value(v.buffer, depth + 1);
    } else {
      throw unsupported(v);
    }
  }

  finish() {
    const head = [Uint8Array.from(MAGIC), Uint8Array.of(VERSION), leb128(this.baseList.length)];
    for (const e of this.baseList) {
      const data = baseBytes(e);
      head.push(Uint8Array.of(e.kind), leb128(data.length), data);
    }
    const body = this.parts.map((p) => (p instanceof Uint8Array ? p : leb128(p.window.from - p.entry.origin)));
    const all = [...head, ...body];
    const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of all) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

/**
 * What a base holds: a Chunk's or a whole buffer's bytes; for a buffer seen
 * only through views, the smallest range that holds them all with only the
 * views' own bytes copied in. Sets entry.origin, the range's start.
 */
function baseBytes(e) {
  if (e.kind === KIND_CHUNK) return e.key.bytes;
  const all = new Uint8Array(e.key);
  if (e.whole) {
    e.origin = 0;
    return all;
  }
  let from = Infinity;
  let to = 0;
  for (const w of e.windows) {
    from = Math.min(from, w.from);
    to = Math.max(to, w.to);
  }
  const out = new Uint8Array(to - from);
  for (const w of e.windows) out.set(all.subarray(w.from, w.to), w.from - from);
  e.origin = from;
  return out;
}

function leb128(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return Uint8Array.from(out);
}

function isPlainBuffer(v) {
  // A view of wasm memory would dump the whole heap: dump its Chunk instead.
  return v instanceof ArrayBuffer && v !== wasmBuffer();
}

function unsupported(v) {
  const hint = v instanceof Uint8Array && v.buffer === wasmBuffer() ? ' (a view of wasm memory: dump the Chunk itself)' : '';
  return new TypeError(`dumps(): cannot dump ${describe(v)}${hint}; supported: Chunk, MemSlice, StrArray, ChunkArray, ArrayBuffer, Uint8Array and arrays of these`);
}

/**
 * Serialises a Chunk, MemSlice, StrArray, ChunkArray, ArrayBuffer, Uint8Array
 * or an array of these, keeping shared bases shared.
 * @returns {Uint8Array}
 */
export function dumps(value) {
  const w = new Writer();
  w.value(value);
  return w.finish();
}

export { loads } from './loads.js';
