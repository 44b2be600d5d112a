// loads (SPEC §7): reads what serial.js's dumps writes (format versions 1
// to 3; wire.js documents the format). The reader trusts nothing: every
// count and length is checked against the bytes that remain before anything
// is allocated, nesting is bounded, and whatever was built before an error
// is freed.
import { BASE, toView } from '../core/bytes.js';
import { Chunk, MAX_CHUNK } from '../chunk.js';
import { ChunkArray } from '../array/chunkarray.js';
import { compile, quote } from '../struct/format.js';
import { StrArray } from '../array/strarray.js';
import { geometryOptions } from '../array/geometry.js';
import * as wire from './wire.js';
import { arrayInternals, arrayOver, makeSlice } from '../core/internal.js';

/** A value begun but not made yet (a reference to it is refused). */
const PENDING = Symbol('pending');

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
    if (b.kind !== kind) throw this.fail(`base ${i} is not ${kind === wire.KIND_CHUNK ? 'a Chunk' : 'an ArrayBuffer'}`);
    b.used = true;
    return b;
  }

  header() {
    for (const m of wire.MAGIC) if (this.byte() !== m) throw this.fail('not a wasm-mem dump (bad magic)');
    const v = this.byte();
    if (!(v >= 1 && v <= wire.VERSION)) throw this.fail(`unknown version ${v} (this package reads versions 1 to ${wire.VERSION})`);
    this.version = v;
    const n = this.length(2); // each base takes at least 2 bytes
    this.bases = [];
    for (let i = 0; i < n; i++) {
      const kind = this.byte();
      if (kind !== wire.KIND_CHUNK && kind !== wire.KIND_BUFFER) throw this.fail(`unknown base kind ${kind}`);
      const len = this.length();
      if (kind === wire.KIND_CHUNK && len > MAX_CHUNK) throw this.fail('a chunk larger than 2 GiB - 1');
      this.bases.push({ kind, start: this.at, len, object: null, used: false });
      this.at += len;
    }
  }

  /** The object of a base, made on first use. */
  object(b) {
    if (b.object === null) {
      const data = this.u8.subarray(b.start, b.start + b.len);
      if (b.kind === wire.KIND_CHUNK) {
        b.object = new Chunk(data);
        this.created.push(b.object);
      } else {
        b.object = data.slice().buffer;
      }
    }
    return b.object;
  }

  value(depth = 0) {
    if (depth > wire.MAX_DEPTH) throw this.fail(`nesting deeper than ${wire.MAX_DEPTH} levels`);
    const tag = this.byte();
    if (tag === wire.TAG_REF && this.version >= 2) return this.reference();
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
      case wire.TAG_CHUNK:
        return this.object(this.baseIndex(wire.KIND_CHUNK));
      case wire.TAG_BUFFER:
        return this.object(this.baseIndex(wire.KIND_BUFFER));
      case wire.TAG_UINT8ARRAY: {
        const b = this.baseIndex(wire.KIND_BUFFER);
        const off = this.uint();
        const len = this.uint();
        if (off + len > b.len) throw this.fail('a Uint8Array outside its buffer');
        return new Uint8Array(this.object(b), off, len);
      }
      case wire.TAG_SLICE:
      case wire.TAG_OPEN_SLICE: {
        if (tag === wire.TAG_OPEN_SLICE && this.version < 2) break;
        const start = this.uint();
        // A stop past the base's length is kept: the base shrank after the
        // slice was made, and the length rule of SPEC §4 still applies.
        const stop = tag === wire.TAG_SLICE ? this.uint() : Infinity;
        if (stop < start) throw this.fail('a MemSlice whose stop is before its start');
        const at = this.at;
        const base = this.value(depth + 1);
        if (!(base instanceof Chunk || base instanceof ArrayBuffer || base instanceof Uint8Array)) {
          this.at = at;
          throw this.fail('a MemSlice on something that is not a Chunk, ArrayBuffer or Uint8Array');
        }
        return makeSlice(base, start, stop);
      }
      case wire.TAG_ARRAY: {
        const count = this.length(); // each element takes at least a byte
        const out = [];
        this.values[n] = out; // an array may hold itself
        for (let i = 0; i < count; i++) out.push(this.value(depth + 1));
        return out;
      }
      case wire.TAG_STR_ARRAY:
      case wire.TAG_SHAPED_ARRAY:
      case wire.TAG_OPTIONED_ARRAY:
        if (tag === wire.TAG_OPTIONED_ARRAY && this.version < 3) break;
        return this.strArray(tag, depth);
      case wire.TAG_CHUNK_ARRAY:
      case wire.TAG_SHAPED_CHUNK_ARRAY:
      case wire.TAG_OPTIONED_CHUNK_ARRAY: {
        if (tag === wire.TAG_OPTIONED_CHUNK_ARRAY && this.version < 3) break;
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
    const chunk = arrayInternals(array).owned;
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
    let size;
    try {
      size = compile(format, 'loads').size;
      if (size === 0) throw new TypeError('size 0');
    } catch {
      throw this.fail(`a bad format ${quote(format)}`);
    }
    const optioned = tag === wire.TAG_OPTIONED_ARRAY || tag === wire.TAG_OPTIONED_CHUNK_ARRAY;
    const shaped = optioned || tag === wire.TAG_SHAPED_ARRAY || tag === wire.TAG_SHAPED_CHUNK_ARRAY;
    const { names, geo } = shaped ? this.shape(size) : {};
    const { strings, int64 } = optioned ? this.options(geo) : {};
    const options = { names, strings, int64 };
    const at = this.at;
    const make = (fn) => {
      try {
        return fn();
      } catch (e) {
        if (!(e instanceof TypeError || e instanceof RangeError)) throw e;
        this.at = at;
        throw this.fail(`a StrArray that cannot be made (${e.message})`);
      }
    };
    if (tag === wire.TAG_CHUNK_ARRAY || tag === wire.TAG_SHAPED_CHUNK_ARRAY || tag === wire.TAG_OPTIONED_CHUNK_ARRAY) {
      if (geo !== undefined && !geo.plain) throw this.fail('a ChunkArray with a strided geometry');
      const chunk = this.object(this.baseIndex(wire.KIND_CHUNK));
      return make(() => arrayOver(() => new ChunkArray(format, undefined, options), chunk));
    }
    const buffer = this.value(depth + 1);
    if (Array.isArray(buffer)) {
      this.at = at;
      throw this.fail('a StrArray over an array');
    }
    return make(() => new StrArray(format, buffer, geo === undefined || geo.plain ? options : geometryOptions(geo, options)));
  }

  /** Tags 12 and 13's options (serial.js): the length goes into `geo` (a length-bound array is not plain). */
  options(geo) {
    const [limit, strings, int64] = [this.uint(), this.uint(), this.uint()];
    if (strings >= wire.STRINGS.length || int64 > 1) throw this.fail('unknown StrArray options');
    if (limit > 0) {
      geo.limit = limit - 1;
      geo.plain = false;
    }
    return { strings: wire.STRINGS[strings], int64: int64 === 1 ? 'number' : undefined };
  }

  /** A record array's names and geometry (serial.js, shape), checked against the item size. */
  shape(size) {
    const count = this.length() - 1; // 0: no names
    const names = count < 0 ? undefined : [];
    for (let k = 0; k < count; k++) {
      const n = this.length();
      try {
        names.push(new TextDecoder('utf-8', { fatal: true }).decode(this.u8.subarray(this.at, this.at + n)));
      } catch {
        throw this.fail('a name that is not UTF-8');
      }
      this.at += n;
    }
    const [origin, stride, lead, span] = [this.uint(), this.uint(), this.uint(), this.uint()];
    if ([origin, stride, span].some((n) => n > MAX_CHUNK) || stride < size || lead + size > span || span > stride) {
      throw this.fail('an item geometry that does not fit its format');
    }
    return {
      names,
      geo: { origin, stride, lead, span, limit: Infinity, plain: origin === 0 && stride === size && lead === 0 && span === size },
    };
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
  return new Uint8Array(toView(data, 'loads', 'data', BASE)); // a copy (no caller's slice)
}
