// Sources (SPEC §9): turns anything the async functions accept — a
// ReadableStream, an async or sync iterable of bytes-likes, a Blob, a Node
// FileHandle, or a bytes-like itself (not a string: that is a path, most
// likely, and a TypeError) — into one reader with four verbs: `ready()` (bytes are at hand now), `await more()` (wait for the next piece
// or block; false at the end), `take(ptr, max)` (copy at most `max` bytes at
// hand into wasm memory at `ptr`; their count) and `await close(early)`;
// and two for searching bytes at hand where they are: `peek()` (a view of
// them, read again at each call) and `drop(n)` (pass n of them).
// Seekable sources (Blob, FileHandle, bytes-like) also `seek(pos)` and know
// their `size`; the others are read once, forward.
//
// Bytes are copied into wasm memory in the same synchronous step that
// resolves them, through the heap view taken right then: an await may run
// user code that grows memory (detaching older views) or moves a Chunk. A
// stream piece in wasm memory is copied out before its rest is kept.
import { READ, isBytesLike, toView } from '../core/bytes.js';
import { argError, describe } from '../core/errors.js';
import { heap, wasmBuffer } from '../core/wasm.js';

/**
 * Bytes a Blob or a FileHandle is read in per request: large enough that the
 * per-request cost (a thread-pool round trip, a Blob slice) vanishes, small
 * enough that a search stops reading soon after its answer (SPEC: within 16 MiB).
 */
const BLOCK = 4 << 20;

const isBlob = (v) => typeof Blob !== 'undefined' && v instanceof Blob;
const isStream = (v) => typeof v.getReader === 'function';
// Node's FileHandle, told by shape so this module imports nothing from Node.
const isFileHandle = (v) => typeof v.fd === 'number' && typeof v.read === 'function' && typeof v.stat === 'function';

/**
 * A reader over `source`, or a TypeError naming `fn` and what it got. For
 * a ReadableStream the stream is locked now (a stream locked by another
 * reader is a TypeError); the caller must `close()` the reader.
 * @returns {Promise<Reader>}
 */
export async function openSource(source, fn, arg = 'source') {
  // A path searched as its own characters is never what was meant (SPEC §9);
  // a String object too, which would otherwise be read as pieces of one character.
  if (typeof source === 'string' || source instanceof String) {
    throw argError(
      TypeError,
      fn,
      arg,
      `must not be a string, got ${describe(String(source))}: open a file with fs.openAsBlob(path) or fs.promises.open(path), or pass text as bytes (new TextEncoder().encode(text))`,
    );
  }
  if (isBytesLike(source)) return new BytesReader(source, fn, arg);
  if (source !== null && typeof source === 'object') {
    if (isBlob(source)) return new BlobReader(source);
    if (isStream(source)) {
      if (source.locked) throw argError(TypeError, fn, arg, 'is a ReadableStream locked by another reader');
      return new PieceReader(streamPieces(source.getReader()), fn, arg);
    }
    if (isFileHandle(source)) {
      if (source.fd < 0) throw closedHandle(fn, arg);
      const { size } = await source.stat();
      return new FileHandleReader(source, size, fn, arg);
    }
    if (typeof source[Symbol.asyncIterator] === 'function') return new PieceReader(source[Symbol.asyncIterator](), fn, arg);
    if (typeof source[Symbol.iterator] === 'function') return new PieceReader(source[Symbol.iterator](), fn, arg);
  }
  throw argError(
    TypeError,
    fn,
    arg,
    `must be a ReadableStream, an iterable of bytes-likes, a Blob, a FileHandle or a bytes-like, got ${describe(source)}`,
  );
}

/** A ReadableStream's reader as an iterator whose return() cancels the stream. */
function streamPieces(reader) {
  return {
    next: () => reader.read(),
    async return() {
      await reader.cancel();
      return { done: true, value: undefined };
    },
    release: () => reader.releaseLock(),
  };
}

