// Documents: the bytes the tool shows. Two kinds behind one interface:
//
// - MemoryDoc: the whole file in one wasm-mem Chunk, so every search,
//   compare and typed read runs on it in place (no copies), and edits go
//   through Chunk.resize and the overlap-safe copy(). Undo keeps the inverse
//   of each edit, not snapshots, so a 1-byte patch on a 500 MiB file costs
//   1 byte of history.
// - FileDoc: a file too large to hold (or that the memory refused), read
//   read-only in windows with File.slice; a small page cache serves the hex
//   view, and searches stream windows through the same package functions.
//
// Both offer read(off, len) (sync; FileDoc may return null and fetch the
// pages, then notify) and source(a, b) (async: a bytes-like holding [a, b)
// and the offset of its first byte), which is all search/compare/typed need,
// and blob(): the current bytes as a Blob for the search Worker (a FileDoc's
// File; a MemoryDoc's piece table over the file it came from, see pieces.js).
import { Chunk, MemSlice, copy } from 'wasm-mem';
import { PieceTable } from './pieces.js';
import { humanSize, InputError, yieldToBrowser, Cancelled } from './util.js';

/**
 * Files up to this size are held in a Chunk (editable); larger ones are
 * windowed, read-only. Reading a file into memory needs the chunk first, and
 * Chunk.alloc grows and zero-fills it in one step: at 1 GiB that one step
 * blocked the page for 0.5-2.6 s, past the 50 ms a page may take. At 256 MiB
 * it stays short; larger files open at once, windowed, and are searched by
 * the Worker through File slices just as fast.
 */
export const DEFAULT_MEMORY_LIMIT = 256 * 1024 * 1024;

const PAGE = 1 << 20; // FileDoc cache page: one File.slice read
const MAX_PAGES = 64; // 64 MiB of cache at most

class Listeners {
  #fns = new Set();
  on(fn) {
    this.#fns.add(fn);
    return () => this.#fns.delete(fn);
  }
  emit(...args) {
    for (const fn of this.#fns) fn(...args);
  }
}

export class MemoryDoc {
  kind = 'memory';
  editable = true;
  changed = new Listeners();
  #undo = [];
  #pieces;

  /**
   * @param {string} name @param {Chunk} chunk (owned: freed by close())
   * @param {Blob} origin the chunk's bytes as read (the File): edits are kept beside it for blob()
   */
  constructor(name, chunk, origin) {
    this.name = name;
    this.chunk = chunk;
    this.#pieces = new PieceTable(origin ?? new Blob([chunk.bytes]));
  }

  static fromBytes(name, u8) {
    return new MemoryDoc(name, new Chunk(u8), new Blob([u8]));
  }

  /** The current bytes as a Blob, made without copying the document. */
  blob() {
    return this.#pieces.blob();
  }

  get size() {
    return this.chunk.length;
  }

  /** A view of [off, off+len) clipped to the size: valid until the next allocation, so use it at once. */
  read(off, len) {
    const n = this.chunk.length;
    const a = Math.min(off, n);
    return this.chunk.bytes.subarray(a, Math.min(n, a + len));
  }

  /**
   * The chunk itself with absolute positions: searches run in place on the
   * whole file. (Never a view of wasm memory: the package may allocate, and
   * so grow and detach it, between a lazy findAll's batches.)
   */
  async source() {
    return { data: this.chunk, base: 0 };
  }

  sourceSync() {
    return { data: this.chunk, base: 0 };
  }

  /** A copy of [off, off+len), as FileDoc.load gives: code that mixes both kinds reads alike. */
  async load(off, len) {
    return this.read(off, len).slice();
  }

  get canUndo() {
    return this.#undo.length > 0;
  }

  get modified() {
    return this.#undo.length > 0;
  }

  /**
   * Overwrites bytes at `off` (must lie inside the file). With `merge`, an
   * overwrite of the same range as the last edit amends that edit (its undo
   * still restores the bytes from before both).
   */
  overwrite(off, bytes, { merge = false } = {}) {
    if (off < 0 || off + bytes.length > this.size) {
      throw new InputError(`Overwrite: ${bytes.length} byte(s) at ${off} pass the end of the file (${this.size} bytes)`);
    }
    const last = this.#undo.at(-1);
    const old = this.chunk.bytes.slice(off, off + bytes.length);
    copy(this.chunk, bytes, off);
    this.#pieces.overwrite(off, bytes);
    if (merge && last?.op === 'overwrite' && last.off === off && last.bytes.length === bytes.length) {
      last.bytes = Uint8Array.from(bytes);
      this.changed.emit(last);
    } else this.#push({ op: 'overwrite', off, old, bytes: Uint8Array.from(bytes) });
  }

