// The page's side of the Worker (worker.js), which owns the documents: every
// job is a message naming a document by its id (doc.js's RemoteDoc), and
// the page only posts it, shows progress and takes the answer, so no
// search, count or comparison ever blocks it; Cancel (an aborted signal)
// stops the job in the Worker.
import { Pattern } from 'wasm-mem';
import { Cancelled, InputError } from './util.js';

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

/** The Worker's error as the page's app.error expects it: argument and user errors keep their class. */
function rebuild({ name, message }) {
  const Cls = { TypeError, RangeError, InputError }[name] ?? Error;
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

/** Starts the Worker and its modules now, so the first file opens without waiting for them. */
export function warmUp() {
  return call('ready');
}

/**
 * A pattern as a message can carry it: a Pattern's private parts do not
 * survive structured cloning, so it travels as its bytes and mask.
 */
export function portable(pattern) {
  return pattern instanceof Pattern ? { bytes: pattern.bytes, mask: pattern.mask } : pattern;
}

/** The first match at or after `from` (or the last before it, backward), as the package's find/rfind give it. */
export function searchOne(doc, pattern, { start = 0, end, step = 1, from, backward = false, signal, onProgress }) {
  return call(
    'find',
    { doc: doc.id, pattern: portable(pattern), start, end: end ?? doc.size, step, from, backward },
    { signal, onProgress },
  );
}

/** {count, first}: the number of matches (overlapping ones included) and the first five positions. */
export function countAll(doc, pattern, { start = 0, end, step = 1, signal, onProgress }) {
  return call('count', { doc: doc.id, pattern: portable(pattern), start, end: end ?? doc.size, step }, { signal, onProgress });
}

/** {cmp, diff, rdiff} of the two whole documents. */
export function summary(A, B, { signal, onProgress } = {}) {
  return call('summary', { a: A.id, b: B.id }, { signal, onProgress });
}

/** The first (backward: last) offset in [from, to) where A and B differ / agree. */
export function scan(A, B, kind, from, to, { backward = false, signal, onProgress } = {}) {
  return call('scan', { a: A.id, b: B.id, kind, from, to, backward }, { signal, onProgress });
}

/** {runs, complete}: the runs of differing bytes at equal offsets. */
export function differenceRuns(A, B, { signal, onProgress } = {}) {
  return call('runs', { a: A.id, b: B.id }, { signal, onProgress });
}

/** Every checked hit of the chosen `magic` entries, {offset, name, id, at}, by offset. */
export function scanSignatures(doc, { ids, signal, onProgress } = {}) {
  return call('signatures', { doc: doc.id, ids }, { signal, onProgress });
}
