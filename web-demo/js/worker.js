// The Worker that owns the documents (worker/docs.js): a file is opened
// here, read once into a Chunk in this Worker's memory (or kept as a Blob,
// windowed, past the memory limit), and every search, count, comparison,
// scan and read of the page runs here on those bytes, so the page never
// waits and never holds a second copy. The page asks for what it shows
// (a few KiB of rows, the inspector's bytes, a page of typed rows, a
// chart's column decimated to its width) and sends edits.
//
// Messages in: {id, op, args} starts a job, {id, cancel: true} aborts it.
// Messages out: {id, progress} (a fraction, when known), then {id, result}
// or {id, error: {name, message}}. A result that is a Uint8Array is
// transferred, not copied.
//
// `handlers` is the dispatch table: one named function per op, each taking
// (args, ctx). A handler reads a document's bytes through docs.js's
// readRange(id, start, end), whatever its kind.
//
// The modules are imported by path (import maps do not reach workers) and
// dynamically: the package awaits the wasm at the top level, and a message
// that arrives before `onmessage` is set would be lost.
// One promise per module, so a handler added later brings its own line.
const docsModule = import('./worker/docs.js');
const searchModule = import('./worker/search.js');
const compareModule = import('./worker/compare.js');
const plainModule = import('./plain.js');
const overviewModule = import('./overview-worker.js');
const typedModule = import('./worker/typed.js');
const packageModule = import('../../dist/js/index.js');
const jobs = new Map();

/** A document that takes edits, or the error that says why this one does not. */
async function editable(id) {
  const [docs, { InputError, humanSize }] = await Promise.all([docsModule, plainModule]);
  const doc = docs.docOf(id);
  if (doc.kind !== 'memory') {
    throw new InputError(
      `${doc.name} (${humanSize(doc.size)}) is open read-only, in windows: ${doc.reason}. Editing needs the whole file in memory.`,
    );
  }
  return doc;
}

/** What the page learns after an edit: the new size, the edit, and the edited ranges to mark. */
function afterEdit(doc, e) {
  return {
    size: doc.size,
    modified: doc.modified,
    edited: doc.editedRanges(),
    event: e && { op: e.op, off: e.off, length: e.length },
  };
}

