// Patterns in the web tool (SPEC §10): wildcard hex search (`4d 5a ?? ?? 5?`
// goes through the package's hexPattern) and "Scan signatures", which lists
// every well-known file signature of the package's `magic` table in the
// document (offset, name), clickable, that passes its entry's check (the
// header after it: SPEC §10); a list of checkboxes chooses the entries, by
// id, and shows how many are chosen. The scan runs in the Worker, over the
// document it holds (worker/search.js's signaturesIn).
import { hexPattern, magic } from 'wasm-mem';
import { scanSignatures as scanInWorker } from './remote.js';
import { group, InputError, showOffset } from './util.js';
import { MAX_HITS } from './plain.js';

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
