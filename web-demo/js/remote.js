// The page's side of the search Worker (worker.js): the same functions as
// search.js and compare.js (searchOne, countAll, summary, scan,
// differenceRuns, with the same arguments), each sent to the Worker as a
// job over the documents' Blobs. The page only posts a message and shows
// progress, so no search, count or comparison ever blocks it; Cancel (an
// aborted signal) stops the job in the Worker.
import { Pattern } from 'wasm-mem';
import { Cancelled } from './util.js';

let worker = null;
let nextId = 1;
const pending = new Map(); // id -> {resolve, reject, onProgress}

function start() {
  if (worker) return worker;
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = ({ data }) => {
    const job = pending.get(data.id);
    if (!job) return; // cancelled meanwhile
    if ('progress' in data) return job.onProgress?.(data.progress);
    pending.delete(data.id);
    if ('error' in data) job.reject(rebuild(data.error));
    else job.resolve(data.result);
  };
  worker.onerror = (e) => {
    // The worker failed to load or crashed: fail every job, start afresh next time.
    e.preventDefault();
    for (const job of pending.values()) job.reject(new Error(`search worker: ${e.message}`));
    pending.clear();
    worker.terminate();
    worker = null;
  };
  return worker;
}

/** The Worker's error as the page's app.error expects it: argument errors keep their class. */
function rebuild({ name, message }) {
  const Cls = { TypeError, RangeError }[name] ?? Error;
  const e = new Cls(message);
  if (Cls === Error) e.name = name;
  return e;
}

/** Runs `op` in the Worker; rejects with Cancelled when `signal` aborts. */
export function call(op, args, { signal, onProgress } = {}) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Cancelled());
    const id = nextId++;
    pending.set(id, { resolve, reject, onProgress });
    signal?.addEventListener(
      'abort',
      () => {
        if (!pending.delete(id)) return;
        worker?.postMessage({ id, cancel: true });
        reject(new Cancelled());
      },
      { once: true },
    );
    start().postMessage({ id, op, args });
  });
}

/**
 * A pattern as a message can carry it: a Pattern's private parts do not
 * survive structured cloning, so it travels as its bytes and mask.
 */
export function portable(pattern) {
  return pattern instanceof Pattern ? { bytes: pattern.bytes, mask: pattern.mask } : pattern;
}

/** As search.js's searchOne: the first match at or after `from` (or the last before it), in the Worker. */
export function searchOne(doc, pattern, { start = 0, end, step = 1, from, backward = false, signal, onProgress }) {
  return call(
    'find',
    { blob: doc.blob(), pattern: portable(pattern), start, end: end ?? doc.size, step, from, backward },
    { signal, onProgress },
  );
}

/** As search.js's countAll: {count, first} (the first five positions), in the Worker. */
export function countAll(doc, pattern, { start = 0, end, step = 1, signal, onProgress }) {
  return call('count', { blob: doc.blob(), pattern: portable(pattern), start, end: end ?? doc.size, step }, { signal, onProgress });
}

/** As compare.js's summary: {cmp, diff, rdiff} of the two whole documents. */
export function summary(A, B, { signal, onProgress } = {}) {
  return call('summary', { a: A.blob(), b: B.blob() }, { signal, onProgress });
}

/** As compare.js's scan: the first (backward: last) offset in [from, to) where A and B differ / agree. */
export function scan(A, B, kind, from, to, { backward = false, signal, onProgress } = {}) {
  return call('scan', { a: A.blob(), b: B.blob(), kind, from, to, backward }, { signal, onProgress });
}

/** As compare.js's differenceRuns: {runs, complete}. */
export function differenceRuns(A, B, { signal, onProgress } = {}) {
  return call('runs', { a: A.blob(), b: B.blob() }, { signal, onProgress });
}

/** As signatures.js's scanSignatures: every checked hit of the chosen `magic` entries, {offset, name, id, at}, by offset. */
export function scanSignatures(doc, { ids, signal, onProgress } = {}) {
  return call('signatures', { blob: doc.blob(), ids }, { signal, onProgress });
}
