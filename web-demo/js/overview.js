// The overview strip beside the hex view (issue 26 §4): a picture of the
// whole file, one pixel row per block, coloured by the block's byte class
// and entropy (as binwalk -E and ImHex's data information show it): zeros
// grey, text green, high bytes orange, other bytes from pale blue at low
// entropy through purple to red at 8 bits per byte (compressed or
// encrypted). The rows on screen are framed, the blocks holding the active
// search's matches ticked on the left; a click (or a drag) jumps there. The
// numbers come from the Worker (overview-worker.js) a batch at a time, so a
// 1 GB windowed file fills in from the top while the page stays free; a new
// file, an edit or a new search cancels the rest.
import { call, portable } from './remote.js';
import { blockSize, CLASS } from './overview-worker.js';
import { Cancelled, canvasContext, el, group, showOffset } from './util.js';

/**
 * Bytes per Worker job: several per second on a windowed file, so the strip
 * visibly fills, and short enough (a few tens of ms in memory) that a search
 * started meanwhile waits little for the Worker.
 */
const BATCH = 16 << 20;
/** Width of the match ticks at the strip's left edge, in CSS pixels. */
const TICK = 6;
const CLASS_NAME = ['binary', 'mostly zeros', 'text', 'high bytes'];

/** The colour of a block: its class, and for binary its entropy (0: pale blue, 4: purple, 8: red). */
function colour(entropy, cls, zeros) {
  if (cls === CLASS.zeros) return zeros;
  if (cls === CLASS.text) return `hsl(145 50% ${Math.round(62 - entropy * 3)}%)`;
  if (cls === CLASS.high) return 'hsl(32 90% 55%)';
  // Hues that text's green and high bytes' orange do not use: blue, purple, red.
  const t = Math.min(8, entropy) / 8;
  return `hsl(${Math.round(210 + t * 145)} 70% ${Math.round(72 - t * 24)}%)`;
}

