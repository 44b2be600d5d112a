// The patch panel: insert and delete ranges (the Worker does them with
// Chunk.resize and copy, see worker/docs.js), undo, and download of the
// edited bytes. Overwrites are typed straight into the hex view; edited
// bytes are marked there.
import { group, InputError, parseOffset, parsePattern, saveBlob, showOffset } from './util.js';

const $ = (id) => document.getElementById(id);

export function setupPatch(app) {
  // Edited bytes, in today's offsets, marked in the hex view.
  app.hex.decorate((a, b) =>
    app.doc
      ? app.doc
          .editedRanges()
          .filter(([x, y]) => y > a && x < b)
          .map(([x, y]) => [x, y, 'edited'])
      : [],
  );

  /** Runs an edit: a refusal (said at once, or by the Worker) is a message. */
  async function attempt(fn) {
    try {
      if (!app.doc) throw new InputError('Open a file first.');
      await fn(app.doc);
    } catch (e) {
      app.error(e);
    }
  }

  $('insert-form').addEventListener('submit', (e) => {
    e.preventDefault();
    attempt(async (doc) => {
      const off = parseOffset($('insert-offset').value, 'Insert at', { relativeTo: doc.size }) ?? app.hex.cursor;
      const text = $('insert-bytes').value;
      if (text === '') throw new InputError('Insert: type the bytes to insert (hex digits, or text).');
      const bytes = parsePattern(text, $('insert-mode').value, 'Insert');
      await doc.insert(off, bytes);
      app.hex.goTo(off, { length: bytes.length });
      app.message(`Inserted ${group(bytes.length)} byte${bytes.length === 1 ? '' : 's'} at ${showOffset(off)}.`, 'ok');
    });
  });

  async function removeRange(doc, off, len) {
    if (len <= 0) throw new InputError('Delete: the length must be at least 1.');
    await doc.remove(off, len);
    app.hex.goTo(Math.min(off, Math.max(0, doc.size - 1)));
    app.message(`Deleted ${group(len)} byte${len === 1 ? '' : 's'} at ${showOffset(off)}.`, 'ok');
  }

  $('delete-form').addEventListener('submit', (e) => {
    e.preventDefault();
    attempt((doc) => {
      const [s, t] = app.hex.selection;
      const off = parseOffset($('delete-offset').value, 'Delete at', { relativeTo: doc.size }) ?? s;
      const len = parseOffset($('delete-length').value, 'Length') ?? t - s;
      return removeRange(doc, off, len);
    });
  });

  app.hex.host.addEventListener('keydown', (e) => {
    if (e.key !== 'Delete' || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    attempt((doc) => {
      const [s, t] = app.hex.selection;
      return removeRange(doc, s, t - s);
    });
  });

  function undo() {
    attempt(async (doc) => {
      const e = await doc.undo();
      if (!e) return app.message('Nothing to undo.', 'info');
      const n = e.length;
      const what = { overwrite: 'overwrite of', insert: 'insert of', remove: 'delete of' }[e.op];
      app.message(`Undid the ${what} ${group(n)} byte${n === 1 ? '' : 's'} at ${showOffset(e.off)}.`, 'ok');
      app.hex.goTo(e.off, { length: e.op === 'insert' ? 0 : n });
    });
  }
  $('undo-button').addEventListener('click', undo);
  window.addEventListener('keydown', (e) => {
    const t = e.target;
    if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z' || e.shiftKey) return;
    if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement) return; // the field's own undo
    e.preventDefault();
    undo();
  });

  $('download-button').addEventListener('click', () =>
    attempt(async (doc) => {
      if (doc.kind !== 'memory') {
        throw new InputError(`${doc.name} is open read-only in windows (${doc.reason}); there is nothing edited to download.`);
      }
      saveBlob(await doc.toBlob(), doc.name); // the Worker's copy of the bytes
    }),
  );

  function updateStatus() {
    const doc = app.doc;
    const status = $('edit-status');
    const editable = !!doc && doc.editable;
    for (const id of ['insert-button', 'delete-button', 'undo-button']) $(id).disabled = !editable;
    $('download-button').disabled = doc?.kind !== 'memory';
    if (!doc) status.textContent = '';
    else if (!editable) status.textContent = 'read-only (windowed)';
    else status.textContent = doc.modified ? `${doc.editedRanges().length} edited range(s)` : 'unmodified';
    $('undo-button').disabled = !editable || !doc.canUndo;
  }
  app.onDoc((doc) => {
    updateStatus();
    doc?.changed.on(updateStatus);
  });
}
