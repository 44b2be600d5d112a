// Patterns in the web tool (SPEC §10): wildcard hex search (`4d 5a ?? ?? 5?`
// goes through the package's hexPattern) and "Scan signatures", which lists
// every well-known file signature of the package's `magic` table in the
// document (offset, name), clickable. The scan is windowed like search.js:
// each window is one findAllAny call over the document's bytes, with the
// longest signature minus one byte of overlap so none straddling an edge is
// lost, and only the candidates the window settles are kept, so none is
// listed twice and they come out by position.
import { findAllAny, hexPattern, magic } from 'wasm-mem';
import { scanSignatures as scanInWorker } from './remote.js';
import { InputError, showOffset, yieldToBrowser, Cancelled } from './util.js';

const WINDOW = 16 << 20;
const SLICE_MS = 25;
/** A scan stops listing here: a file of zeros is not worth 10^6 rows. */
const MAX_HITS = 10000;

/**
 * The search pattern of a hex text with wildcards (`??`, `4?`, `?d`), or
 * null when the text has none (the plain hex path applies).
 */
export function wildcardPattern(text, what = 'Pattern') {
  if (!text.includes('?')) return null;
  try {
    return hexPattern(text.replace(/^0x/i, ''));
  } catch (e) {
    throw new InputError(`${what}: bad hex: ${e.message.replace(/^hexPattern\(\): text /, '')}`);
  }
}

/**
 * Every `magic` hit in the document: `{offset, name, at}` (offset where the
 * marked file starts, at the signature's own position), ascending, at most
 * MAX_HITS. Throws Cancelled when `signal` aborts.
 */
export async function scanSignatures(doc, { signal, onProgress, windowBytes = WINDOW } = {}) {
  const patterns = magic.map((m) => m.pattern);
  const longest = Math.max(...patterns.map((p) => p.length));
  const hits = [];
  let since = performance.now();
  for (let a = 0; a < doc.size; a += windowBytes) {
    const settled = Math.min(doc.size, a + windowBytes); // candidates a..settled-1 belong to this window
    const b = Math.min(doc.size, settled + longest - 1);
    const { data, base } = await doc.source(a, b);
    for (const [i, k] of findAllAny(data, patterns, a - base, b - base)) {
      const at = i + base;
      if (at >= settled) break;
      const offset = at - magic[k].offset;
      if (offset < 0) continue;
      hits.push({ offset, name: magic[k].name, at });
      if (hits.length >= MAX_HITS) return hits;
    }
    if (performance.now() - since > SLICE_MS) {
      onProgress?.(settled / doc.size);
      await yieldToBrowser();
      if (signal?.aborted) throw new Cancelled();
      since = performance.now();
    }
  }
  // Offsets before positions: a tar's header (at 257) may sort before an earlier hit.
  return hits.sort((x, y) => x.offset - y.offset || x.at - y.at);
}

/** The "Scan signatures" button and its clickable list. */
export function setupSignatures(app) {
  const button = document.getElementById('signature-scan');
  const list = document.getElementById('signature-list');
  if (!button || !list) return;
  button.addEventListener('click', async () => {
    const doc = app.doc;
    if (!doc) return app.error(new InputError('Open a file first.'));
    list.replaceChildren();
    try {
      const hits = await app.run('Scanning for file signatures', (signal, progress) => scanInWorker(doc, { signal, onProgress: progress }));
      if (app.doc !== doc) return;
      list.dataset.count = String(hits.length);
      if (!hits.length) list.append(Object.assign(document.createElement('li'), { textContent: 'No signature found.' }));
      for (const h of hits) {
        const li = document.createElement('li');
        const go = Object.assign(document.createElement('button'), {
          type: 'button',
          className: 'link mono',
          textContent: showOffset(h.offset),
        });
        go.dataset.offset = String(h.offset);
        go.addEventListener('click', () => app.hex.goTo(h.offset, { length: 1 }));
        li.append(go, ` ${h.name}`);
        list.append(li);
      }
    } catch (e) {
      app.error(e);
    }
  });
  app.onDoc(() => list.replaceChildren());
}
