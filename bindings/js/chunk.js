// Chunk (SPEC §3): growable bytes in the module's linear memory.
//
// A chunk's storage is a cell {ptr, len, cap} shared with the finalisation
// registry, so that a forgotten chunk frees whatever block it holds at the
// time, even after resizes moved it. The capacity lives in JS: a resize
// within it is a length change and a fill, with no call into wasm for a byte
// pattern, which keeps a loop of one-byte growths at a few ns per step.
import { isIterableObject, slicePos, toByte, toIndex, toInt } from './core/args.js';
import { READ, bytes, live, toRef } from './core/bytes.js';
import { argError } from './core/errors.js';
import { defineByteMethods } from './search/methods.js';
import { decode } from './core/encodings.js';
import { bytesJSON, inspectChunk, inspectCustom } from './core/inspect.js';
import { MemSlice } from './memslice.js';
import { toFill, writeFill } from './fill.js';
import { chunkMoved, core, heap } from './core/wasm.js';
import { disposeSymbol, registerChunk } from './core/internal.js';

/** The largest chunk: the allocator's and typed arrays' practical limit. */
export const MAX_CHUNK = 2 ** 31 - 1;
/** Capacity never grows by less than this, so tiny chunks do not realloc per byte. */
const MIN_CAPACITY = 16;

const registry = new FinalizationRegistry((cell) => {
  if (cell.ptr !== 0) core.chunkFree(cell.ptr);
});
/** A `bytes` view keeps its chunk alive: the registry never frees under a reachable view. */
const keepAlive = new WeakMap();
/** Lets the static constructors skip the parts constructor. */
const EMPTY = Symbol('empty');

function notChunk(fn) {
  return new TypeError(`${fn}(): this is not a Chunk (a Proxy or another object)`);
}

function freedError(fn) {
  return new TypeError(`${fn}(): this Chunk was freed`);
}

function checkSize(n, fn, arg) {
  if (n < 0 || n > MAX_CHUNK)
    throw argError(RangeError, fn, arg, `must be 0..${MAX_CHUNK} (one chunk holds at most 2 GiB - 1 bytes), got ${n}`);
  return n;
}

