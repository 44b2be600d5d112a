// StrIO and ChunkIO (SPEC §6): a file over any bytes-like, with io.BytesIO's
// semantics and the error classes of SPEC §1.
//
// The position is a plain number; the data is asked for its bytes at every
// call, so the file follows a chunk that moves or a resizable buffer that
// changes size. Writes past the end grow the data through its resize (the
// gap reads as zeros, like a file); lines are found with the byte search.
// readStruct/writeStruct use the StrArray codecs: one conversion path.
import { toInt } from './core/args.js';
import { BASE, READ, WRITE, live, toRef, toView } from './core/bytes.js';
import { Chunk, MAX_CHUNK } from './chunk.js';
import { argError } from './core/errors.js';
import { compile } from './struct/format.js';
import { itemCodec } from './struct/records.js';
import { inspectCustom, inspectFile } from './core/inspect.js';
import { copy, search } from './search/functions.js';
import { MemSlice } from './memslice.js';
import { Region } from './core/region.js';
import { heap } from './core/wasm.js';
import { CHUNK_REGION, disposeSymbol } from './core/internal.js';

const NEWLINE = 10;
/** Bytes per chunk that readableStream() enqueues; back-pressure comes from pulling. */
const STREAM_CHUNK = 64 * 1024;
const encoder = new TextEncoder();

/** A non-negative integer or -1 (Python's "all") for read sizes and limits. */
function sizeArg(n, fn, arg) {
  const v = toInt(n, fn, arg, -1);
  return v < 0 ? -1 : v;
}

export class StrIO {
  #data;
  #pos = 0;
  #closed = false;
  #owned = null;
  #writable;
  #r; // where the data's bytes are (region.js)
  // Records repeat a few formats: the last four, compared by identity, skip
  // the compile cache's hash lookup (the largest cost of a small readStruct).
  #formats = [];
  #layouts = [];

  /**
   * @param {BytesLike | string} [data] any bytes-like (a string: its UTF-8 bytes, read-only); a new Chunk by default
   */
  constructor(data) {
    const fn = new.target === ChunkIO ? 'ChunkIO' : 'StrIO';
    if (data === undefined) {
      data = new Chunk();
      this.#owned = data;
    } else if (typeof data === 'string') {
      data = encoder.encode(data);
      this.#writable = false;
    } else {
      toView(data, fn, 'data', BASE);
    }
    // A ChunkIO's chunk is its own (made by ChunkIO for this file alone).
    if (new.target === ChunkIO || new.target.prototype instanceof ChunkIO) this.#owned ??= data;
    this.#data = data;
    this.#r = new Region(data, 0, Infinity, fn, 'data', true);
    this.#writable ??= this.#r.writable;
  }

  #open(fn) {
    if (this.#closed) throw new Error(`${fn}(): I/O operation on a closed file`);
  }