  /** Inserts bytes before `off` (0..size). */
  insert(off, bytes) {
    if (off < 0 || off > this.size) throw new InputError(`Insert: offset ${off} is outside the file (0..${this.size})`);
    this.#insert(off, bytes);
    this.#push({ op: 'insert', off, bytes: Uint8Array.from(bytes) });
  }

  /** Deletes `len` bytes at `off`. */
  remove(off, len) {
    if (off < 0 || len < 0 || off + len > this.size) {
      throw new InputError(`Delete: ${len} byte(s) at ${off} pass the end of the file (${this.size} bytes)`);
    }
    const old = this.chunk.bytes.slice(off, off + len);
    this.#remove(off, len);
    this.#push({ op: 'remove', off, old });
  }

  /** Reverts the last edit; returns a description of it, or null when there is none. */
  undo() {
    const e = this.#undo.pop();
    if (!e) return null;
    if (e.op === 'overwrite') {
      copy(this.chunk, e.old, e.off);
      this.#pieces.overwrite(e.off, e.old);
    } else if (e.op === 'insert') this.#remove(e.off, e.bytes.length);
    else this.#insert(e.off, e.old);
    this.changed.emit(e);
    return e;
  }

  /**
   * Byte ranges changed by the edits still in the history, in today's
   * offsets: each edit's range, moved by the inserts and deletes after it.
   * Replayed from the history (short), so undo needs no bookkeeping.
   * @returns {Array<[number, number]>}
   */
  editedRanges() {
    let ranges = [];
    for (const e of this.#undo) {
      if (e.op === 'overwrite') ranges.push([e.off, e.off + e.bytes.length]);
      else if (e.op === 'insert') {
        const n = e.bytes.length;
        ranges = ranges.flatMap(([a, b]) =>
          b <= e.off
            ? [[a, b]]
            : a >= e.off
              ? [[a + n, b + n]]
              : [
                  [a, e.off],
                  [e.off + n, b + n],
                ],
        );
        ranges.push([e.off, e.off + n]);
      } else {
        const n = e.old.length;
        const cut = (x) => (x <= e.off ? x : Math.max(e.off, x - n));
        ranges = ranges.map(([a, b]) => [cut(a), cut(b)]).filter(([a, b]) => b > a);
      }
    }
    // Sorted, with touching ranges joined: what a reader calls "an edit".
    ranges.sort((x, y) => x[0] - y[0]);
    const joined = [];
    for (const r of ranges) {
      const top = joined.at(-1);
      if (top && r[0] <= top[1]) top[1] = Math.max(top[1], r[1]);
      else joined.push([...r]);
    }
    return joined;
  }

  /** A copy of the current bytes, for a download. */
  toBlob() {
    return new Blob([this.chunk.bytes], { type: 'application/octet-stream' });
  }

  close() {
    this.chunk.free();
  }

  #push(e) {
    this.#undo.push(e);
    this.changed.emit(e);
  }

  // Growth moves the tail with the overlap-safe copy(), then writes the new
  // bytes: O(tail) work, with the chunk's amortised growth. A refused
  // allocation leaves the file unchanged and is said in plain words.
  #insert(off, bytes) {
    const n = bytes.length;
    const old = this.size;
    try {
      this.chunk.resize(old + n);
    } catch (e) {
      if (e instanceof RangeError) {
        throw new InputError(`Insert: not enough memory to grow the file to ${humanSize(old + n)} (${e.message})`);
      }
      throw e;
    }
    copy(this.chunk, new MemSlice(this.chunk, off, old), off + n);
    copy(this.chunk, bytes, off);
    this.#pieces.insert(off, bytes);
  }

  #remove(off, n) {
    const old = this.size;
    copy(this.chunk, new MemSlice(this.chunk, off + n, old), off);
    this.chunk.resize(old - n);
    this.#pieces.remove(off, n);
  }
}

/** A file read in windows, read-only: for files larger than memory. */
export class FileDoc {
  kind = 'windowed';
  editable = false;
  modified = false;
  canUndo = false;
  changed = new Listeners();
  #pages = new Map(); // page index -> Uint8Array, in least-recently-used order
  #loading = new Map(); // page index -> Promise

  /** @param {File} file */
  constructor(file, reason) {
    this.name = file.name;
    this.file = file;
    this.size = file.size;
    this.reason = reason;
  }