export class Chunk {
  static {
    defineByteMethods(Chunk.prototype, 'Chunk'); // indexOf, lastIndexOf, includes, equals, compare
    // How the package knows a Chunk and works on it (core/internal.js): by
    // the private cell, never by a method a subclass or a Proxy could answer.
    registerChunk({
      cell: (v) => (v !== null && typeof v === 'object' && #cell in v ? v.#cell : undefined),
      extend: (c, n, fn) => c.#extendBy(n, fn),
      resize: (c, n, fn) => c.#resizeTo(n, fn),
    });
  }

  // `view: null` makes the cell a ref of the gate (see toRef): the one
  // object every call holds for this chunk's bytes, so it sees resizes that
  // happen mid-call (another argument's [bytes]() may resize this chunk).
  /** @type {{ptr: number, len: number, cap: number, freed: boolean, view: null}} */
  #cell = { ptr: 0, len: 0, cap: 0, freed: false, view: null };

  /**
   * A new chunk holding the parts (bytes-likes or strings) joined.
   * @param {...(BytesLike | string)} parts
   */
  constructor(...parts) {
    registry.register(this, this.#cell, this.#cell);
    if (parts[0] !== EMPTY) this.#join([], parts, 'Chunk');
  }

  /** Fills this new chunk with `refs` (already checked) followed by `parts`. */
  #join(refs, parts, fn) {
    const all = refs.concat(
      parts.map((p, i) => {
        if (typeof p === 'number') throw argError(TypeError, fn, `part ${i}`, `is a number (${p}): use Chunk.alloc(size) for a size`);
        return toRef(p, fn, `part ${i}`, READ);
      }),
    );
    for (const [i, r] of all.entries()) live(r, fn, i < refs.length ? 'this' : `part ${i - refs.length}`);
    const total = all.reduce((n, r) => n + r.len, 0);
    if (total > MAX_CHUNK) throw new RangeError(`${fn}(): the parts total ${total} bytes, more than one chunk holds (2 GiB - 1)`);
    this.#reserve(total, fn);
    const cell = this.#cell;
    for (const r of all) {
      // Allocation may have grown memory: parts in wasm are positions, still valid.
      if (r.view === null) core.copy(cell.ptr + cell.len, r.ptr, r.len);
      else heap().set(r.view, cell.ptr + cell.len);
      cell.len = (cell.len + r.len) | 0; // (see #extendBy)
    }
  }

  /**
   * `size` bytes filled with a byte value or a bytes-like pattern repeated.
   * @param {number} size
   * @param {number | BytesLike | string} [fill=0]
   */
  static alloc(size, fill = 0) {
    const n = checkSize(toInt(size, 'Chunk.alloc', 'size'), 'Chunk.alloc', 'size');
    const f = toFill(fill, 'Chunk.alloc', 'fill');
    const c = new Chunk(EMPTY);
    c.#setLength(n, f, 'Chunk.alloc');
    return c;
  }

  /**
   * A chunk of the byte values an iterable gives (each 0..255).
   * @param {Iterable<number>} values
   */
  static from(values) {
    if (!isIterableObject(values)) {
      throw argError(TypeError, 'Chunk.from', 'values', 'must be an iterable of byte values');
    }
    const list = [];
    let i = 0;
    for (const v of values) list.push(toByte(v, 'Chunk.from', `values[${i++}]`));
    return new Chunk(Uint8Array.from(list));
  }

  /**
   * Bytes from hex digits; whitespace is ignored. Odd or non-hex input: RangeError.
   * @param {string} text
   */
  static fromHex(text) {
    if (typeof text !== 'string') throw argError(TypeError, 'Chunk.fromHex', 'text', 'must be a string');
    const digits = text.replace(/\s+/g, '');
    const bad = digits.search(/[^0-9a-fA-F]/);
    if (bad >= 0) throw argError(RangeError, 'Chunk.fromHex', 'text', `has a non-hex character ${JSON.stringify(digits[bad])}`);
    if (digits.length % 2) throw argError(RangeError, 'Chunk.fromHex', 'text', `has an odd number of hex digits (${digits.length})`);
    const c = new Chunk(EMPTY);
    c.#setLength(digits.length / 2, 0, 'Chunk.fromHex');
    const h = heap();
    const p = c.#cell.ptr;
    for (let i = 0; i < digits.length; i += 2) h[p + i / 2] = parseInt(digits.slice(i, i + 2), 16);
    return c;
  }

  /**
   * The live cell of `c` (the `this` of a method); a TypeError naming `fn`
   * once freed, or when `c` is not a Chunk (a Proxy of one has no cell).
   * Static, so that asking a Proxy is this check and not the engine's.
   */
  static #live(c, fn) {
    if (c === null || typeof c !== 'object' || !(#cell in c)) throw notChunk(fn);
    const cell = c.#cell;
    if (cell.freed) throw freedError(fn);
    return cell;
  }

  /**
   * Lengthens the chunk by n bytes and returns their position in wasm memory
   * (StrArray.push/extend, StrIO writes at the end). Their contents are
   * unspecified: the caller writes them before anything else runs.
   */
  #extendBy(n, fn) {
    // Small enough to inline into a push: within capacity, a length change.
    // (Every length and capacity stored is a small integer (| 0, all are under
    // 2 GiB): one stored as a double turns these fields into doubles for every
    // chunk, measured 4.5 -> 6 ns a push.)
    const cell = this.#cell;
    const len = cell.len;
    if (len + n <= cell.cap && !cell.freed) {
      cell.len = len + n;
      return cell.ptr + len;
    }
    return this.#extendSlow(n, fn);
  }

  #extendSlow(n, fn) {
    const cell = Chunk.#live(this, fn);
    const len = cell.len;
    if (len + n > MAX_CHUNK) throw new RangeError(`${fn}(): ${len + n} bytes is more than one chunk holds (2 GiB - 1)`);
    this.#reserve(len + n, fn);
    cell.len = (len + n) | 0;
    return cell.ptr + len;
  }

  [bytes]() {
    const cell = Chunk.#live(this, 'Chunk[bytes]');
    return heap().subarray(cell.ptr, cell.ptr + cell.len);
  }