  /** The data's bytes now (a view; valid until the next allocation). */
  #bytes(fn, write = false) {
    return this.#r.view(fn, write);
  }

  #unsupported(fn, what) {
    return new TypeError(`${fn}(): ${what}: the data is read-only`);
  }

  /** The wrapped data object. */
  get data() {
    return this.#data;
  }

  /** The file's size: the data's length now. */
  get size() {
    this.#open('StrIO.size');
    return this.#bytes('StrIO.size').length;
  }

  get closed() {
    return this.#closed;
  }

  readable() {
    this.#open('StrIO.readable');
    return true;
  }

  writable() {
    this.#open('StrIO.writable');
    return this.#writable;
  }

  seekable() {
    this.#open('StrIO.seekable');
    return true;
  }

  flush() {
    this.#open('StrIO.flush');
  }

  /** Closes the file; any I/O afterwards is an Error. A second close does nothing. */
  close() {
    this.#closed = true;
  }

  tell() {
    this.#open('StrIO.tell');
    return this.#pos;
  }

  /**
   * Moves the position: whence 0 from the start, 1 from the current position,
   * 2 from the end. A negative result is a RangeError (io.BytesIO clamps it).
   */
  seek(offset, whence = 0) {
    this.#open('StrIO.seek');
    const off = toInt(offset, 'StrIO.seek', 'offset');
    const w = toInt(whence, 'StrIO.seek', 'whence');
    if (w !== 0 && w !== 1 && w !== 2) throw argError(RangeError, 'StrIO.seek', 'whence', `must be 0, 1 or 2, got ${w}`);
    const base = w === 0 ? 0 : w === 1 ? this.#pos : this.#bytes('StrIO.seek').length;
    const pos = base + off;
    if (pos < 0) throw argError(RangeError, 'StrIO.seek', 'offset', `gives a negative position (${pos})`);
    if (pos > Number.MAX_SAFE_INTEGER) throw argError(RangeError, 'StrIO.seek', 'offset', `gives a position beyond 2^53 - 1`);
    this.#pos = pos;
    return pos;
  }

  /** Up to n bytes from the position (n < 0: to the end), as a Uint8Array copy. */
  read(n = -1) {
    this.#open('StrIO.read');
    const want = sizeArg(n, 'StrIO.read', 'n');
    const bytes = this.#bytes('StrIO.read');
    const start = Math.min(this.#pos, bytes.length);
    const end = want < 0 ? bytes.length : Math.min(bytes.length, start + want);
    this.#pos = Math.max(this.#pos, end);
    return bytes.slice(start, end);
  }

  /** Reads into a writable bytes-like; returns the number of bytes read. */
  readinto(target) {
    this.#open('StrIO.readinto');
    // Both as refs (positions in wasm memory survive its growth), the target
    // last: its [bytes]() may resize the data, while no user code runs
    // between resolving the target and writing into it.
    const data = toRef(this.#data, 'StrIO.readinto', 'data', BASE);
    const t = toRef(target, 'StrIO.readinto', 'target', WRITE);
    live(data, 'StrIO.readinto', 'data'); // the target's [bytes]() may have freed it
    const start = Math.min(this.#pos, data.len);
    const n = Math.min(t.len, data.len - start);
    const src = data.view === null ? heap().subarray(data.ptr + start, data.ptr + start + n) : data.view.subarray(start, start + n);
    // TypedArray#set copies safely within one buffer.
    if (t.view === null) heap().set(src, t.ptr);
    else t.view.set(src);
    this.#pos += n; // past the end n is 0: the position stays where it was
    return n;
  }

  /** One line, up to and including b'\n', at most `limit` bytes (< 0: no limit). */
  readline(limit = -1) {
    this.#open('StrIO.readline');
    const max = sizeArg(limit, 'StrIO.readline', 'limit');
    const size = this.#bytes('StrIO.readline').length;
    const start = this.#pos;
    if (start >= size) return new Uint8Array(0);
    const end = max < 0 ? size : Math.min(size, start + max);
    const nl = search('StrIO.readline', false, this.#data, NEWLINE, start, end);
    const stop = nl < 0 ? end : nl + 1;
    this.#pos = stop;
    return this.#bytes('StrIO.readline').slice(start, stop);
  }

  /** The remaining lines; with a `hint`, stops once that many bytes were read (as Python). */
  readlines(hint = -1) {
    this.#open('StrIO.readlines');
    const h = sizeArg(hint, 'StrIO.readlines', 'hint');
    this.#bytes('StrIO.readlines'); // freed data says so in this method's name, not readline's
    const lines = [];
    let total = 0;
    for (let line = this.readline(); line.length > 0; line = this.readline()) {
      lines.push(line);
      total += line.length;
      if (h > 0 && total >= h) break;
    }
    return lines;
  }

  /** Lines, as Uint8Arrays, from the position on. */
  *[Symbol.iterator]() {
    this.#open('StrIO iterator');
    for (let line = this.readline(); line.length > 0; line = this.readline()) yield line;
  }

  /**
   * Grows the data to `end` bytes for a write (the gap and the new bytes
   * read as zeros until written), or refuses: nothing is written then.
   */
  #makeRoom(end, fn) {
    const r = this.#r;
    const size = r.total(fn);
    if (end <= size) return;
    if (r.resizable === null)
      throw argError(RangeError, fn, 'data', `cannot grow to ${end} bytes (${size} bytes, no resize): nothing written`);
    if (r.kind === CHUNK_REGION && end > MAX_CHUNK)
      throw argError(RangeError, fn, 'data', `cannot grow to ${end} bytes, more than one chunk holds (2 GiB - 1): nothing written`);
    const max = r.maxBytes();
    if (max !== undefined && end > max)
      throw argError(RangeError, fn, 'data', `cannot grow past its maxByteLength (${max}) to ${end} bytes: nothing written`);
    r.resize(end, fn);
  }

  /**
   * Writes bytes (a string: its UTF-8) at the position, growing the data
   * when it can; returns the number of bytes written.
   */
  write(b) {
    this.#open('StrIO.write');
    if (!this.#writable) throw this.#unsupported('StrIO.write', 'not writable');
    // A position when `b` is in wasm memory: the data's [bytes]() may grow
    // the memory, which would detach a view taken now.
    const src = toRef(b, 'StrIO.write', 'b', READ);
    const n = src.len;
    if (n === 0) return 0;
    let bytesNow = src.view;
    if (this.#pos + n > this.#bytes('StrIO.write').length) {
      // Growing may move the data, and `b` may be a view of it (or a slice
      // that grows with it): write the bytes it holds now.
      bytesNow ??= heap().slice(src.ptr, src.ptr + n);
      this.#makeRoom(this.#pos + n, 'StrIO.write');
    }
    const dest = this.#bytes('StrIO.write', true); // first: it may grow the memory
    copy(dest, bytesNow ?? heap().subarray(src.ptr, src.ptr + n), this.#pos);
    this.#pos += n;
    return n;
  }

  /**
   * Cuts the data to `size` bytes (default: the position); never extends, as
   * io.BytesIO. Returns `size`; the position does not move.
   */
  truncate(size) {
    this.#open('StrIO.truncate');
    const s = toInt(size, 'StrIO.truncate', 'size', this.#pos);
    if (s < 0) throw argError(RangeError, 'StrIO.truncate', 'size', `must be >= 0, got ${s}`);
    if (!this.#writable) throw this.#unsupported('StrIO.truncate', 'cannot truncate');
    const current = this.#bytes('StrIO.truncate').length;
    if (s >= current) return s;
    if (this.#r.resizable !== 'both')
      throw argError(TypeError, 'StrIO.truncate', 'data', `cannot shrink (no resize) from ${current} to ${s} bytes`);
    this.#r.resize(s, 'StrIO.truncate');
    return s;
  }

  /** A copy of all the bytes. */
  getvalue() {
    this.#open('StrIO.getvalue');
    return this.#bytes('StrIO.getvalue').slice();
  }

  /**
   * An open-ended MemSlice over the data (SPEC §4): reading and writing
   * through it is seen by the file, and it follows the data as it grows.
   */
  getbuffer() {
    this.#open('StrIO.getbuffer');
    this.#bytes('StrIO.getbuffer'); // a freed chunk is refused here, in this method's name
    return new MemSlice(this.#data, 0, Infinity, 'StrIO.getbuffer');
  }

  #layout(format, fn) {
    const formats = this.#formats;
    for (let i = 0; i < formats.length; i++) if (formats[i] === format) return this.#layouts[i];
    const layout = compile(format, fn);
    if (layout.size === 0) throw new TypeError(`${fn}(): format ${layout.quoted} has size 0`);
    if (formats.length === 4) {
      formats.shift();
      this.#layouts.shift();
    }
    formats.push(format);
    this.#layouts.push(layout);
    return layout;
  }

  /**
   * One item of a struct format at the position, which advances: a scalar
   * format's value, or a record format's values as an array (an object
   * with options.names); options.strings and options.int64 as StrArray's.
   */
  readStruct(format, options) {
    this.#open('StrIO.readStruct');
    const layout = this.#layout(format, 'StrIO.readStruct');
    const item = options === undefined ? null : itemCodec(layout, options, 'StrIO.readStruct');
    const pos = this.#pos;
    const r = this.#r;
    let p = r.span(pos, layout.size);
    let dv = r.tdv();
    if (p < 0) {
      const bytes = this.#bytes('StrIO.readStruct');
      if (pos + layout.size > bytes.length) {
        throw new RangeError(
          `StrIO.readStruct(): format ${layout.quoted} needs ${layout.size} bytes at position ${pos}, ${Math.max(0, bytes.length - pos)} left`,
        );
      }
      dv = new DataView(bytes.buffer, bytes.byteOffset + pos, layout.size);
      p = 0;
    }
    // Read before the position moves: a value options cannot give (int64, strings) leaves it where it was.
    const value =
      item !== null
        ? item.read(dv, p, undefined, 'StrIO.readStruct')
        : layout.acc !== null
          ? layout.acc.read(dv, p)
          : layout.readValues(dv, p);
    this.#pos = pos + layout.size;
    return value;
  }

  /**
   * Writes one item of a struct format at the position (growing like
   * write): a scalar format takes one value, a record format its values in
   * order or one array of them (as StrArray.set). Returns the bytes written; nothing is written when a value is rejected.
   */
  writeStruct(format, ...values) {
    this.#open('StrIO.writeStruct');
    const layout = this.#layout(format, 'StrIO.writeStruct');
    const acc = layout.acc;
    const stored =
      acc !== null
        ? values.length === 1
          ? acc.check(values[0], 'StrIO.writeStruct', 'value')
          : null
        : layout.checkValues(values.length === 1 && Array.isArray(values[0]) ? values[0] : values, 'StrIO.writeStruct', 'values');
    if (stored === null) throw new TypeError(`StrIO.writeStruct(): format ${layout.quoted} takes 1 value, got ${values.length}`);
    if (!this.#writable) throw this.#unsupported('StrIO.writeStruct', 'not writable');
    const pos = this.#pos;
    const r = this.#r;
    const size = layout.size;
    // At the end of a chunk: the chunk's own append (no fill, no wasm call within capacity).
    let p = pos === r.total('StrIO.writeStruct') ? r.append(size, 'StrIO.writeStruct', 1) : -1;
    if (p < 0) {
      this.#makeRoom(pos + size, 'StrIO.writeStruct');
      p = r.span(pos, size);
    }
    if (p >= 0) {
      if (acc !== null) acc.write(r.tdv(), p, stored);
      else layout.writeValues(r.tdv(), p, stored);
    } else {
      const bytes = this.#bytes('StrIO.writeStruct', true);
      // What the data holds now, after its resize (a user's object may say what it likes).
      if (pos + size > bytes.length) {
        throw argError(RangeError, 'StrIO.writeStruct', 'data', `is ${bytes.length} bytes after growing to ${pos + size}: nothing written`);
      }
      const dv = new DataView(bytes.buffer, bytes.byteOffset + pos, size);
      if (acc !== null) acc.write(dv, 0, stored);
      else layout.writeValues(dv, 0, stored);
    }
    this.#pos = pos + size;
    return size;
  }

  /** A WHATWG ReadableStream of the bytes from the position on; reading advances the position. */
  readableStream() {
    this.#open('StrIO.readableStream');
    return new ReadableStream(
      {
        // Pulled only when the consumer wants more: a slow sink never makes this buffer the file.
        pull: (controller) => {
          const piece = this.read(STREAM_CHUNK);
          if (piece.length === 0) controller.close();
          else controller.enqueue(piece);
        },
      },
      { highWaterMark: 1 },
    );
  }

  /** A WHATWG WritableStream writing at the position (bytes-likes or strings). */
  writableStream() {
    this.#open('StrIO.writableStream');
    return new WritableStream({ write: (piece) => void this.write(piece) }, { highWaterMark: 1 });
  }

  /** Frees the chunk this file made (data you passed is left alone) and closes it. */
  free() {
    this.#closed = true;
    this.#owned?.free();
  }

  [disposeSymbol]() {
    this.free();
  }

  get [Symbol.toStringTag]() {
    return this.constructor.name;
  }

  // Node's conventions (inspect.js): console.log shows the size, the position and the first bytes.
  [inspectCustom](depth, options) {
    return inspectFile(this, depth, options, () => this.#bytes('StrIO.inspect'));
  }
}

export class ChunkIO extends StrIO {
  /**
   * A StrIO over a new Chunk holding a copy of `initial` (bytes-like or string).
   * @param {BytesLike | string} [initial]
   */
  constructor(initial) {
    super(initial === undefined ? undefined : new Chunk(toView(initial, 'ChunkIO', 'initial', READ)));
  }
}
