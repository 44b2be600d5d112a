// dumps/loads (SPEC §7): the seed's pickle support as a small versioned
// binary format. Objects that share a base in one dumps call share one base
// after loads, and one object met twice is one object twice. The reader
// trusts nothing: every count and length is checked against the bytes that
// remain before anything is allocated, nesting is bounded, and whatever was
// built before an error is freed.
//
// The format (version 3) is documented, with its constants, in wire.js.
import { BASE, toView } from '../core/bytes.js';
import { describe } from '../core/errors.js';
import { ChunkArray } from '../array/chunkarray.js';
import { heap, wasmBuffer } from '../core/wasm.js';
import { arrayInternals, chunkCell, isUint8Array, sliceRegion, viewParts } from '../core/internal.js';
import * as wire from './wire.js';

class Writer {
  parts = []; // Uint8Arrays, or a view's rebased offset resolved by finish()
  bases = new Map(); // identity (Chunk or ArrayBuffer) -> its entry in baseList
  baseList = [];
  seen = new Map(); // each object written so far -> its value number (tag 8)
  version = wire.VERSION_2; // 3 once a tag of version 3 (12, 13) is written

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
      e = { key, kind, index: this.baseList.length, whole: kind === wire.KIND_CHUNK, windows: [] };
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
    const e = this.entry(bytes.buffer, wire.KIND_BUFFER);
    const window = { from: bytes.byteOffset, to: bytes.byteOffset + bytes.length };
    e.windows.push(window);
    this.uint(e.index);
    this.parts.push({ entry: e, window }); // the offset, once the base's range is known
    this.uint(bytes.length);
  }

  /** A value: a reference to one met before (tag 8), else by its kind. */
  value(v, depth = 0) {
    if (depth > wire.MAX_DEPTH) throw new RangeError(`dumps(): nesting deeper than ${wire.MAX_DEPTH} levels`);
    const n = this.seen.get(v);
    if (n !== undefined) {
      this.byte(wire.TAG_REF);
      this.uint(n);
      return;
    }
    if (v !== null && typeof v === 'object') this.seen.set(v, this.seen.size);
    // The package's objects by brand (core/internal.js): a Proxy or a look-alike is not one.
    if (chunkCell(v) !== undefined) this.#chunk(v);
    else if (isPlainBuffer(v)) this.#buffer(v);
    else if (isPlainUint8Array(v)) this.#uint8Array(v);
    else if (sliceRegion(v) !== undefined) this.#slice(sliceRegion(v), depth + 1);
    else if (Array.isArray(v)) this.#list(v, depth + 1);
    else if (arrayInternals(v) !== undefined) this.#strArray(v, arrayInternals(v), depth + 1);
    else throw unsupported(v);
  }

  #chunk(v) {
    if (chunkCell(v).freed) throw new TypeError('dumps(): value is a freed Chunk');
    this.byte(wire.TAG_CHUNK);
    this.base(v, wire.KIND_CHUNK);
  }

  #buffer(v) {
    toView(v, 'dumps', 'value', BASE);
    this.byte(wire.TAG_BUFFER);
    this.base(v, wire.KIND_BUFFER);
  }

  #uint8Array(v) {
    // Its own window, as the gate reads it (a subclass may say another);
    // a view of a detached buffer: a TypeError that says so.
    const bytes = toView(v, 'dumps', 'value', BASE);
    this.byte(wire.TAG_UINT8ARRAY);
    this.view(bytes);
  }

  /** A MemSlice, from its Region (its base, start and stop as the slice holds them, whatever a subclass's getters say). */
  #slice(r, depth) {
    const base = r.obj;
    if (!(chunkCell(base) !== undefined || isPlainBuffer(base) || isPlainUint8Array(base))) {
      throw new TypeError(`dumps(): a MemSlice's base must be a Chunk, an ArrayBuffer or a Uint8Array, got ${describe(base)}`);
    }
    if (r.stop === Infinity) {
      this.byte(wire.TAG_OPEN_SLICE);
      this.uint(r.start);
    } else {
      this.byte(wire.TAG_SLICE);
      this.uint(r.start);
      this.uint(r.stop);
    }
    this.value(base, depth);
  }

  #list(v, depth) {
    this.byte(wire.TAG_ARRAY);
    this.uint(v.length);
    for (const x of v) this.value(x, depth);
  }

  #strArray(v, { item, geo, layout, owned: chunk, buffer }, depth) {
    // Names and a strided or column geometry need the shaped tags (10, 11);
    // options.length, strings and int64 the tags of version 3 (12, 13).
    const { strings, int64 } = item.options ?? {};
    const optioned = strings !== undefined || int64 !== undefined || geo.limit !== Infinity;
    const shaped = optioned || item.names !== undefined || !geo.plain;
    const owned = v instanceof ChunkArray && chunk !== null; // a StrArray given ChunkArray's prototype owns nothing
    if (owned && chunkCell(chunk).freed) throw new TypeError('dumps(): value is a freed Chunk'); // a freed array
    if (optioned) this.version = wire.VERSION;
    if (owned) this.byte(optioned ? wire.TAG_OPTIONED_CHUNK_ARRAY : shaped ? wire.TAG_SHAPED_CHUNK_ARRAY : wire.TAG_CHUNK_ARRAY);
    else this.byte(optioned ? wire.TAG_OPTIONED_ARRAY : shaped ? wire.TAG_SHAPED_ARRAY : wire.TAG_STR_ARRAY);
    this.ascii(layout.format);
    if (shaped) this.shape(item.names, geo);
    if (optioned)
      for (const n of [geo.limit === Infinity ? 0 : geo.limit + 1, wire.STRINGS.indexOf(strings), int64 === 'number' ? 1 : 0]) this.uint(n);
    if (owned) this.base(chunk, wire.KIND_CHUNK);
    else this.value(buffer, depth);
  }

  finish() {
    const head = [Uint8Array.from(wire.MAGIC), Uint8Array.of(this.version), leb128(this.baseList.length)];
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
  if (e.kind === wire.KIND_CHUNK) {
    const cell = chunkCell(e.key); // its bytes as the chunk holds them (no getter of a subclass asked)
    // Freed while the walk ran user code (an array's Proxy traps): never dumped as empty.
    if (cell.freed) throw new TypeError('dumps(): value is a freed Chunk');
    return heap().subarray(cell.ptr, cell.ptr + cell.len);
  }
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

/** A Uint8Array (a Buffer too) over a plain ArrayBuffer, read through the built-in getters. */
function isPlainUint8Array(v) {
  return isUint8Array(v) && isPlainBuffer(viewParts(v).buffer);
}

function isPlainBuffer(v) {
  // A view of wasm memory would dump the whole heap: dump its Chunk instead.
  return v instanceof ArrayBuffer && v !== wasmBuffer();
}

function unsupported(v) {
  const hint = v instanceof Uint8Array && v.buffer === wasmBuffer() ? ' (a view of wasm memory: dump the Chunk itself)' : '';
  return new TypeError(
    `dumps(): cannot dump ${describe(v)}${hint}; supported: Chunk, MemSlice, StrArray, ChunkArray, ArrayBuffer, Uint8Array and arrays of these`,
  );
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
