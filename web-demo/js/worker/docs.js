// The documents, owned by the Worker. Two kinds:
//
// - MemDoc: the whole file in one wasm-mem Chunk in the Worker's memory,
//   read once, streamed, when opened. Searches, compares and reads run on it
//   in place; edits go through Chunk.resize and the overlap-safe copy().
//   Undo keeps the inverse of each edit, not snapshots, so a 1-byte patch on
//   a 200 MiB file costs 1 byte of history.
// - WinDoc: a file over the memory limit (or that the memory refused), kept
//   as its Blob and read in slices, read-only.
//
// The page holds neither: it asks for the bytes it shows (readRange) and
// sends edits as messages. Every document has an id the page names it by.
import { Chunk, copy, MemSlice } from '../../../dist/js/index.js';
import { humanSize, InputError } from '../plain.js';

const docs = new Map(); // id -> MemDoc | WinDoc
let nextId = 1;

class MemDoc {
  kind = 'memory';
  #undo = [];

  /** @param {string} name @param {Chunk} chunk (owned: freed by close()) */
  constructor(name, chunk) {
    this.name = name;
    this.chunk = chunk;
  }

  get size() {
    return this.chunk.length;
  }

  get modified() {
    return this.#undo.length > 0;
  }

  /** A copy of [a, b) (clipped to the size). */
  async read(a, b) {
    const n = this.chunk.length;
    return this.chunk.bytes.slice(Math.min(a, n), Math.min(b, n));
  }

  /**
   * Overwrites bytes at `off` (inside the file). With `merge`, an overwrite
   * of the same range as the last edit amends that edit (its undo still
   * restores the bytes from before both).
   */
  overwrite(off, bytes, merge = false) {
    if (!(off >= 0 && off + bytes.length <= this.size)) {
      throw new InputError(`Overwrite: ${bytes.length} byte(s) at ${off} pass the end of the file (${this.size} bytes)`);
    }
    const last = this.#undo.at(-1);
    const old = this.chunk.bytes.slice(off, off + bytes.length);
    copy(this.chunk, bytes, off);
    if (merge && last?.op === 'overwrite' && last.off === off && last.length === bytes.length) return last;
    return this.#push({ op: 'overwrite', off, old, length: bytes.length });
  }

  /** Inserts bytes before `off` (0..size). */
  insert(off, bytes) {
    if (!(off >= 0 && off <= this.size)) throw new InputError(`Insert: offset ${off} is outside the file (0..${this.size})`);
    this.#insert(off, bytes);
    return this.#push({ op: 'insert', off, length: bytes.length });
  }

  /** Deletes `len` bytes at `off`. */
  remove(off, len) {
    if (!(off >= 0 && len >= 0 && off + len <= this.size)) {
      throw new InputError(`Delete: ${len} byte(s) at ${off} pass the end of the file (${this.size} bytes)`);
    }
    const old = this.chunk.bytes.slice(off, off + len);
    this.#remove(off, len);
    return this.#push({ op: 'remove', off, old, length: len });
  }

  /** Reverts the last edit; returns it, or null when there is none. */
  undo() {
    const e = this.#undo.pop();
    if (!e) return null;
    if (e.op === 'overwrite') copy(this.chunk, e.old, e.off);
    else if (e.op === 'insert') this.#remove(e.off, e.length);
    else this.#insert(e.off, e.old);
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
      const n = e.length;
      if (e.op === 'overwrite') ranges.push([e.off, e.off + n]);
      else if (e.op === 'insert') {
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

  /** The current bytes as a Blob (a copy: the download keeps it while the document changes). */
  blob() {
    return new Blob([this.chunk.bytes], { type: 'application/octet-stream' });
  }

  close() {
    this.chunk.free();
  }

  #push(e) {
    this.#undo.push(e);
    return e;
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
  }

  #remove(off, n) {
    const old = this.size;
    copy(this.chunk, new MemSlice(this.chunk, off + n, old), off);
    this.chunk.resize(old - n);
  }
}

/** A file read in Blob slices, read-only: for files over the memory limit. */
class WinDoc {
  kind = 'windowed';
  modified = false;