/**
 * @typedef {object} Reader
 * @property {boolean} seekable
 * @property {number | undefined} size  bytes in the source, when known
 * @property {() => boolean} ready  whether bytes can be taken now, without waiting
 * @property {() => Promise<boolean>} more  waits until bytes are ready to take; false at the end
 * @property {(ptr: number, max: number) => number} take  copies at most `max` (>= 1) ready bytes to wasm memory at `ptr`, synchronously; their count
 * @property {() => Uint8Array | null} peek  the ready bytes where they are (null: none), valid until the next call of any verb
 * @property {(n: number) => void} drop  passes `n` (at most the peeked length) ready bytes without copying them
 * @property {(pos: number, blockEnd?: number) => void} [seek]  seekable readers only; `blockEnd`: reading walks backwards, fetch the block ending there
 * @property {(early: boolean) => Promise<void>} close  `early`: stopped before the end, so cancel the stream
 *
 * The split between `more` (the only await) and `take` (the only copy) lets
 * a caller abandon a pending `more` (an abort) without a late copy landing
 * in a window that was freed meanwhile.
 */

/** A bytes-like as one seekable piece. */
class BytesReader {
  seekable = true;
  #value;
  #fn;
  #arg;
  #pos = 0;

  constructor(value, fn, arg) {
    // Re-resolved per read: a Chunk may move or be freed between reads.
    this.#value = value;
    this.#fn = fn;
    this.#arg = arg;
    this.size = this.#view().length;
  }

  #view() {
    return toView(this.#value, this.#fn, this.#arg, READ);
  }

  seek(pos) {
    this.#pos = pos;
  }

  ready() {
    return this.#pos < this.size;
  }

  async more() {
    return this.#pos < this.size;
  }

