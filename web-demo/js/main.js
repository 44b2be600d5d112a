// The page's wiring: one `app` object that the panels share (the open
// documents, the main hex view, messages, and the one long-running task at a
// time with its progress bar and Cancel), file opening by picker and by
// drag-and-drop, tabs, and the global keyboard shortcuts.
import { version } from 'wasm-mem';
import { DEFAULT_MEMORY_LIMIT, openBytes, openFile } from './doc.js';
import { HexView } from './hexview.js';
import { Inspector } from './inspect.js';
import { TypedView } from './typed.js';
import { setupSearch } from './searchpanel.js';
import { setupSignatures } from './signatures.js';
import { setupPatch } from './patchpanel.js';
import { setupCompare } from './comparepanel.js';
import { setupOverview } from './overview.js';
import { makeSample } from './sample.js';
import { warmUp } from './remote.js';
import { Cancelled, humanSize, InputError, parseOffset } from './util.js';

const $ = (id) => document.getElementById(id);

// ?memoryLimit=N: files above N bytes open windowed (read-only). The tests
// use it to exercise the windowed path with small files.
const params = new URLSearchParams(location.search);
const memoryLimit = params.has('memoryLimit') ? Number(params.get('memoryLimit')) : DEFAULT_MEMORY_LIMIT;

const app = {
  doc: null,
  docB: null,
  tab: 'hex',
  hex: new HexView($('hexview'), { label: 'File bytes' }),
  docListeners: [],
  task: null, // { controller, label }

  /** Shows a message; kind 'error' stays until dismissed or replaced. */
  message(text, kind = 'info') {
    const box = $('message');
    $('message-text').textContent = text;
    box.className = `message ${kind}`;
    box.hidden = false;
    box.dataset.kind = kind;
  },

  /** Reports an error the way users should see it: their mistakes plainly, bugs with a hint. */
  error(e) {
    if (e instanceof Cancelled) return app.message('Cancelled.', 'info');
    if (e instanceof InputError || e instanceof RangeError || e instanceof TypeError) return app.message(e.message, 'error');
    console.error(e);
    app.message(`Something went wrong: ${e.message}`, 'error');
  },

  /**
   * Runs one long task with a progress bar and a Cancel button (Esc). A new
   * task cancels the one running. `fn(signal, progress)` gets an AbortSignal
   * and a progress(fraction) callback.
   */
  async run(label, fn) {
    app.task?.controller.abort();
    const controller = new AbortController();
    const task = { controller, label };
    app.task = task;
    const bar = $('progress');
    // Shown only if the task outlives a short moment: quick searches do not flash a bar.
    const timer = setTimeout(() => {
      if (app.task === task) bar.hidden = false;
    }, 150);
    $('progress-label').textContent = label;
    $('progress-bar').value = 0;
    document.body.dataset.busy = 'true';
    try {
      return await fn(controller.signal, (f) => {
        $('progress-bar').value = f;
      });
    } finally {
      clearTimeout(timer);
      if (app.task === task) {
        app.task = null;
        bar.hidden = true;
        delete document.body.dataset.busy;
      }
    }
  },

  cancel() {
    app.task?.controller.abort();
  },

  onDoc(fn) {
    app.docListeners.push(fn);
  },

  setDoc(doc) {
    app.doc?.close();
    app.doc = doc;
    // Shown before it gets the document: its one layout pass measures the real viewport.
    $('welcome').hidden = !!doc;
    $('hexview').hidden = !doc;
    app.hex.setDoc(doc);
    updateFileInfo();
    doc?.changed.on(updateFileInfo);
    for (const fn of app.docListeners) fn(doc);
    document.body.dataset.state = doc ? 'ready' : 'empty';
    document.body.dataset.doc = doc ? doc.name : '';
    if (doc) app.hex.host.focus();
  },

  showTab(name) {
    app.tab = name;
    for (const b of document.querySelectorAll('[role=tab]')) b.setAttribute('aria-selected', String(b.dataset.tab === name));
    for (const p of document.querySelectorAll('.tab-panel')) p.hidden = p.id !== `tab-${name}`;
    document.body.dataset.tab = name;
    // An error answers something done on the tab left behind: it goes with it.
    if ($('message').dataset.kind === 'error') $('message').hidden = true;
    for (const fn of app.tabListeners) fn(name);
  },
  tabListeners: [],
  searchListeners: [], // fn(active search or null), called by the search panel

  /**
   * Opens a File as a document in the Worker: windowed at once, handed to
   * `show` (its rows show while it is read), then read into memory when it
   * fits, with progress. A cancelled read leaves it open, windowed.
   */
  async open(file, show) {
    const doc = await openFile(file, { memoryLimit });
    show(doc);
    if (!doc.memory) return doc;
    try {
      await app.run(`Reading ${file.name} (${humanSize(file.size)})`, (signal, progress) =>
        doc.readIntoMemory({ signal, onProgress: progress }),
      );
    } catch (e) {
      if (!(e instanceof Cancelled)) throw e;
    }
    return doc;
  },
};