  /** @param {Blob} file @param {string} reason why it is not held in memory */
  constructor(name, file, reason) {
    this.name = name;
    this.file = file;
    this.size = file.size;
    this.reason = reason;
  }

  /** A copy of [a, b) (clipped to the size), read from the file. */
  async read(a, b) {
    const end = Math.min(this.size, b);
    if (a >= end) return new Uint8Array(0);
    return new Uint8Array(await this.file.slice(a, end).arrayBuffer());
  }

  blob() {
    return this.file;
  }

  editedRanges() {
    return [];
  }

  close() {}
}

function add(doc) {
  const id = nextId++;
  docs.set(id, doc);
  return id;
}

/** The document the page names `id`, or an error saying it is gone. */
export function docOf(id) {
  const doc = docs.get(id);
  if (!doc) throw new Error(`no open document ${id}`);
  return doc;
}

/**
 * The bytes [start, end) of document `id` (clipped to its size), a copy in
 * JS memory, whether it is held in memory or windowed: the one way a
 * handler reads a document's bytes for the page (rows, inspector, typed
 * rows, overviews).
 * @returns {Promise<Uint8Array>}
 */
export function readRange(id, start, end) {
  return docOf(id).read(start, end);
}

/** What the page keeps of a document: the rest it asks for. */
export function describeDoc(id) {
  const doc = docOf(id);
  return { id, name: doc.name, size: doc.size, kind: doc.kind, reason: doc.reason, modified: doc.modified };
}

/** A document of `bytes` (the generated sample, tests). */
export function openBytes(name, bytes) {
  return add(new MemDoc(name, new Chunk(bytes)));
}

/**
 * Opens a File at once, windowed: its first rows can show while it is read.
 * `memory` says whether it may then be read into memory (loadDoc): when it
 * is at most `memoryLimit` bytes.
 * @returns {{id: number, memory: boolean}}
 */
export function openFile(file, memoryLimit) {
  if (file.size > memoryLimit) {
    return { id: add(new WinDoc(file.name, file, `larger than the ${humanSize(memoryLimit)} held in memory`)), memory: false };
  }
  return { id: add(new WinDoc(file.name, file, 'still being read into memory')), memory: true };
}

/**
 * Reads windowed document `id` whole into a Chunk, then puts the Chunk in
 * its place: the same bytes, now in memory and editable. Cancelled (or refused memory), the document stays as it
 * was, windowed, and says why.
 * @returns {Promise<boolean>} whether it is in memory now
 */
export async function loadDoc(id, ctx) {
  const doc = docOf(id);
  if (doc.kind !== 'windowed') return true;
  let chunk;
  try {
    chunk = Chunk.alloc(doc.size);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    doc.reason = `the browser refused ${humanSize(doc.size)} of memory`;
    return false;
  }
  // The file's stream, not Blob slices: Chromium delivers it sequentially
  // faster (200 MiB in ~0.4 s against ~1 s as 16 MiB slices, measured).
  const reader = doc.file.stream().getReader();
  try {
    let at = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      ctx.check();
      if (at + value.length > doc.size) throw new Error('the file grew while reading');
      chunk.bytes.set(value, at); // a fresh view each time: nothing allocates meanwhile, but stay safe
      at += value.length;
      ctx.progress(at / doc.size);
    }
    if (at !== doc.size) throw new Error(`read ${at} of ${doc.size} bytes (the file changed while reading?)`);
  } catch (e) {
    reader.cancel().catch(() => {});
    chunk.free();
    doc.reason = e?.name === 'AbortError' ? 'reading it into memory was cancelled' : `reading it into memory failed: ${e?.message ?? e}`;
    throw e;
  }
  if (docs.get(id) !== doc) {
    chunk.free(); // closed meanwhile
    return false;
  }
  docs.set(id, new MemDoc(doc.name, chunk));
  return true;
}

/** Frees document `id` (a second close is a no-op). */
export function closeDoc(id) {
  docs.get(id)?.close();
  docs.delete(id);
}

/** Test hook: a windowed document over any Blob. */
export function openWindowed(name, blob, reason = 'windowed') {
  return add(new WinDoc(name, blob, reason));
}