  take(ptr, max) {
    const v = this.#view(); // a Chunk shrunk since the start reads as its end
    const end = Math.min(v.length, this.size, this.#pos + max);
    if (this.#pos >= end) return 0;
    heap().set(v.subarray(this.#pos, end), ptr); // same buffer or not, set copies as if through a temporary
    const n = end - this.#pos;
    this.#pos = end;
    return n;
  }

  peek() {
    const v = this.#view();
    const end = Math.min(v.length, this.size);
    return this.#pos < end ? v.subarray(this.#pos, end) : null;
  }

  drop(n) {
    this.#pos += n;
  }

  async close() {}
}

/** Shared by Blob and FileHandle: reads a block of up to BLOCK bytes at a position and serves it out. */
class BlockReader {
  seekable = true;
  #block = null; // the last block read, and where it starts
  #blockPos = 0;
  #pos = 0;
  #blockEnd = undefined;

  seek(pos, blockEnd) {
    this.#pos = pos;
    this.#blockEnd = blockEnd;
  }

  ready() {
    const at = this.#pos - this.#blockPos;
    return this.#block !== null && at >= 0 && at < this.#block.length;
  }

  async more() {
    if (this.#pos >= this.size) return false;
    if (this.ready()) return true;
    // Backwards, the block ends where asked, so the next windows down find their bytes in it.
    let from = this.#pos;
    let to = Math.min(this.size, from + BLOCK);
    if (this.#blockEnd !== undefined && Math.max(0, this.#blockEnd - BLOCK) <= from) {
      to = Math.min(this.size, this.#blockEnd);
      from = Math.max(0, to - BLOCK);
    }
    const b = await this.readBlock(from, to - from);
    this.#block = b;
    this.#blockPos = from;
    return this.ready(); // false when the file shrank since we asked its size
  }

  take(ptr, max) {
    if (!this.ready()) return 0;
    const at = this.#pos - this.#blockPos;
    const out = this.#block.subarray(at, Math.min(this.#block.length, at + max));
    heap().set(out, ptr);
    this.#pos += out.length;
    return out.length;
  }

  peek() {
    return this.ready() ? this.#block.subarray(this.#pos - this.#blockPos) : null;
  }

  drop(n) {
    this.#pos += n;
  }

  async close() {}
}

class BlobReader extends BlockReader {
  constructor(blob) {
    super();
    this.blob = blob;
    this.size = blob.size;
  }

  async readBlock(pos, n) {
    return new Uint8Array(await this.blob.slice(pos, pos + n).arrayBuffer());
  }
}

/** A FileHandle closed before or during the call: Node says only "file closed" (its fd is then -1). */
function closedHandle(fn, arg) {
  return argError(TypeError, fn, arg, 'is a closed FileHandle: keep it open until the call settles (fs.promises.open(path) opens one)');
}

class FileHandleReader extends BlockReader {
  #handle;
  #buffer = null; // one, reused: a block is read only once the last one is used up or left behind
  #fn;
  #arg;

  constructor(handle, size, fn, arg) {
    super();
    this.#handle = handle;
    this.size = size;
    this.#fn = fn;
    this.#arg = arg;
  }

  async readBlock(pos, n) {
    this.#buffer ??= new Uint8Array(Math.min(BLOCK, this.size));
    const buf = this.#buffer;
    let got = 0;
    while (got < n) {
      let bytesRead;
      try {
        ({ bytesRead } = await this.#handle.read(buf, got, n - got, pos + got));
      } catch (e) {
        // Closed meanwhile: the package's message; any other error passes through unchanged.
        if (this.#handle.fd < 0) throw closedHandle(this.#fn, this.#arg);
        throw e;
      }
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return buf.subarray(0, got);
  }

  // The caller's handle stays open: closing it is the caller's business.
}

/** A forward-only source: a stream's reader or an iterator of pieces. */
class PieceReader {
  seekable = false;
  size = undefined;
  #it;
  #fn;
  #arg;
  #piece = null; // the rest of the current piece
  #left = 0; // its length when it was taken or last read: a consumer may detach or shrink its buffer meanwhile
  #done = false;

  constructor(iterator, fn, arg) {
    this.#it = iterator;
    this.#fn = fn;
    this.#arg = arg;
  }

  async more() {
    while (this.#piece === null) {
      if (this.#done) return false;
      const r = await this.#it.next();
      if (r === null || typeof r !== 'object') {
        throw argError(TypeError, this.#fn, this.#arg, `iterator's next() must return an object, got ${describe(r)}`);
      }
      if (r.done) {
        this.#done = true;
        return false;
      }
      const value = r.value;
      if (value === null || (typeof value !== 'string' && typeof value !== 'object')) {
        throw argError(TypeError, this.#fn, this.#arg, `piece must be a bytes-like or a string, got ${describe(value)}`);
      }
      const v = toView(value, this.#fn, `${this.#arg} piece`, READ);
      // A piece in wasm memory would not survive the next allocation: keep a copy.
      if (v.length > 0) {
        this.#piece = v.buffer === wasmBuffer() ? v.slice() : v;
        this.#left = v.length;
      }
    }
    return true;
  }

  /** The rest of the piece, read now: shrunk (a detached or resized buffer) is a TypeError, never fewer bytes read quietly. */
  #now() {
    const p = this.#piece;
    if (p === null || p.length === this.#left) return p;
    if (p.length < this.#left) {
      throw argError(TypeError, this.#fn, this.#arg, `piece changed size during the call (${this.#left} bytes left, now ${p.length})`);
    }
    return p.subarray(0, this.#left);
  }

  #pass(p, n) {
    this.#left -= n;
    this.#piece = this.#left > 0 ? p.subarray(n, n + this.#left) : null;
  }

  ready() {
    return this.#piece !== null;
  }

  take(ptr, max) {
    const p = this.#now();
    if (p === null) return 0;
    const n = Math.min(p.length, max);
    heap().set(n === p.length ? p : p.subarray(0, n), ptr);
    this.#pass(p, n);
    return n;
  }

  peek() {
    return this.#now();
  }

  drop(n) {
    this.#pass(this.#now(), n);
  }

  /** Cancels the stream / returns the iterator when we stop before its end; releases a stream's lock. */
  async close(early) {
    try {
      if (early && !this.#done) {
        this.#done = true;
        await this.#it.return?.();
      }
    } finally {
      try {
        this.#it.release?.();
      } catch {
        // A read still pending after an abort: the stream stays locked, as a cancelled read leaves it.
      }
    }
  }
}
