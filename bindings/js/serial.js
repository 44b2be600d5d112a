// dumps/loads (SPEC §7): the seed's pickle support as a small versioned
// binary format. Objects that share a base in one dumps call share one base
// after loads. The reader trusts nothing: every count and length is checked
// against the bytes that remain before anything is allocated, nesting is
// bounded, and whatever was built before an error is freed.
//
// Format, version 1 (all integers unsigned LEB128, at most 2^53 - 1):
//   dump   := "WMEM" u8(1) nbases base{nbases} value
//   base   := u8 kind (1 Chunk, 2 ArrayBuffer) length bytes{length}
//   value  := u8 tag, then by tag:
//     1 Chunk        base-index (of kind 1)
//     2 ArrayBuffer  base-index (of kind 2)
//     3 Uint8Array   base-index (of kind 2) byteOffset length (inside the buffer)
//     4 MemSlice     start stop value (whose tag is 1, 2 or 3)
//     5 Array        count value{count}
//     6 StrArray     format-length format(ASCII) value (its buffer: tag 1..4)
//     7 ChunkArray   format-length format(ASCII) base-index (of kind 1)
// Every base is referred to at least once; a base is its bytes, so sharing
// survives exactly.
import { BASE, cellOf, toView } from './bytes.js';
import { Chunk, MAX_CHUNK } from './chunk.js';
import { describe } from './errors.js';
import { ChunkArray } from './chunkarray.js';
import { compile, quote } from './format.js';
import { MemSlice, rawSlice } from './memslice.js';
import { StrArray, adopt, ownedOf } from './strarray.js';
import { wasmBuffer } from './wasm.js';

const MAGIC = [0x57, 0x4d, 0x45, 0x4d]; // "WMEM"
const VERSION = 1;
const KIND_CHUNK = 1;
const KIND_BUFFER = 2;
const MAX_DEPTH = 64;

class Writer {
  parts = [];
  bases = new Map(); // identity (Chunk or ArrayBuffer) -> index
  baseList = [];

  byte(b) {
    this.parts.push(Uint8Array.of(b));
  }

  uint(n) {
    const out = [];
    do {
      let b = n % 128;
      n = Math.floor(n / 128);
      if (n > 0) b |= 0x80;
      out.push(b);
    } while (n > 0);
    this.parts.push(Uint8Array.from(out));
  }

  ascii(s) {
    this.uint(s.length);
    this.parts.push(Uint8Array.from(s, (c) => c.charCodeAt(0)));
  }

  base(key, kind) {
    let i = this.bases.get(key);
    if (i === undefined) {
      i = this.baseList.length;
      this.bases.set(key, i);
      this.baseList.push({ key, kind });
    }
    this.uint(i);
  }

  /** A value whose tag is 1..3 (a chunk or a plain buffer or Uint8Array) or 4 (a MemSlice). */
  value(v, depth = 0) {
    if (depth > MAX_DEPTH) throw new RangeError(`dumps(): nesting deeper than ${MAX_DEPTH} levels`);
    if (v instanceof Chunk) {
      v[cellOf]('dumps', 'value'); // a freed chunk is a TypeError
      this.byte(1);
      this.base(v, KIND_CHUNK);
    } else if (isPlainBuffer(v)) {
      this.byte(2);
      this.base(v, KIND_BUFFER);
    } else if (v instanceof Uint8Array && isPlainBuffer(v.buffer)) {
      this.byte(3);
      this.base(v.buffer, KIND_BUFFER);
      this.uint(v.byteOffset);
      this.uint(v.length);
    } else if (v instanceof MemSlice) {
      const base = v.base;
      if (!(base instanceof Chunk || isPlainBuffer(base) || (base instanceof Uint8Array && isPlainBuffer(base.buffer)))) {
        throw new TypeError(`dumps(): a MemSlice's base must be a Chunk, an ArrayBuffer or a Uint8Array, got ${describe(base)}`);
      }
      this.byte(4);
      this.uint(v.start);
      this.uint(Math.min(v.stop, Number.MAX_SAFE_INTEGER)); // an open-ended slice: to the end, as far as a slice reaches
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
    const head = new Writer();
    head.parts.push(Uint8Array.from(MAGIC), Uint8Array.of(VERSION));
    head.uint(this.baseList.length);
    for (const { key, kind } of this.baseList) {
      const data = kind === KIND_CHUNK ? key.bytes : new Uint8Array(key);
      head.byte(kind);
      head.uint(data.length);
      head.parts.push(data);
    }
    const all = [...head.parts, ...this.parts];
    const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of all) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
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
    if (v !== VERSION) throw this.fail(`unknown version ${v} (this package reads version ${VERSION})`);
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
      case 4: {
        const start = this.uint();
        const stop = this.uint();
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
        const n = this.length(); // each element takes at least a byte
        const out = [];
        for (let i = 0; i < n; i++) out.push(this.value(depth + 1));
        return out;
      }
      case 6:
      case 7:
        return this.strArray(tag, depth);
      default:
        throw this.fail(`unknown tag ${tag}`);
    }
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