export function setupOverview(app) {
  const canvas = el('canvas', { id: 'overview-canvas', role: 'img', 'aria-label': 'Overview of the whole file' });
  const box = el('div', { id: 'overview', class: 'overview', hidden: true }, canvas);
  box.title =
    'Overview: per block, zeros grey, text green, high bytes orange, other bytes by entropy (pale blue low, purple, red high). Click to jump.';
  document.getElementById('hexview').after(box);
  let state = null; // {doc, block, n, entropy, cls, known, controller}
  let search = null; // {key, state, marks, current, controller}
  let lastSearch = null; // the search panel's active search, asked again after a refill
  let restart = 0; // timer of the refill after an edit

  /** Computes the blocks of `doc` afresh, batch after batch, cancelling what was running. */
  function start(doc) {
    state?.controller.abort();
    search?.controller.abort();
    search = null;
    box.hidden = !doc;
    state = null;
    if (!doc) return;
    const block = blockSize(doc.size, canvas.clientHeight || 600);
    const n = Math.ceil(doc.size / block);
    state = { doc, size: doc.size, block, n, entropy: new Float32Array(n), cls: new Uint8Array(n), known: 0 };
    state.controller = new AbortController();
    Object.assign(box.dataset, { block: String(block), blocks: String(n), known: '0', state: 'filling' });
    fill(state);
    draw();
    if (lastSearch) showMatches(lastSearch);
  }

  /** Waits while the page runs a task (a search, count, compare or scan): the strip gives way to what the user asked for. */
  async function idle(signal) {
    while (app.task && !signal.aborted) await new Promise((r) => setTimeout(r, 50));
  }

  async function fill(s) {
    const step = Math.max(s.block, BATCH - (BATCH % s.block));
    try {
      for (let from = 0; from < s.size; from += step) {
        await idle(s.controller.signal);
        const to = Math.min(s.size, from + step);
        const args = { what: 'entropy', doc: s.doc.id, from, to, block: s.block };
        const r = await call('overview', args, { signal: s.controller.signal });
        s.entropy.set(r.entropy, from / s.block);
        s.cls.set(r.cls, from / s.block);
        s.known = from / s.block + r.entropy.length;
        box.dataset.known = String(s.known);
        draw();
      }
      box.dataset.state = 'done';
    } catch (e) {
      if (e instanceof Cancelled) return;
      box.dataset.state = 'failed';
      app.message(`Overview: ${e.message}`, 'error');
    }
  }

  /** Ticks the blocks holding a match of `active` (the search panel's search), batch after batch. */
  async function showMatches(active) {
    lastSearch = active;
    if (!state || !active) {
      search?.controller.abort();
      search = null;
      delete box.dataset.matches;
      return draw();
    }
    if (search?.key === active.key && search.state === state) {
      search.current = active.current;
      return draw();
    }
    search?.controller.abort();
    const s = state;
    const q = { key: active.key, state: s, marks: new Uint8Array(s.n), current: active.current, controller: new AbortController() };
    search = q;
    delete box.dataset.matches;
    const { pattern, start: first, end, step } = active;
    const batch = Math.max(s.block, BATCH - (BATCH % s.block));
    try {
      for (let from = 0; from < s.size; from += batch) {
        await idle(q.controller.signal);
        const args = { what: 'matches', doc: s.doc.id, pattern: portable(pattern), start: first, end, step, block: s.block };
        const r = await call('overview', { ...args, from, to: Math.min(s.size, from + batch) }, { signal: q.controller.signal });
        q.marks.set(r.marks, from / s.block);
        draw();
      }
      box.dataset.matches = String(q.marks.reduce((a, b) => a + b, 0));
    } catch (e) {
      if (!(e instanceof Cancelled)) app.message(`Overview: ${e.message}`, 'error');
    }
  }

  function draw() {
    const sized = canvasContext(canvas);
    if (sized === null) return;
    const { g, W, H } = sized;
    // A document being replaced (app.setDoc closes it before telling the listeners) is not drawn.
    if (!state || state.doc !== app.doc) return;
    const css = getComputedStyle(box);
    const zeros = css.getPropertyValue('--ov-zeros').trim() || '#e5e7eb';
    const size = state.size;
    // Each pixel row: the blocks under it, their mean entropy, and the class most of them have.
    const { n, known, entropy, cls } = state;
    const rows = Math.max(1, Math.round(H));
    for (let y = 0; y < rows; y++) {
      const k0 = Math.floor((y * n) / rows);
      const k1 = Math.min(known, Math.max(k0 + 1, Math.floor(((y + 1) * n) / rows)));
      if (k0 >= known) continue; // not computed yet: the strip's background shows
      let sum = 0;
      const votes = [0, 0, 0, 0];
      for (let k = k0; k < k1; k++) {
        sum += entropy[k];
        votes[cls[k]]++;
      }
      g.fillStyle = colour(sum / (k1 - k0), votes.indexOf(Math.max(...votes)), zeros);
      g.fillRect(TICK, y, W - TICK, 1);
    }
    const yOf = (off) => (size === 0 ? 0 : (off / size) * H);
    if (search) {
      g.fillStyle = css.getPropertyValue('--match-cur').trim() || '#f59e0b';
      for (let y = 0; y < rows; y++) {
        const k0 = Math.floor((y * n) / rows);
        const k1 = Math.max(k0 + 1, Math.floor(((y + 1) * n) / rows));
        if (search.marks.subarray(k0, k1).includes(1)) g.fillRect(0, y, TICK - 1, 1);
      }
      if (search.current >= 0) g.fillRect(0, Math.min(H - 2, yOf(search.current)), W, 2);
    }
    // The rows on screen: a shaded frame, at least 6 px high so a 1 GB file still shows it.
    const [a, b] = visibleRange();
    const h = Math.max(6, yOf(b) - yOf(a));
    const y0 = Math.max(0, Math.min(H - h, yOf(a)));
    const accent = css.getPropertyValue('--accent').trim() || '#2563eb';
    g.globalAlpha = 0.25;
    g.fillStyle = accent;
    g.fillRect(0, y0, W, h);
    g.globalAlpha = 1;
    g.strokeStyle = accent;
    g.lineWidth = 2;
    g.strokeRect(1, y0 + 1, W - 2, h - 2);
    box.dataset.view = `${a}-${b}`;
  }

  /** The bytes [a, b) the hex view shows. */
  function visibleRange() {
    const size = state.size;
    const a = Math.min(size, app.hex.top * 16);
    return [a, Math.min(size, a + app.hex.rowsEl.childElementCount * 16)];
  }

  /** The block under a pointer's y, or -1. */
  function blockAt(e) {
    if (!state) return -1;
    const r = canvas.getBoundingClientRect();
    const t = Math.max(0, Math.min(0.999999, (e.clientY - r.top) / r.height));
    return Math.floor(t * state.n);
  }

  function jump(e) {
    const k = blockAt(e);
    if (k < 0) return;
    app.hex.goTo(k * state.block);
    app.hex.host.focus();
  }
  canvas.addEventListener('mousedown', (e) => {
    if (e.button !== 0) return;
    e.preventDefault();
    jump(e);
  });
  canvas.addEventListener('mousemove', (e) => {
    if (e.buttons & 1) jump(e);
    const k = blockAt(e);
    if (k < 0) return;
    const a = k * state.block;
    const b = Math.min(state.size, a + state.block);
    canvas.title =
      k < state.known
        ? `${showOffset(a)} – ${group(b - a)} bytes: entropy ${state.entropy[k].toFixed(2)} bits/byte, ${CLASS_NAME[state.cls[k]]}`
        : `${showOffset(a)}: not computed yet`;
  });

  new ResizeObserver(() => draw()).observe(canvas);
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => draw());
  app.hex.on('scroll', () => draw());
  app.onDoc((doc) => {
    start(doc);
    // An edit changes the bytes (a windowed file's arriving page does not): count again once typing pauses.
    doc?.changed.on((e) => {
      if (e?.op === 'loaded' || doc !== app.doc) return;
      clearTimeout(restart);
      restart = setTimeout(() => doc === app.doc && start(doc), 500);
    });
  });
  app.searchListeners.push(showMatches);
  return {
    /** For the tests and the console: the blocks so far. */
    get state() {
      return state;
    },
  };
}