const handlers = {
  /** Nothing: loads the modules (and the wasm) before the first file comes. */
  async ready() {
    await Promise.all([docsModule, searchModule, compareModule, plainModule, typedModule]);
    return true;
  },

  /**
   * Opens a File, windowed at once (the page shows its rows while it is
   * read): its description, with `memory` true when it is to be read into
   * memory next (load).
   */
  async open({ file, memoryLimit }) {
    const docs = await docsModule;
    const { id, memory } = docs.openFile(file, memoryLimit);
    return { ...docs.describeDoc(id), memory };
  },

  /** Reads an opened file into memory, with progress: its description after (windowed still, and why, if refused). */
  async load({ doc }, ctx) {
    const docs = await docsModule;
    await docs.loadDoc(doc, ctx);
    return docs.describeDoc(doc);
  },

  /** A document of the given bytes, in memory (the generated sample). */
  async openBytes({ name, bytes }) {
    const docs = await docsModule;
    return docs.describeDoc(docs.openBytes(name, bytes));
  },

  async close({ doc }) {
    const docs = await docsModule;
    docs.closeDoc(doc);
  },

  /** The bytes [start, end) of a document, a copy (the rows on screen, the inspector, a typed range). */
  async read({ doc, start, end }) {
    const docs = await docsModule;
    return docs.readRange(doc, start, end);
  },

  async overwrite({ doc, off, bytes, merge }) {
    const d = await editable(doc);
    return afterEdit(d, d.overwrite(off, bytes, merge));
  },

  async insert({ doc, off, bytes }) {
    const d = await editable(doc);
    return afterEdit(d, d.insert(off, bytes));
  },

  async remove({ doc, off, length }) {
    const d = await editable(doc);
    return afterEdit(d, d.remove(off, length));
  },

  async undo({ doc }) {
    const d = await editable(doc);
    return afterEdit(d, d.undo());
  },

  /** The current bytes as a Blob, for a download. */
  async download({ doc }) {
    const docs = await docsModule;
    return docs.docOf(doc).blob();
  },

  /** The first match at or after `from` (the last at or before it, backward), aligned from `start`. */
  async find({ doc, pattern, ...range }, ctx) {
    const [docs, search] = await Promise.all([docsModule, searchModule]);
    return search.findIn(docs.docOf(doc), search.patternOf(pattern), range, ctx);
  },

  /** The number of matches and the first five. */
  async count({ doc, pattern, ...range }, ctx) {
    const [docs, search] = await Promise.all([docsModule, searchModule]);
    return search.countIn(docs.docOf(doc), search.patternOf(pattern), range, ctx);
  },

  /** Every checked hit of the chosen `magic` entries, by offset. */
  async signatures({ doc, ids }, ctx) {
    const [docs, search] = await Promise.all([docsModule, searchModule]);
    return search.signaturesIn(docs.docOf(doc), ids, ctx);
  },

  /** cmp, diff and rdiff of two whole documents. */
  async summary({ a, b }, ctx) {
    const [docs, compare] = await Promise.all([docsModule, compareModule]);
    return compare.summary(docs.docOf(a), docs.docOf(b), ctx);
  },

  /** The first (backward: last) offset in [from, to) where A and B differ / agree. */
  async scan({ a, b, ...where }, ctx) {
    const [docs, compare] = await Promise.all([docsModule, compareModule]);
    return compare.scan(docs.docOf(a), docs.docOf(b), where, ctx);
  },

  /**
   * The overview strip's blocks of [from, to) (overview-worker.js): their
   * entropy and byte class, or which hold a match of a search.
   */
  async overview({ doc, what, pattern, start, end, step, ...blocks }, ctx) {
    const [docs, search, overview, { histogram }] = await Promise.all([docsModule, searchModule, overviewModule, packageModule]);
    const d = docs.docOf(doc);
    const { signal } = ctx;
    if (what === 'entropy') return overview.entropyBlocks((a, b) => docs.readRange(doc, a, b), d.size, blocks, { histogram, signal });
    const p = search.patternOf(pattern);
    const find = (a, b) => search.findIn(d, p, { start, end: Math.min(b, end), step, from: Math.max(a, start) }, ctx);
    return overview.matchBlocks(find, d.size, { ...blocks, length: p.length }, { signal });
  },

  /** The Typed tab's table for `spec` (worker/typed.js): its columns, item size and item count. */
  async typedTable(spec) {
    return (await typedModule).describeTable(spec);
  },

  /** Rows [first, last) of the Typed tab's table, as the text of their cells. */
  async typedRows({ first, last, ...spec }) {
    return (await typedModule).typedRows(spec, first, last);
  },

  /** Column k of items [from, to), decimated to `width` pixel columns for the chart. */
  async typedColumn({ column, from, to, width, ...spec }) {
    return (await typedModule).typedColumn(spec, column, from, to, width);
  },

  /** Items [from, to) as CSV, a Blob built here. */
  async typedCsv({ from, to, ...spec }, ctx) {
    return (await typedModule).typedCsv(spec, from, to, ctx);
  },

  /** Runs of differing bytes at equal offsets, up to MAX_RUNS. */
  async runs({ a, b }, ctx) {
    const [docs, compare] = await Promise.all([docsModule, compareModule]);
    return compare.differenceRuns(docs.docOf(a), docs.docOf(b), ctx);
  },
};

/** What a job's handler gets: its signal, and progress as a fraction, at most every 50 ms. */
function context(signal, report) {
  let last = 0;
  return {
    signal,
    progress(f) {
      const now = performance.now();
      if (f < 0 || now - last < 50) return;
      last = now;
      report(f);
    },
    check() {
      if (signal.aborted) throw signal.reason;
    },
    /** The same job with its progress mapped (a negative fraction is not reported). */
    sub(map) {
      return context(signal, (f) => report(map(f)));
    },
  };
}

self.onmessage = async ({ data }) => {
  const { id } = data;
  if (data.cancel) {
    jobs.get(id)?.abort(new DOMException('cancelled', 'AbortError'));
    return;
  }
  const controller = new AbortController();
  jobs.set(id, controller);
  const ctx = context(controller.signal, (f) => postMessage({ id, progress: f }));
  try {
    const handler = Object.hasOwn(handlers, data.op) ? handlers[data.op] : null;
    if (!handler) throw new Error(`unknown op ${data.op}`);
    const result = await handler(data.args, ctx);
    postMessage({ id, result }, result instanceof Uint8Array ? [result.buffer] : []);
  } catch (e) {
    postMessage({ id, error: { name: e?.name ?? 'Error', message: String(e?.message ?? e) } });
  } finally {
    jobs.delete(id);
  }
};
