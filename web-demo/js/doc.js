// The page's handle on a document the Worker owns (worker/docs.js): its name,
// size and kind, and a small cache of the bytes the page shows. The page
// never holds the file: the hex view, the inspector and the highlights read
// the cache synchronously (null while a page of it is on its way; `changed`
// fires with {op: 'loaded'} when it lands), the cache asks the Worker for the
// pages around what was read, so scrolling finds its rows already there, and
// a request the view has scrolled away from is dropped. Edits are messages
// to the Worker; an overwrite also patches the cache at once, so typing shows
// without a round trip. A file opens windowed and, when it fits, is then read
// into the Worker's memory while its first rows already show.
import { call } from './remote.js';
import { Cancelled, humanSize, InputError } from './util.js';

/** Files up to this size are read into the Worker's memory (editable); larger ones are windowed, read-only. */
export const DEFAULT_MEMORY_LIMIT = 256 * 1024 * 1024;

const PAGE = 64 << 10; // bytes per cached page: 4096 rows of the hex view
const MAX_PAGES = 48; // 3 MiB of cache at most
const AHEAD = 2; // pages kept ready on each side of what was read
const MAX_LOADING = 12; // requests in flight; past it the oldest not wanted now are dropped
const RECENT = 4; // the last reads (hex view, highlights, inspector, the other pane) whose pages are announced

/** Whether a `changed` event means new bytes (an edit), not a cache page landing or the kind changing. */
export const isEdit = (e) => e?.op !== 'loaded' && e?.op !== 'kind';

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

export class RemoteDoc {
  changed = new Listeners();
  modified = false;
  #edited = [];
  #pages = new Map(); // page index -> Uint8Array, in least-recently-used order
  #loading = new Map(); // page index -> AbortController
  #version = 0; // bumped by every edit: a page read before it is dropped
  #recent = []; // [first, last] pages of the last RECENT reads: only their arrival is announced

  /** @param {{id: number, name: string, size: number, kind: 'memory' | 'windowed', reason?: string}} d as the Worker describes it */
  constructor(d) {
    this.id = d.id;
    this.name = d.name;
    this.size = d.size;
    this.#describe(d);
  }