  /** Makes room for n bytes (capacity only; the length is unchanged). */
  #reserve(n, fn) {
    const cell = this.#cell;
    if (n <= cell.cap) return;
    // Geometric growth (x1.5) keeps a loop of small resizes linear overall;
    // when that much is not available, the exact size may still be.
    const want = Math.min(MAX_CHUNK, Math.max(n, MIN_CAPACITY, cell.cap + (cell.cap >>> 1)));
    for (const cap of want > n ? [want, n] : [n]) {
      const p = cell.ptr === 0 ? core.chunkAlloc(cap) : core.chunkRealloc(cell.ptr, cap);
      if (p !== 0) {
        if (cell.ptr !== 0) chunkMoved(); // views the element fast paths kept of the old block are stale
        cell.ptr = p;
        cell.cap = cap | 0;
        return;
      }
    }
    throw new RangeError(`${fn}(): out of memory: cannot make a chunk of ${n} bytes (the module's memory cannot grow)`);
  }

  /** Resizes to n bytes, zeros added: what the package itself does to a chunk (core/region.js), whatever a subclass's resize does. */
  #resizeTo(n, fn) {
    Chunk.#live(this, fn);
    this.#setLength(checkSize(n, fn, 'n'), 0, fn);
  }

  /** Sets the length to n, filling added bytes with `fill`; the one path every size change takes. */
  #setLength(n, fill, fn) {
    const cell = this.#cell;
    const old = cell.len;
    if (n > cell.cap) {
      // The fill pattern may lie in this very block, which a realloc can move or free.
      if (typeof fill !== 'number' && fill.view === null && fill.ptr < cell.ptr + cell.cap && fill.ptr + fill.len > cell.ptr) {
        fill = { ptr: 0, len: fill.len, view: heap().slice(fill.ptr, fill.ptr + fill.len) };
      }
      this.#reserve(n, fn);
    } else if (n < cell.cap >>> 2 && cell.cap > 4096) {
      // Give back most of a block that shrank a lot; growth stays amortised
      // because shrinking needs a 4x drop and growing a 1.5x overshoot.
      const cap = Math.max(n, MIN_CAPACITY);
      const p = core.chunkRealloc(cell.ptr, cap);
      if (p !== 0) {
        chunkMoved();
        cell.ptr = p;
        cell.cap = cap | 0;
      }
    }
    if (n > old) writeFill(cell.ptr + old, n - old, fill);
    else if (n < old) chunkMoved(); // item counts kept by the element fast paths would be too big
    cell.len = n | 0;
  }

  /** Length in bytes. */
  get length() {
    return Chunk.#live(this, 'Chunk.length').len;
  }

  /**
   * A Uint8Array view of the current bytes, valid until the next resize or
   * memory growth. It keeps this chunk alive while reachable.
   * @type {Uint8Array}
   */
  get bytes() {
    const cell = Chunk.#live(this, 'Chunk.bytes');
    const view = heap().subarray(cell.ptr, cell.ptr + cell.len);
    keepAlive.set(view, this);
    return view;
  }

  /**
   * New length `n`; added bytes come from `pattern` repeated from its first byte.
   * Growth is amortised; the contents may move (every MemSlice follows).
   * @param {number} n
   * @param {number | BytesLike | string} [pattern=0]
   */
  resize(n, pattern = 0) {
    Chunk.#live(this, 'Chunk.resize');
    const size = checkSize(toInt(n, 'Chunk.resize', 'n'), 'Chunk.resize', 'n');
    const fill = toFill(pattern, 'Chunk.resize', 'pattern');
    // The pattern's [bytes]() may have freed this chunk: never give a freed one a block.
    if (this.#cell.freed) throw freedError('Chunk.resize');
    this.#setLength(size, fill, 'Chunk.resize');
    return this;
  }

  /** The byte at `i` (negative from the end); RangeError out of range. */
  get(i) {
    const cell = Chunk.#live(this, 'Chunk.get');
    if (typeof i === 'number' && i >>> 0 === i && i < cell.len) return heap()[cell.ptr + i];
    return heap()[cell.ptr + toIndex(i, cell.len, 'Chunk.get')];
  }

  /** Sets the byte at `i` (negative from the end) to `value` (0..255). */
  set(i, value) {
    const cell = Chunk.#live(this, 'Chunk.set');
    const k = typeof i === 'number' && i >>> 0 === i && i < cell.len ? i : toIndex(i, cell.len, 'Chunk.set');
    if (typeof value !== 'number' || value >>> 0 !== value || value > 255) toByte(value, 'Chunk.set', 'value');
    heap()[cell.ptr + k] = value;
  }

  /** Like Array.prototype.at: the byte at `i` (negative from the end), undefined out of range. */
  at(i) {
    const cell = Chunk.#live(this, 'Chunk.at');
    let k = toInt(i, 'Chunk.at', 'index');
    if (k < 0) k += cell.len;
    return k < 0 || k >= cell.len ? undefined : heap()[cell.ptr + k];
  }

  /** Byte values, read as iteration reaches them. */
  *[Symbol.iterator]() {
    for (let i = 0; i < this.length; i++) yield heap()[this.#cell.ptr + i];
  }

  /** A new chunk with a copy of bytes [start, stop). */
  slice(start, stop) {
    const cell = Chunk.#live(this, 'Chunk.slice');
    const s = slicePos(start, cell.len, 'Chunk.slice', 'start', 0);
    const e = Math.max(s, slicePos(stop, cell.len, 'Chunk.slice', 'stop', cell.len));
    const c = new Chunk(EMPTY);
    c.#reserve(e - s, 'Chunk.slice');
    core.copy(c.#cell.ptr, cell.ptr + s, e - s); // positions: valid after the allocation grew memory
    c.#cell.len = (e - s) | 0;
    return c;
  }

  /** A MemSlice on bytes [start, stop) of this chunk: a live window. */
  subarray(start, stop) {
    Chunk.#live(this, 'Chunk.subarray');
    return new MemSlice(this, start, stop, 'Chunk.subarray');
  }

  /** A new chunk: this chunk's bytes followed by the parts. */
  concat(...parts) {
    const cell = Chunk.#live(this, 'Chunk.concat');
    const c = new Chunk(EMPTY);
    c.#join([cell], parts, 'Chunk.concat'); // live: a part's [bytes]() may resize this chunk
    return c;
  }

  /** A new chunk of `n` copies of this one. */
  repeat(n) {
    const cell = Chunk.#live(this, 'Chunk.repeat');
    const count = toInt(n, 'Chunk.repeat', 'n');
    if (count < 0) throw argError(RangeError, 'Chunk.repeat', 'n', `must be >= 0, got ${count}`);
    if (cell.len * count > MAX_CHUNK)
      throw argError(RangeError, 'Chunk.repeat', 'n', `makes ${cell.len * count} bytes, more than one chunk holds (2 GiB - 1)`);
    const c = new Chunk(EMPTY);
    if (cell.len > 0) c.#setLength(cell.len * count, { ptr: cell.ptr, len: cell.len, view: null }, 'Chunk.repeat');
    return c;
  }

  /** Fills [start, end) with a byte value or a pattern repeated from its first byte. */
  fill(value, start, end) {
    Chunk.#live(this, 'Chunk.fill');
    const f = toFill(value, 'Chunk.fill', 'value');
    const cell = Chunk.#live(this, 'Chunk.fill'); // the value's [bytes]() may have freed or resized it
    const s = slicePos(start, cell.len, 'Chunk.fill', 'start', 0);
    const e = slicePos(end, cell.len, 'Chunk.fill', 'end', cell.len);
    if (e > s) writeFill(cell.ptr + s, e - s, f);
    return this;
  }

  /** A copy of the bytes. */
  toUint8Array() {
    const cell = Chunk.#live(this, 'Chunk.toUint8Array');
    return heap().slice(cell.ptr, cell.ptr + cell.len);
  }

  /**
   * The bytes decoded as `encoding`: 'utf8' (the default; invalid sequences
   * become U+FFFD), 'hex', 'latin1', 'ascii', 'base64', 'base64url', 'utf16le'.
   */
  toString(encoding) {
    const cell = Chunk.#live(this, 'Chunk.toString');
    return decode(heap().subarray(cell.ptr, cell.ptr + cell.len), encoding, 'Chunk.toString');
  }

  /** Lowercase hex digits, two per byte. */
  toHex() {
    const cell = Chunk.#live(this, 'Chunk.toHex');
    return decode(heap().subarray(cell.ptr, cell.ptr + cell.len), 'hex', 'Chunk.toHex');
  }

  /** Whether free() was called. */
  get freed() {
    if (this === null || typeof this !== 'object' || !(#cell in this)) throw notChunk('Chunk.freed');
    return this.#cell.freed;
  }

  /** Returns the memory now. A second call does nothing; any other use afterwards is a TypeError. */
  free() {
    if (this === null || typeof this !== 'object' || !(#cell in this)) throw notChunk('Chunk.free');
    const cell = this.#cell;
    if (cell.freed) return;
    registry.unregister(cell);
    if (cell.ptr !== 0) core.chunkFree(cell.ptr);
    cell.ptr = 0;
    cell.len = 0;
    cell.cap = 0;
    cell.freed = true;
    chunkMoved();
  }

  [disposeSymbol]() {
    this.free();
  }

  get [Symbol.toStringTag]() {
    return 'Chunk';
  }

  // Node's conventions (inspect.js): console.log shows the bytes, JSON holds
  // them as numbers, and Buffer.from(chunk) copies them (it honours valueOf).
  [inspectCustom](depth, options, inspect) {
    return inspectChunk(this, depth, options, inspect);
  }

  toJSON() {
    return bytesJSON(this);
  }

  /** A copy of the bytes, as toUint8Array(): what Buffer.from(chunk) copies. */
  valueOf() {
    return this[bytes]().slice();
  }
}
