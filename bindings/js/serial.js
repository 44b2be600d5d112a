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
import { BASE, cellOf, toView } from './bytes.js';
import { Chunk, MAX_CHUNK } from './chunk.js';
import { describe } from './errors.js';
import { ChunkArray } from './chunkarray.js';
import { compile, quote } from './format.js';
import { MemSlice, rawSlice } from './memslice.js';
import { StrArray, adopt, ownedOf } from './strarray.js';
import { wasmBuffer } from './wasm.js';

const MAGIC = [0x57, 0x4d, 0x45, 0x4d]; // "WMEM"
const VERSION = 2;
const KIND_CHUNK = 1;
const KIND_BUFFER = 2;
const MAX_DEPTH = 64;
const PENDING = Symbol('pending'); // a value begun but not made yet
const TAG_CHUNK_ARRAY = 7;
const TAG_REF = 8; // version 2 on
const TAG_OPEN_SLICE = 9; // version 2 on

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

  /** Writes a view's base index, rebased offset and length (tag 3's body). */
  view(v) {
    const e = this.entry(v.buffer, KIND_BUFFER);
    const window = { from: v.byteOffset, to: v.byteOffset + v.length };
    e.windows.push(window);
    this.uint(e.index);
    this.parts.push({ entry: e, window }); // the offset, once the base's range is known
    this.uint(v.length);
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
      this.byte(2);
      this.base(v, KIND_BUFFER);
    } else if (v instanceof Uint8Array && isPlainBuffer(v.buffer)) {
      this.byte(3);
      this.view(v);
    } else if (v instanceof MemSlice) {
      const base = v.base;
      if (!(base instanceof Chunk || isPlainBuffer(base) || (base instanceof Uint8Array && isPlainBuffer(base.buffer)))) {
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
    } else if (v instanceof ChunkArray) {
      this.byte(7);
      this.ascii(v.format);
      v[ownedOf]()[cellOf]('dumps', 'value'); // a freed array is a TypeError
      this.base(v[ownedOf](), KIND_CHUNK);
    } else if (v instanceof StrArray) {
      this.byte(6);
      this.ascii(v.format);
      this.value(v.buffer, depth + 1);
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

class Reader {
  constructor(u8) {
    this.u8 = u8;
    this.at = 0;
    this.created = []; // chunks made so far, freed if loading fails
    this.values = []; // every value begun so far, by number (tag 8); PENDING until made
    this.owners = new Map(); // chunk -> the ChunkArray that owns it
  }

  fail(what) {
    return new RangeError(`loads(): ${what} (at byte ${this.at})`);
  }

  byte() {
    if (this.at >= this.u8.length) throw this.fail('truncated input');
    return this.u8[this.at++];
  }

  uint() {
    let n = 0;
    let scale = 1;
    for (;;) {
      const b = this.byte();
      n += (b & 0x7f) * scale;
      if (n > Number.MAX_SAFE_INTEGER) throw this.fail('a number beyond 2^53 - 1');
      if (!(b & 0x80)) return n;
      scale *= 128;
    }
  }

  /** A count or length that must fit in what remains of the input. */
  length(per = 1) {
    const n = this.uint();
    if (n * per > this.u8.length - this.at) throw this.fail(`a length of ${n} that the input cannot hold`);
    return n;
  }

  ascii() {
    const n = this.length();
    if (n > 256) throw this.fail('a format string longer than 256 characters');
    const s = String.fromCharCode(...this.u8.subarray(this.at, this.at + n));
    this.at += n;
    return s;
  }

  baseIndex(kind) {
    const i = this.uint();
    if (i >= this.bases.length) throw this.fail(`base ${i} does not exist`);
    const b = this.bases[i];
    if (b.kind !== kind) throw this.fail(`base ${i} is not ${kind === KIND_CHUNK ? 'a Chunk' : 'an ArrayBuffer'}`);
    b.used = true;
    return b;
  }

  header() {
    for (const m of MAGIC) if (this.byte() !== m) throw this.fail('not a wasm-mem dump (bad magic)');
    const v = this.byte();
    if (v !== 1 && v !== VERSION) throw this.fail(`unknown version ${v} (this package reads versions 1 and ${VERSION})`);
    this.version = v;
    const n = this.length(2); // each base takes at least 2 bytes
    this.bases = [];
    for (let i = 0; i < n; i++) {
      const kind = this.byte();
      if (kind !== KIND_CHUNK && kind !== KIND_BUFFER) throw this.fail(`unknown base kind ${kind}`);
      const len = this.length();
      if (kind === KIND_CHUNK && len > MAX_CHUNK) throw this.fail('a chunk larger than 2 GiB - 1');
      this.bases.push({ kind, start: this.at, len, object: null, used: false });
      this.at += len;
    }
  }

  /** The object of a base, made on first use. */
  object(b) {
    if (b.object === null) {
      const data = this.u8.subarray(b.start, b.start + b.len);
      if (b.kind === KIND_CHUNK) {
        b.object = new Chunk(data);
        this.created.push(b.object);
      } else {
        b.object = data.slice().buffer;
      }
    }
    return b.object;
  }

  value(depth = 0) {
    if (depth > MAX_DEPTH) throw this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
    const tag = this.byte();
    if (tag === TAG_REF && this.version >= 2) return this.reference();
    const n = this.values.length;
    this.values.push(PENDING);
    const v = this.made(tag, depth, n);
    this.values[n] = v;
    return v;
  }

  /** Tag 8: a value read before, the same object again. */
  reference() {
    const at = this.at;
    const n = this.uint();
    if (n >= this.values.length) throw this.fail(`a reference to value ${n}, which does not come before it`);
    if (this.values[n] === PENDING) {
      this.at = at;
      throw this.fail(`a reference to value ${n} from inside it`);
    }
    return this.values[n];
  }

  made(tag, depth, n) {
    switch (tag) {
      case 1:
        return this.object(this.baseIndex(KIND_CHUNK));
      case 2:
        return this.object(this.baseIndex(KIND_BUFFER));
      case 3: {
        const b = this.baseIndex(KIND_BUFFER);
        const off = this.uint();
        const len = this.uint();
        if (off + len > b.len) throw this.fail('a Uint8Array outside its buffer');
        return new Uint8Array(this.object(b), off, len);
      }
      case 4:
      case TAG_OPEN_SLICE: {
        if (tag === TAG_OPEN_SLICE && this.version < 2) break;
        const start = this.uint();
        // A stop past the base's length is kept: the base shrank after the
        // slice was made, and the length rule of SPEC §4 still applies.
        const stop = tag === 4 ? this.uint() : Infinity;
        if (stop < start) throw this.fail('a MemSlice whose stop is before its start');
        const at = this.at;
        const base = this.value(depth + 1);
        if (!(base instanceof Chunk || base instanceof ArrayBuffer || base instanceof Uint8Array)) {
          this.at = at;
          throw this.fail('a MemSlice on something that is not a Chunk, ArrayBuffer or Uint8Array');
        }
        return MemSlice[rawSlice](base, start, stop);
      }
      case 5: {
        const count = this.length(); // each element takes at least a byte
        const out = [];
        this.values[n] = out; // an array may hold itself
        for (let i = 0; i < count; i++) out.push(this.value(depth + 1));
        return out;
      }
      case 6:
        return this.strArray(tag, depth);
      case TAG_CHUNK_ARRAY: {
        const at = this.at;
        return this.owned(this.strArray(tag, depth), at);
      }
    }
    throw this.fail(`unknown tag ${tag}`);
  }

  /**
   * A ChunkArray owns its chunk (frees it, resizes it): two arrays owning one
   * chunk would break each other. Version 2 writes an array met twice as a
   * reference, so a second owner is hostile; version 1 wrote it again, which
   * loads as the first array when the format agrees.
   */
  owned(array, at) {
    const chunk = array[ownedOf]();
    const first = this.owners.get(chunk);
    if (first === undefined) {
      this.owners.set(chunk, array);
      return array;
    }
    if (this.version === 1 && first.format === array.format) return first;
    this.at = at;
    throw this.fail('two ChunkArrays owning one chunk');
  }

  /** A StrArray (tag 6: format, then its buffer's value) or a ChunkArray (tag 7: format, then its chunk). */
  strArray(tag, depth) {
    const format = this.ascii();
    try {
      if (compile(format, 'loads').size === 0) throw new TypeError('size 0');
    } catch {
      throw this.fail(`a bad format ${quote(format)}`);
    }
    if (tag === 7) {
      const chunk = this.object(this.baseIndex(KIND_CHUNK));
      const a = new ChunkArray(format);
      a.free();
      a[adopt](chunk);
      return a;
    }
    const at = this.at;
    const buffer = this.value(depth + 1);
    if (Array.isArray(buffer)) {
      this.at = at;
      throw this.fail('a StrArray over an array');
    }
    return new StrArray(format, buffer);
  }
}

/**
 * Rebuilds what `dumps` wrote. Malformed, truncated, unknown-version or
 * hostile input is a RangeError (a non-bytes argument a TypeError), and
 * nothing it built survives the error.
 * @param {BytesLike} data
 */
export function loads(data) {
  const u8 = toInput(data);
  const r = new Reader(u8);
  try {
    r.header();
    const value = r.value();
    if (r.at !== u8.length) throw r.fail(`${u8.length - r.at} bytes after the value`);
    if (r.bases.some((b) => !b.used)) throw r.fail('a base that no value uses');
    return value;
  } catch (e) {
    for (const c of r.created) c.free();
    throw e;
  }
}

function toInput(data) {
  // A copy: the input may be a chunk's view, which loading (allocating) can detach.
  return toView(data, 'loads', 'data', BASE).slice();
}
