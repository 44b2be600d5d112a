// The compare tab: the open file (A) against a second one (B). A summary of
// cmp / diff / rdiff as the package defines them, the runs of differing
// bytes, jumps from run to run, and both files side by side in two hex
// views that scroll and move together, with differing bytes marked.
import { MAX_RUNS } from './worker/compare.js';
import { differenceRuns, scan, summary } from './remote.js';
import { isEdit } from './doc.js';
import { HexView } from './hexview.js';
import { fitPanes } from './comparefit.js';
import { el, group, humanSize, showOffset } from './util.js';

const $ = (id) => document.getElementById(id);

export function setupCompare(app) {
  const viewA = new HexView($('compare-a'), { label: 'File A' });
  const viewB = new HexView($('compare-b'), { label: 'File B' });
  let docB = null;
  let result = null; // { cmp, diff, rdiff, runs, complete }
  let stale = true;
  let recompute = 0; // timer of the recompute after an edit

  // Bytes that differ from the other file at the same offset, and bytes the other file lacks.
  const marker = (self, other) => (a, b) => {
    const x = self();
    const y = other();
    if (!x || !y) return [];
    const out = [];
    const bx = x.read(a, b - a);
    const mine = bx === null ? null : bx.slice(); // a copy before the other read (both may be wasm views)
    const theirs = y.read(a, b - a);
    if (mine === null || theirs === null) return [];
    for (let i = 0; i < mine.length; i++) {
      if (i >= theirs.length) {
        out.push([a + i, b, 'extra']);
        break;
      }
      if (mine[i] !== theirs[i]) out.push([a + i, a + i + 1, 'diff']);
    }
    return out;
  };
  viewA.decorate(
    marker(
      () => app.doc,
      () => docB,
    ),
  );
  viewB.decorate(
    marker(
      () => docB,
      () => app.doc,
    ),
  );

  // The two views move together: whichever the user drives leads.
  let syncing = false;
  const follow = (lead, other) => {
    lead.on('scroll', (top) => {
      if (syncing) return;
      syncing = true;
      other.setTop(top);
      syncing = false;
    });
    lead.on('cursor', ([s, e]) => {
      if (syncing) return;
      syncing = true;
      if (other.doc && other.doc.size > 0) {
        other.cursor = Math.min(lead.cursor, other.doc.size - 1);
        other.anchor = Math.min(lead.anchor, other.doc.size - 1);
        other.setTop(lead.top);
      }
      syncing = false;
      showCurrent(s, e);
    });
  };
  follow(viewA, viewB);
  follow(viewB, viewA);

  // Both views scroll over the longer file's rows, so they stay level to the end.
  const fit = fitPanes(document.querySelector('.compare-panes'), [viewA, viewB]);
  function pad() {
    const n = Math.max(app.doc?.size ?? 0, docB?.size ?? 0);
    viewA.minSize = viewB.minSize = n;
    viewA.layout();
    viewB.layout();
    fit(); // more offset digits may need more width
  }

  function titles() {
    const t = (doc, label) => (doc ? `${label}: ${doc.name} · ${humanSize(doc.size)} (${group(doc.size)} bytes)` : `${label}: —`);
    $('compare-a-title').textContent = t(app.doc, 'A');
    $('compare-b-title').textContent = t(docB, 'B');
  }

  function showSummary() {
    const box = $('compare-summary');
    if (!app.doc || !docB) {
      box.textContent = !app.doc
        ? 'Open a file in the Hex tab first (A), then a second file here (B).'
        : 'Open a second file (B) to compare it with A.';
      return;
    }
    if (!result) {
      box.textContent = 'Comparing…';
      return;
    }
    const A = app.doc;
    const words = { '-1': 'A sorts first', 0: 'identical', 1: 'B sorts first' };
    const item = (id, label, value, text) =>
      el(
        'div',
        { class: 'kv' },
        el('span', { class: 'k' }, label),
        el('span', { class: 'v mono', id, dataset: { value: String(value) } }, text),
      );
    const pos = (i) => (i < 0 ? 'none (−1)' : showOffset(i));
    const bytes = result.runs.reduce((n, [a, b]) => n + b - a, 0);
    const sizes =
      A.size === docB.size ? 'same size' : `${A.size < docB.size ? 'B' : 'A'} is longer by ${group(Math.abs(A.size - docB.size))} bytes`;
    box.replaceChildren(
      item('cmp-result', 'cmp(A, B)', result.cmp, `${result.cmp} · ${words[result.cmp]}`),
      item('diff-result', 'first difference · diff', result.diff, pos(result.diff)),
      item('rdiff-result', 'last difference · rdiff (aligned on the ends)', result.rdiff, pos(result.rdiff)),
      item(
        'runs-result',
        'differing runs at equal offsets',
        result.runs.length,
        `${group(result.runs.length)}${result.complete ? '' : '+'} (${group(bytes)} bytes) · ${sizes}`,
      ),
    );
  }

  function showCurrent(s) {
    const out = $('diff-current');
    if (!result) {
      out.textContent = '';
      return;
    }
    const k = result.runs.findIndex(([a, b]) => s >= a && s < b);
    const of = `${group(result.runs.length)}${result.complete ? '' : '+'}`;
    out.textContent = k >= 0 ? `difference ${group(k + 1)} of ${of} at ${showOffset(result.runs[k][0])}` : '';
    out.dataset.offset = k >= 0 ? String(result.runs[k][0]) : '';
  }

  async function compute() {
    if (!app.doc || !docB) return showSummary();
    pad(); // an edit may have changed A's size
    stale = false;
    result = null;
    showSummary();
    const A = app.doc;
    const B = docB;
    try {
      const r = await app.run(`Comparing ${A.name} with ${B.name}`, async (signal, progress) => {
        const s = await summary(A, B, { signal, onProgress: (f) => progress(f / 2) });
        const { runs, complete } = await differenceRuns(A, B, { signal, onProgress: (f) => progress(0.5 + f / 2) });
        return { ...s, runs, complete };
      });
      if (A !== app.doc || B !== docB) return;
      result = r;
      showSummary();
      viewA.render();
      viewB.render();
      if (r.runs.length > 0) jump('first');
      else
        app.message(
          r.cmp === 0 ? 'The files are identical.' : 'No differing bytes at equal offsets: one file is a prefix of the other.',
          'ok',
        );
    } catch (e) {
      stale = true;
      app.error(e);
      showSummary();
    }
  }

  /** Moves both views to a run of differences and selects it. */
  async function jump(where) {
    if (!app.doc || !docB) return;
    if (!result) return app.message('Comparing — wait for the summary, or open a second file.', 'info');
    const runs = result.runs;
    // Next looks past the cursor (the end of a selected run), Previous before
    // the selection's start, so a selected run is left in either direction.
    const cur = viewA.cursor;
    const selStart = viewA.selection[0];
    let target = null;
    if (where === 'first') target = runs[0];
    else if (where === 'last') target = result.complete ? runs.at(-1) : null;
    else if (where === 'next') target = runs.find(([a]) => a > cur) ?? null;
    else target = runs.findLast(([a]) => a < selStart) ?? null;
    // Past the counted runs (a file with more than MAX_RUNS of them): ask diff/rdiff directly.
    if (!target && !result.complete && (where === 'next' || where === 'last')) {
      const n = Math.min(app.doc.size, docB.size);
      try {
        const i = await app.run('Looking for the next difference', (signal, progress) =>
          where === 'last'
            ? scan(app.doc, docB, 'diff', 0, n, { backward: true, signal, onProgress: progress })
            : scan(app.doc, docB, 'diff', cur + 1, n, { signal, onProgress: progress }),
        );
        if (i >= 0) target = [i, i + 1];
      } catch (e) {
        return app.error(e);
      }
    }
    if (!target) {
      const beyond = result.complete ? '' : ` (runs beyond the first ${group(MAX_RUNS)} are found one at a time)`;
      return app.message(where === 'prev' ? 'No difference before this one.' : `No difference after this one${beyond}.`, 'info');
    }
    viewA.goTo(target[0], { length: target[1] - target[0] });
    viewA.host.focus();
  }

  $('compare-open').addEventListener('click', () => $('compare-input').click());
  $('compare-input').addEventListener('change', (e) => {
    const [file] = e.target.files;
    e.target.value = '';
    if (file) openB(file);
  });
  $('diff-first').addEventListener('click', () => jump('first'));
  $('diff-prev').addEventListener('click', () => jump('prev'));
  $('diff-next').addEventListener('click', () => jump('next'));
  $('diff-last').addEventListener('click', () => jump('last'));
  for (const v of [viewA, viewB]) {
    v.host.addEventListener(
      'keydown',
      (e) => {
        // N/P jump between differences from the hex column (where they are not
        // hex digits); in the ASCII column they are characters to type.
        if (e.ctrlKey || e.metaKey || e.altKey || v.column !== 'hex') return;
        if (e.key === 'n' || e.key === 'p') {
          e.preventDefault();
          e.stopImmediatePropagation();
          jump(e.key === 'n' ? 'next' : 'prev');
        }
      },
      { capture: true },
    );
    v.on('message', ({ text, kind }) => app.message(text, kind));
  }

  async function openB(file) {
    if (!app.doc) return app.message('Open the first file (A) in the Hex tab first.', 'error');
    try {
      const doc = await app.open(file, (d) => {
        docB?.close();
        docB = d;
        viewB.setDoc(d);
        d.changed.on(() => viewB.render());
        titles();
        pad();
      });
      if (docB !== doc) return; // another B was opened meanwhile
      stale = true;
      await compute();
    } catch (e) {
      app.error(e);
    }
  }

  app.onDoc((doc) => {
    viewA.setDoc(doc);
    doc?.changed.on((e) => {
      if (!isEdit(e)) return viewB.render(); // a page of A's bytes arrived: B's marks follow
      // An edit: recompute now if the tab is showing (once typing pauses), else when it is shown.
      stale = true;
      viewB.render();
      clearTimeout(recompute);
      if (app.tab === 'compare' && docB) recompute = setTimeout(compute, 300);
    });
    stale = true;
    result = null;
    titles();
    pad();
    showSummary();
  });
  app.tabListeners.push((name) => {
    if (name !== 'compare') return;
    viewA.layout();
    viewB.layout();
    fit();
    if (stale && app.doc && docB) compute();
  });

  return {
    openB,
    viewA,
    viewB,
    get docB() {
      return docB;
    },
  };
}