function updateFileInfo() {
  const doc = app.doc;
  const info = $('file-info');
  if (!doc) {
    info.textContent = 'No file open';
    delete info.dataset.size;
    return;
  }
  info.replaceChildren();
  const name = document.createElement('b');
  name.textContent = doc.name;
  const meta = document.createElement('span');
  meta.className = 'muted';
  meta.textContent = ` ${humanSize(doc.size)} · ${doc.kind === 'memory' ? 'in memory' : 'windowed, read-only'}`;
  info.append(name, meta);
  if (doc.modified) {
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.textContent = 'modified';
    info.append(badge);
  }
  info.title = doc.kind === 'memory' ? `${doc.size} bytes in a wasm-mem Chunk in the Worker` : `${doc.size} bytes, ${doc.reason}`;
  info.dataset.size = String(doc.size);
  info.dataset.kind = doc.kind;
}

async function openMain(file) {
  try {
    const doc = await app.open(file, (d) => app.setDoc(d));
    if (app.doc !== doc) return; // another file was opened meanwhile
    app.message(
      doc.kind === 'memory'
        ? `Opened ${doc.name}: ${humanSize(doc.size)} in memory.`
        : `Opened ${doc.name} (${humanSize(doc.size)}) read-only in windows: ${doc.reason}.`,
      'ok',
    );
  } catch (e) {
    app.error(e);
  }
}

// ---- opening: picker, drag-and-drop, sample ----------------------------------
$('open-button').addEventListener('click', () => $('file-input').click());
$('file-input').addEventListener('change', (e) => {
  const [file] = e.target.files;
  e.target.value = ''; // the same file again still fires change
  if (file) openMain(file);
});
$('sample-button').addEventListener('click', async () => {
  try {
    app.setDoc(await openBytes('sample.bin', makeSample()));
    app.message('Opened a generated sample: a header, text, float32 and int16 series, PEAK records every 8 bytes.', 'ok');
  } catch (e) {
    app.error(e);
  }
});

let dragDepth = 0;
window.addEventListener('dragenter', (e) => {
  if (!e.dataTransfer?.types.includes('Files')) return;
  dragDepth++;
  $('drop-overlay').hidden = false;
});
window.addEventListener('dragleave', () => {
  if (--dragDepth <= 0) {
    dragDepth = 0;
    $('drop-overlay').hidden = true;
  }
});
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', async (e) => {
  e.preventDefault();
  dragDepth = 0;
  $('drop-overlay').hidden = true;
  const files = [...(e.dataTransfer?.files ?? [])];
  if (files.length === 0) return;
  if (files.length >= 2) {
    await openMain(files[0]);
    await app.compare.openB(files[1]);
    app.showTab('compare');
  } else if (app.tab === 'compare' && app.doc) await app.compare.openB(files[0]);
  else await openMain(files[0]);
});