  /** Cached bytes of [off, off+len), or null (and the missing pages are fetched, then `changed` fires). */
  read(off, len) {
    const end = Math.min(this.size, off + len);
    if (off >= end) return new Uint8Array(0);
    const first = Math.floor(off / PAGE);
    const last = Math.floor((end - 1) / PAGE);
    const pages = [];
    let missing = false;
    for (let p = first; p <= last; p++) {
      const page = this.#pages.get(p);
      if (page) {
        this.#pages.delete(p); // refresh its place in the LRU order
        this.#pages.set(p, page);
        pages.push(page);
      } else {
        missing = true;
        this.#fetch(p);
      }
    }
    if (missing) return null;
    if (pages.length === 1) return pages[0].subarray(off - first * PAGE, end - first * PAGE);
    const out = new Uint8Array(end - off);
    let at = 0;
    for (let p = first; p <= last; p++) {
      const page = pages[p - first];
      const a = p === first ? off - first * PAGE : 0;
      const b = p === last ? end - last * PAGE : page.length;
      out.set(page.subarray(a, b), at);
      at += b - a;
    }
    return out;
  }

  /** Reads [off, off+len) at once (the hex view's neighbours use read() and the cache). */
  async load(off, len) {
    const end = Math.min(this.size, off + len);
    if (off >= end) return new Uint8Array(0);
    return new Uint8Array(await this.file.slice(off, end).arrayBuffer());
  }

  blob() {
    return this.file;
  }

  /** A window [a, b) as a Uint8Array, and its offset. */
  async source(a, b) {
    return { data: await this.load(a, b - a), base: a };
  }

  /** Cached bytes of [a, b) (a copy or a page of JS memory), or null while they load. */
  sourceSync(a, b) {
    const data = this.read(a, b - a);
    return data === null ? null : { data, base: a };
  }

  editedRanges() {
    return [];
  }

  overwrite() {
    throw this.#readOnly();
  }
  insert() {
    throw this.#readOnly();
  }
  remove() {
    throw this.#readOnly();
  }
  undo() {
    return null;
  }

  close() {
    this.#pages.clear();
  }

  #readOnly() {
    return new InputError(
      `${this.name} (${humanSize(this.size)}) is open read-only, in windows: ${this.reason}. ` + 'Editing needs the whole file in memory.',
    );
  }

  #fetch(p) {
    if (this.#loading.has(p)) return;
    const job = this.load(p * PAGE, PAGE).then(
      (bytes) => {
        this.#loading.delete(p);
        this.#pages.set(p, bytes);
        while (this.#pages.size > MAX_PAGES) this.#pages.delete(this.#pages.keys().next().value);
        this.changed.emit({ op: 'loaded', page: p });
      },
      () => this.#loading.delete(p),
    );
    this.#loading.set(p, job);
  }
}

/**
 * Opens a File: into a Chunk when it is at most `memoryLimit` bytes and the
 * memory grants it, else windowed. Reads in stream pieces straight into the
 * chunk (no second copy of the file in JS memory), reporting progress.
 * @param {File} file
 * @param {{memoryLimit?: number, onProgress?: (done: number, total: number) => void, signal?: AbortSignal}} [options]
 * @returns {Promise<MemoryDoc | FileDoc>}
 */
export async function openFile(file, { memoryLimit = DEFAULT_MEMORY_LIMIT, onProgress, signal } = {}) {
  if (file.size > memoryLimit) {
    return new FileDoc(file, `larger than the ${humanSize(memoryLimit)} held in memory`);
  }
  let chunk;
  try {
    chunk = Chunk.alloc(file.size);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return new FileDoc(file, `the browser refused ${humanSize(file.size)} of memory`);
  }
  try {
    const reader = file.stream().getReader();
    let at = 0;
    let last = performance.now();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (signal?.aborted) {
        reader.cancel();
        throw new Cancelled();
      }
      chunk.bytes.set(value, at); // a fresh view each time: nothing allocates meanwhile, but stay safe
      at += value.length;
      // Pieces that are already queued resolve without a task boundary:
      // give the page a turn every few ms, or the whole read is one long task.
      if (performance.now() - last > 10) {
        onProgress?.(at, file.size);
        await yieldToBrowser();
        last = performance.now();
      }
    }
    if (at !== file.size) throw new Error(`read ${at} of ${file.size} bytes (the file changed while reading?)`);
    return new MemoryDoc(file.name, chunk, file);
  } catch (e) {
    chunk.free();
    throw e;
  }
}
