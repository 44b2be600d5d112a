// The search panel: text or hex pattern, start, end, step; Find, Next,
// Previous, Count all; matches highlighted in the hex view (every visible
// one, the current one stronger). Searches and counts run in the search
// Worker (remote.js); the highlights of the visible rows come from search.js.
import { matchesIn } from './search.js';
import { countAll, searchOne } from './remote.js';
import { group, humanSize, InputError, parseOffset, parsePattern, showOffset } from './util.js';
import { wildcardPattern } from './signatures.js';

const $ = (id) => document.getElementById(id);

export function setupSearch(app) {
  // The search whose matches are highlighted: its pattern and range, and the
  // current match (-1: none yet). Set when a search runs, not while typing.
  let active = null;
  let lastKey = '';

  // The overview strip (overview.js) ticks the active search's matches: it hears of each change.
  const publish = () => {
    for (const fn of app.searchListeners) fn(active);
  };

  const status = $('search-status');
  function setStatus(text, data = {}) {
    status.textContent = text;
    for (const k of Object.keys(status.dataset)) delete status.dataset[k];
    Object.assign(status.dataset, data);
  }

  function read() {
    const doc = app.doc;
    if (!doc) throw new InputError('Open a file first.');
    const text = $('search-pattern').value;
    if (text === '') throw new InputError('Type a pattern to search for.');
    const mode = $('search-mode').value;
    // Hex with ?? or nibble wildcards is a masked Pattern (the package searches it the same way).
    const pattern = (mode === 'hex' && wildcardPattern(text)) || parsePattern(text, mode);
    const start = parseOffset($('search-start').value, 'Start', { relativeTo: doc.size }) ?? 0;
    const end = parseOffset($('search-end').value, 'End', { relativeTo: doc.size }) ?? doc.size;
    const step = parseOffset($('search-step').value, 'Step') ?? 1;
    if (step < 1) throw new InputError(`Step: must be at least 1, got ${step}`);
    const key = JSON.stringify([text, mode, start, end, step, doc.name, doc.size]);
    return { pattern, start, end, step, key, text, mode };
  }

  // Highlights come from the active search, recomputed for the visible rows only.
  app.hex.decorate((a, b) => {
    if (!active || !app.doc) return [];
    const n = active.pattern.length;
    const out = matchesIn(app.doc, active.pattern, active, a, b).map((i) => [i, i + n, 'match']);
    if (active.current >= 0) out.push([active.current, active.current + Math.max(1, n), 'match-cur']);
    return out;
  });

  // A search that cannot start clears the last one's highlights and result:
  // they would read as the answer to the new (rejected) query.
  function rejected(e) {
    active = null;
    setStatus('');
    app.hex.render();
    publish();
    app.error(e);
  }

  async function go(direction) {
    let q;
    try {
      q = read();
    } catch (e) {
      return rejected(e);
    }
    const doc = app.doc;
    const fresh = !active || active.key !== q.key || direction === 'first';
    if (fresh) active = { ...q, current: -1 };
    // Next: after the current match (or from the cursor); Previous: before it.
    let from;
    if (direction === 'first') from = undefined;
    else if (direction === 'next') from = active.current >= 0 ? active.current + 1 : app.hex.cursor;
    else from = active.current >= 0 ? active.current - 1 : app.hex.cursor;
    if (direction === 'prev' && from < 0) return setStatus('No match before the start.', { offset: '-1' });
    const t0 = performance.now();
    try {
      const i = await app.run(`Searching ${humanSize(doc.size)} for ${describe(q)}`, (signal, progress) =>
        searchOne(doc, q.pattern, {
          start: q.start,
          end: q.end,
          step: q.step,
          from,
          backward: direction === 'prev',
          signal,
          onProgress: progress,
        }),
      );
      const ms = performance.now() - t0;
      if (app.doc !== doc) return;
      const timing = { ms: ms.toFixed(1) };
      if (i < 0) {
        const where = direction === 'first' ? '' : direction === 'next' ? ' after this point' : ' before this point';
        setStatus(`No match${where} (${ms.toFixed(1)} ms).`, { offset: '-1', ...timing });
        app.hex.render();
        publish();
        return;
      }
      active.current = i;
      setStatus(`Match at ${showOffset(i)} · ${ms.toFixed(1)} ms`, { offset: String(i), ...timing });
      app.hex.goTo(i, { length: Math.max(1, q.pattern.length) });
      publish();
    } catch (e) {
      app.error(e);
      setStatus(e.name === 'Cancelled' ? 'Search cancelled.' : '');
    }
  }

  async function count() {
    let q;
    try {
      q = read();
    } catch (e) {
      return rejected(e);
    }
    const doc = app.doc;
    if (!active || active.key !== q.key) {
      active = { ...q, current: -1 };
      app.hex.render(); // the visible matches light up while the count runs
    }
    const t0 = performance.now();
    try {
      const { count: n, first } = await app.run(`Counting ${describe(q)} in ${humanSize(doc.size)}`, (signal, progress) =>
        countAll(doc, q.pattern, { start: q.start, end: q.end, step: q.step, signal, onProgress: progress }),
      );
      const ms = performance.now() - t0;
      const list = first.length ? ` — first at ${first.map((i) => '0x' + i.toString(16)).join(', ')}${n > first.length ? ', …' : ''}` : '';
      setStatus(`${group(n)} match${n === 1 ? '' : 'es'}${list} · ${ms.toFixed(1)} ms`, { count: String(n), ms: ms.toFixed(1) });
      app.hex.render();
      publish();
    } catch (e) {
      app.error(e);
    }
  }

  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    // Enter finds; Enter again on the same search goes to the next match.
    let key = '';
    try {
      key = read().key;
    } catch {}
    const again = key !== '' && key === lastKey && active?.current >= 0;
    lastKey = key;
    go(again ? 'next' : 'first');
  });
  $('search-next').addEventListener('click', () => go('next'));
  $('search-prev').addEventListener('click', () => go('prev'));
  $('search-count').addEventListener('click', count);
  window.addEventListener('keydown', (e) => {
    if (e.key !== 'F3') return;
    e.preventDefault();
    go(e.shiftKey ? 'prev' : 'next');
  });
  app.onDoc(() => {
    active = null;
    lastKey = '';
    setStatus('');
    publish();
  });
}

function describe(q) {
  const shown = q.text.length > 24 ? q.text.slice(0, 24) + '…' : q.text;
  return `${q.mode === 'hex' ? 'hex ' : ''}"${shown}"${q.step > 1 ? ` (step ${q.step})` : ''}`;
}