// ---- go to, tabs, messages, help --------------------------------------------
$('goto-form').addEventListener('submit', (e) => {
  e.preventDefault();
  if (!app.doc) return app.message('Open a file first.', 'error');
  try {
    const off = parseOffset($('goto').value, 'Go to', { relativeTo: app.doc.size });
    if (off === undefined) return;
    if (off >= Math.max(1, app.doc.size)) throw new InputError(`Go to: ${off} is past the end of the file (${app.doc.size} bytes)`);
    if (app.tab !== 'hex' && app.tab !== 'compare') app.showTab('hex');
    const view = app.tab === 'compare' ? app.compare.viewA : app.hex;
    view.goTo(off);
    view.host.focus();
  } catch (err) {
    app.error(err);
  }
});
for (const b of document.querySelectorAll('[role=tab]')) b.addEventListener('click', () => app.showTab(b.dataset.tab));
$('message-close').addEventListener('click', () => ($('message').hidden = true));
$('progress-cancel').addEventListener('click', () => app.cancel());
$('help-button').addEventListener('click', () => $('help').showModal());

const typing = (t) => t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement;

window.addEventListener('keydown', (e) => {
  const mod = e.ctrlKey || e.metaKey;
  if (e.key === 'Escape' && app.task) {
    e.preventDefault();
    app.cancel();
  } else if (mod && e.key.toLowerCase() === 'o') {
    e.preventDefault();
    $('file-input').click();
  } else if (mod && e.key.toLowerCase() === 'g') {
    e.preventDefault();
    $('goto').focus();
    $('goto').select();
  } else if (mod && e.key.toLowerCase() === 'f') {
    e.preventDefault();
    app.showTab('hex');
    $('search-pattern').focus();
    $('search-pattern').select();
  } else if (e.altKey && ['1', '2', '3'].includes(e.key)) {
    e.preventDefault();
    app.showTab(['hex', 'compare', 'typed'][Number(e.key) - 1]);
  } else if (e.key === '?' && !typing(e.target) && !e.target.closest?.('.hexview')) {
    // (In a hex view '?' is a character to type into the ASCII column.)
    $('help').showModal();
  } else return;
});

// ---- panels -----------------------------------------------------------------
const inspector = new Inspector($('inspect'));
function showSelection() {
  const doc = app.doc;
  if (!doc) return inspector.show(null);
  const [s, e] = app.hex.selection;
  const head = doc.read(s, Math.min(8, doc.size - s));
  inspector.show(doc, s, e, head === null ? null : head.slice()); // a copy: StrArray reads JS memory
}
app.hex.on('cursor', showSelection);
app.hex.on('message', ({ text, kind }) => app.message(text, kind));
app.onDoc((doc) => {
  showSelection();
  doc?.changed.on(showSelection);
});

const typed = new TypedView($('typed'), {
  onMessage: (e) => app.error(e),
  onJump: (offset, length) => {
    app.showTab('hex');
    app.hex.goTo(offset, { length });
    app.hex.host.focus();
  },
  cursor: () => app.hex.cursor,
});
app.onDoc((doc) => typed.setDoc(doc));
app.typed = typed;
app.tabListeners.push((name) => {
  if (name === 'typed') typed.shown();
  if (name === 'hex') app.hex.layout();
});

// The Worker loads its modules and the wasm while the page waits for a file
// (body[data-worker] says when it is done; a failure shows on the first job).
warmUp().then(
  () => (document.body.dataset.worker = 'ready'),
  () => {},
);
setupSearch(app);
setupSignatures(app);
setupPatch(app);
app.compare = setupCompare(app);
app.overview = setupOverview(app);

app.setDoc(null);
$('hexview').hidden = true;
document.title = `wasm-mem ${version} · binary file tool`;
document.body.dataset.state = 'empty';
window.__app = app; // for debugging in the console, and for the end-to-end tests' waits