  #describe(d) {
    this.kind = d.kind;
    this.reason = d.reason;
    this.editable = d.kind === 'memory';
  }

  /**
   * Has the Worker read the file into its memory (progress as a fraction);
   * the document then is in memory and editable, with the same bytes. When
   * cancelled or refused, it stays windowed and says why; a cancel rejects
   * with Cancelled.
   */
  async readIntoMemory({ signal, onProgress } = {}) {
    try {
      this.#describe(await call('load', { doc: this.id }, { signal, onProgress }));
    } catch (e) {
      if (e instanceof Cancelled) this.reason = 'reading it into memory was cancelled';
      throw e;
    } finally {
      this.changed.emit({ op: 'kind' });
    }
  }

  get canUndo() {
    return this.modified;
  }

  /** Byte ranges changed by the edits still in the history, in today's offsets. */
  editedRanges() {
    return this.#edited;
  }

  /**
   * Cached bytes of [off, off+len) clipped to the size, or null (and the
   * missing pages are asked for; `changed` fires when they arrive). The
   * pages around it are asked for too, and those no longer near are dropped.
   */
  read(off, len) {
    const end = Math.min(this.size, off + len);
    if (off >= end) return new Uint8Array(0);
    const first = Math.floor(off / PAGE);
    const last = Math.floor((end - 1) / PAGE);
    if (!this.#recent.some(([a, b]) => a === first && b === last)) this.#recent = [[first, last], ...this.#recent.slice(0, RECENT - 1)];
    this.#want(first, last);
    const pages = [];
    for (let p = first; p <= last; p++) {
      const page = this.#pages.get(p);
      if (!page) return null;
      this.#pages.delete(p); // refresh its place in the LRU order
      this.#pages.set(p, page);
      pages.push(page);
    }
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

  /** Cached bytes of [a, b) and their offset, or null while they load (search.js's highlights). */
  sourceSync(a, b) {
    const data = this.read(a, b - a);
    return data === null ? null : { data, base: a };
  }

  /** A copy of [off, off+len), from the Worker. */
  load(off, len, { signal } = {}) {
    return call('read', { doc: this.id, start: off, end: Math.min(this.size, off + len) }, { signal });
  }

  /**
   * Asks for the pages [first - AHEAD, last + AHEAD] not at hand, the pages
   * read first; past MAX_LOADING requests in flight, the oldest for pages
   * outside that range are dropped (a view dragged across the file).
   */
  #want(first, last) {
    const lo = Math.max(0, first - AHEAD);
    const hi = Math.min(Math.floor(Math.max(0, this.size - 1) / PAGE), last + AHEAD);
    for (let p = first; p <= hi; p++) this.#fetch(p);
    for (let p = first - 1; p >= lo; p--) this.#fetch(p);
    for (const [p, controller] of this.#loading) {
      if (this.#loading.size <= MAX_LOADING) break;
      if (p >= lo && p <= hi) continue;
      controller.abort();
      this.#loading.delete(p);
    }
  }

  #fetch(p) {
    if (this.#pages.has(p) || this.#loading.has(p)) return;
    const controller = new AbortController();
    const version = this.#version;
    this.#loading.set(p, controller);
    this.load(p * PAGE, PAGE, { signal: controller.signal }).then(
      (bytes) => {
        if (this.#loading.get(p) === controller) this.#loading.delete(p);
        if (version !== this.#version) return; // an edit came after: read again
        this.#pages.set(p, bytes);
        while (this.#pages.size > MAX_PAGES) this.#pages.delete(this.#pages.keys().next().value);
        // The neighbours land unannounced: the views redraw once, for what they show.
        if (this.#recent.some(([a, b]) => p >= a && p <= b)) this.changed.emit({ op: 'loaded', page: p });
      },
      () => {
        if (this.#loading.get(p) === controller) this.#loading.delete(p);
      },
    );
  }

  /** Forgets the cache: the bytes moved. */
  #invalidate() {
    this.#version++;
    this.#pages.clear();
    for (const c of this.#loading.values()) c.abort();
    this.#loading.clear();
  }

  #readOnly() {
    if (this.editable) return;
    throw new InputError(
      `${this.name} (${humanSize(this.size)}) is open read-only, in windows: ${this.reason}. Editing needs the whole file in memory.`,
    );
  }

  /** Sends an edit; when it is done, takes the Worker's new state and tells the listeners. */
  async #edit(op, args) {
    const r = await call(op, { doc: this.id, ...args });
    this.#version++;
    if (op !== 'overwrite' || r.size !== this.size) this.#invalidate();
    this.size = r.size;
    this.modified = r.modified;
    this.#edited = r.edited;
    this.changed.emit(r.event);
    return r.event;
  }

  /**
   * Overwrites bytes at `off` (must lie inside the file); the cache shows
   * them at once. With `merge`, an overwrite of the same range as the last
   * edit amends that edit (one undo step for both).
   */
  overwrite(off, bytes, { merge = false } = {}) {
    this.#readOnly();
    if (off < 0 || off + bytes.length > this.size) {
      throw new InputError(`Overwrite: ${bytes.length} byte(s) at ${off} pass the end of the file (${this.size} bytes)`);
    }
    this.#version++; // a page in flight holds the bytes from before
    for (const [p, page] of this.#pages) {
      const a = Math.max(off, p * PAGE);
      const b = Math.min(off + bytes.length, p * PAGE + page.length);
      if (a < b) page.set(bytes.subarray(a - off, b - off), a - p * PAGE);
    }
    return this.#edit('overwrite', { off, bytes: Uint8Array.from(bytes), merge });
  }

  /** Inserts bytes before `off` (0..size). */
  insert(off, bytes) {
    this.#readOnly();
    if (off < 0 || off > this.size) throw new InputError(`Insert: offset ${off} is outside the file (0..${this.size})`);
    return this.#edit('insert', { off, bytes: Uint8Array.from(bytes) });
  }

  /** Deletes `len` bytes at `off`. */
  remove(off, len) {
    this.#readOnly();
    if (off < 0 || len < 0 || off + len > this.size) {
      throw new InputError(`Delete: ${len} byte(s) at ${off} pass the end of the file (${this.size} bytes)`);
    }
    return this.#edit('remove', { off, length: len });
  }

  /** Reverts the last edit: a promise of {op, off, length}, or of null when there was none. */
  undo() {
    if (!this.editable) return Promise.resolve(null);
    return this.#edit('undo', {});
  }

  /** The current bytes as a Blob the Worker builds, for a download. */
  toBlob() {
    return call('download', { doc: this.id });
  }

  close() {
    this.#invalidate();
    call('close', { doc: this.id }).catch(() => {});
  }
}

/**
 * Opens a File in the Worker, windowed at once (its rows can show while it
 * is read); `memory` on the document says it may be read into memory next
 * (readIntoMemory): it is at most `memoryLimit` bytes.
 * @param {File} file
 * @returns {Promise<RemoteDoc>}
 */
export async function openFile(file, { memoryLimit = DEFAULT_MEMORY_LIMIT } = {}) {
  const d = await call('open', { file, memoryLimit });
  const doc = new RemoteDoc(d);
  doc.memory = d.memory;
  return doc;
}

/** A document of some bytes, in the Worker's memory (the generated sample). */
export async function openBytes(name, bytes) {
  return new RemoteDoc(await call('openBytes', { name, bytes }));
}
