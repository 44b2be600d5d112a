// Patterns in the web tool (SPEC §10): wildcard hex search (`4d 5a ?? ?? 5?`
// goes through the package's hexPattern) and "Scan signatures", which lists
// every well-known file signature of the package's `magic` table in the
// document (offset, name), clickable, that passes its entry's check (the
// header after it: SPEC §10); a list of checkboxes chooses the entries, by
// id, and shows how many are chosen. The scan is windowed like search.js:
// each window is one findAllAny call over the document's bytes, with the
// largest reach (the bytes a check may read, at least the signature) minus
// one byte of overlap so no signature or header straddling an edge is lost,
// and only the candidates the window settles are kept, so none is listed
// twice and they come out by position.
import { findAllAny, hexPattern, magic } from 'wasm-mem';
import { scanSignatures as scanInWorker } from './remote.js';
import { group, InputError, showOffset, yieldToBrowser, Cancelled } from './util.js';

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

/** The entries of `magic` whose id `ids` lists (every entry when ids is undefined), in table order. */
export function chosenSignatures(ids) {
  return ids ? magic.filter((m) => ids.includes(m.id)) : magic;
}

/**
 * Every hit of the chosen `magic` entries (`ids`, default all) in the
 * document that passes the entry's check: `{offset, name, id, at}` (offset
 * where the marked file starts, at the signature's own position), ascending,
 * at most MAX_HITS. Throws Cancelled when `signal` aborts.
 */
export async function scanSignatures(doc, { ids, signal, onProgress, windowBytes = WINDOW } = {}) {
  const entries = chosenSignatures(ids);
  if (!entries.length) return [];
  const patterns = entries.map((m) => m.pattern);
  const reach = Math.max(...entries.map((m) => m.reach)); // >= every pattern's length
  const hits = [];
  let since = performance.now();
  for (let a = 0; a < doc.size; a += windowBytes) {
    const settled = Math.min(doc.size, a + windowBytes); // candidates a..settled-1 belong to this window
    const b = Math.min(doc.size, settled + reach - 1);
    const { data, base } = await doc.source(a, b);
    for (const [i, k] of findAllAny(data, patterns, a - base, b - base)) {
      const at = i + base;
      if (at >= settled) break;
      const m = entries[k];
      const offset = at - m.offset;
      if (offset < 0) continue;
      // data (a Uint8Array, or a MemoryDoc's Chunk) holds every byte up to b:
      // reach bytes after i, or the document's end.
      if (m.check && !m.check(data, i)) continue;
      hits.push({ offset, name: m.name, id: m.id, at });
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

/**
 * The checkboxes that choose the entries (one per `magic` entry, all checked
 * at first) and the count beside them; returns a function giving the chosen
 * ids, or undefined when all are.
 */
function setupChoice() {
  const box = document.getElementById('signature-ids');
  const count = document.getElementById('signature-count');
  if (!box) return () => undefined;
  const inputs = magic.map((m) => {
    const input = Object.assign(document.createElement('input'), { type: 'checkbox', checked: true, value: m.id });
    const label = document.createElement('label');
    label.title = `${m.name}: ${m.pattern}${m.offset ? ` at ${m.offset}` : ''}${m.check ? ', header checked' : ''}`;
    label.append(input, ` ${m.id}`);
    box.append(label);
    return input;
  });
  const chosen = () => inputs.filter((i) => i.checked).map((i) => i.value);
  const show = () => {
    const n = chosen().length;
    if (count) count.textContent = `${n} of ${inputs.length}`;
    box.dataset.count = String(n);
  };
  const setAll = (on) => () => {
    for (const i of inputs) i.checked = on;
    show();
  };
  document.getElementById('signature-all')?.addEventListener('click', setAll(true));
  document.getElementById('signature-none')?.addEventListener('click', setAll(false));
  box.addEventListener('change', show);
  show();
  return () => {
    const ids = chosen();
    return ids.length === inputs.length ? undefined : ids;
  };
}

/** The "Scan signatures" button, the list that chooses them, and the clickable hits. */
export function setupSignatures(app) {
  const button = document.getElementById('signature-scan');
  const list = document.getElementById('signature-list');
  if (!button || !list) return;
  const chosenIds = setupChoice();
  const total = Object.assign(document.createElement('div'), { id: 'signature-total', className: 'muted' });
  list.before(total);
  button.addEventListener('click', async () => {
    const doc = app.doc;
    if (!doc) return app.error(new InputError('Open a file first.'));
    const ids = chosenIds();
    if (ids?.length === 0) return app.error(new InputError('Choose at least one signature.'));
    list.replaceChildren();
    total.textContent = '';
    const t0 = performance.now();
    try {
      const hits = await app.run('Scanning for file signatures', (signal, progress) =>
        scanInWorker(doc, { ids, signal, onProgress: progress }),
      );
      if (app.doc !== doc) return;
      // The scan's own result replaces the last search's line in the status,
      // and the list says how many it holds (the scan stops at MAX_HITS).
      const ms = (performance.now() - t0).toFixed(1);
      const found = `${group(hits.length)}${hits.length >= MAX_HITS ? '+' : ''} signature${hits.length === 1 ? '' : 's'}`;
      const status = document.getElementById('search-status');
      status.textContent = `${found} found · ${ms} ms`;
      for (const k of Object.keys(status.dataset)) delete status.dataset[k];
      Object.assign(status.dataset, { signatures: String(hits.length), ms });
      total.textContent = hits.length ? `${found}${hits.length >= MAX_HITS ? ` (the scan stops at ${group(MAX_HITS)})` : ''}:` : '';
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
  app.onDoc(() => {
    list.replaceChildren();
    total.textContent = '';
  });
}
