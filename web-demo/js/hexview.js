// The virtualised hex view: offset / hex / ASCII columns, where only the
// rows on screen exist in the DOM (built once per viewport size, refilled on
// every scroll), so a multi-GiB file scrolls like a small one.
//
// Scrolling: the native scrollbar is kept (users drag it), over a spacer
// whose height is capped at MAX_SPACER px — browsers stop laying out taller
// elements (Chromium near 33 M px) and a 1 GiB file has 67 M rows. The
// scroll position maps proportionally to the top row, so every row stays
// reachable; the wheel and keys move by rows, not pixels.
//
// Cells carry classes from "decorators" (search matches, differences,
// edits) asked once per render for the visible range only.
import { isEdit } from './doc.js';
import { hex2, hexOffset, offsetDigits } from './util.js';

const COLS = 16;
const MAX_SPACER = 4_000_000;
const PRINTABLE = Array.from({ length: 256 }, (_, b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.'));

export class HexView {
  doc = null;
  top = 0; // first visible row
  cursor = 0;
  anchor = 0;
  column = 'hex'; // where typing goes: 'hex' digits or 'ascii' characters
  #nibble = 0; // 1 after the first hex digit of a byte was typed
  #rows = []; // [{row, off, cells: [hexSpan...], chars: [span...]}]
  #visible = 0;
  #rowHeight = 20;
  #decorators = [];
  #listeners = { cursor: [], scroll: [], edit: [], message: [] };
  #ignoreScroll = -1;
  #unsubscribe = null;
  #dragging = false;

  /** @param {HTMLElement} host an empty element; the view fills it */
  constructor(host, { label = 'Hex view' } = {}) {
    this.host = host;
    host.classList.add('hexview');
    host.tabIndex = 0;
    host.setAttribute('role', 'grid');
    host.setAttribute('aria-label', label);
    host.innerHTML =
      '<div class="hv-head" aria-hidden="true"></div>' +
      '<div class="hv-scroll"><div class="hv-rows"></div><div class="hv-spacer"></div></div>';
    this.head = host.querySelector('.hv-head');
    this.scroller = host.querySelector('.hv-scroll');
    this.rowsEl = host.querySelector('.hv-rows');
    this.spacer = host.querySelector('.hv-spacer');
    this.scroller.addEventListener('scroll', () => this.#onScroll());
    this.scroller.addEventListener('wheel', (e) => this.#onWheel(e), { passive: false });
    this.rowsEl.addEventListener('mousedown', (e) => this.#onMouseDown(e));
    this.rowsEl.addEventListener('mousemove', (e) => this.#onMouseMove(e));
    window.addEventListener('mouseup', () => (this.#dragging = false));
    host.addEventListener('keydown', (e) => this.#onKey(e));
    new ResizeObserver(() => this.layout()).observe(this.scroller);
  }

  /** Subscribes to 'cursor' (selection moved), 'scroll', 'edit' or 'message' ({text, kind}). */
  on(name, fn) {
    this.#listeners[name].push(fn);
  }

  #emit(name, ...args) {
    for (const fn of this.#listeners[name]) fn(...args);
  }

  /**
   * Adds a decorator: `fn(a, b)` returns [[from, to, className], ...] for
   * ranges that touch [a, b), called once per render.
   */
  decorate(fn) {
    this.#decorators.push(fn);
  }

  setDoc(doc) {
    this.#unsubscribe?.();
    this.doc = doc;
    this.top = 0;
    this.cursor = this.anchor = 0;
    this.#nibble = 0;
    // Bytes arriving change no size: render without the layout pass (its measuring forces a synchronous layout).
    this.#unsubscribe = doc ? doc.changed.on((e) => (isEdit(e) ? this.refresh() : this.render())) : null;
    this.layout();
  }

  /**
   * Rows shown at least as if the file had this many bytes: two views side
   * by side pad the shorter file, so their rows stay level to the end.
   */
  minSize = 0;

  get totalRows() {
    return this.doc ? Math.max(1, Math.ceil(Math.max(this.doc.size, this.minSize) / COLS)) : 0;
  }

  get maxTop() {
    return Math.max(0, this.totalRows - this.#visible);
  }

  /** The selection as [start, end) (one byte when nothing is extended). */
  get selection() {
    const size = this.doc?.size ?? 0;
    if (size === 0) return [0, 0];
    const a = Math.min(this.cursor, this.anchor);
    return [a, Math.min(size, Math.max(this.cursor, this.anchor) + 1)];
  }

  /** Rebuilds the row elements for the viewport's height, then renders. */
  layout() {
    const probe = this.rowsEl.firstElementChild;
    if (probe) this.#rowHeight = probe.getBoundingClientRect().height || this.#rowHeight;
    const visible = Math.max(1, Math.floor(this.scroller.clientHeight / this.#rowHeight));
    if (visible !== this.#visible || this.#rows.length === 0) {
      this.#visible = visible;
      this.#build();
    }
    this.#buildHead(offsetDigits(this.doc?.size ?? 0));
    this.spacer.style.height = `${Math.max(0, Math.min(MAX_SPACER, this.maxTop * this.#rowHeight))}px`;
    this.setTop(Math.min(this.top, this.maxTop));
  }

  // The column header is a row of the same structure, so it lines up with
  // the cells whatever the font.
  #buildHead(digits) {
    if (this.head.dataset.digits === String(digits)) return;
    this.head.dataset.digits = String(digits);
    const row = document.createElement('div');
    row.className = 'hv-row';
    const off = document.createElement('span');
    off.className = 'hv-off';
    off.textContent = 'offset'.padEnd(digits);
    const hexCol = document.createElement('span');
    hexCol.className = 'hv-hex';
    const ascCol = document.createElement('span');
    ascCol.className = 'hv-asc';
    for (let c = 0; c < COLS; c++) {
      const h = document.createElement('span');
      h.textContent = hex2(c);
      if (c === 8) hexCol.append(' ');
      hexCol.append(h);
      const a = document.createElement('span');
      a.textContent = c.toString(16);
      ascCol.append(a);
    }
    row.append(off, hexCol, ascCol);
    this.head.replaceChildren(row);
  }

  #build() {
    this.rowsEl.textContent = '';
    this.#rows = [];
    for (let r = 0; r < this.#visible; r++) {
      const row = document.createElement('div');
      row.className = 'hv-row';
      const off = document.createElement('span');
      off.className = 'hv-off';
      const hexCol = document.createElement('span');
      hexCol.className = 'hv-hex';
      const ascCol = document.createElement('span');
      ascCol.className = 'hv-asc';
      const cells = [];
      const chars = [];
      for (let c = 0; c < COLS; c++) {
        const h = document.createElement('span');
        h.dataset.k = String(r * COLS + c);
        h.dataset.col = 'hex';
        if (c === 8) hexCol.append(' ');
        hexCol.append(h);
        cells.push(h);
        const a = document.createElement('span');
        a.dataset.k = String(r * COLS + c);
        a.dataset.col = 'ascii';
        ascCol.append(a);
        chars.push(a);
      }
      row.append(off, hexCol, ascCol);
      this.rowsEl.append(row);
      this.#rows.push({ row, off, cells, chars });
    }
  }

  /** Scrolls so that row `top` is the first one shown. */
  setTop(top) {
    this.top = Math.max(0, Math.min(this.maxTop, Math.round(top)));
    const room = this.scroller.scrollHeight - this.scroller.clientHeight;
    const y = this.maxTop === 0 ? 0 : Math.round((this.top / this.maxTop) * room);
    if (Math.abs(this.scroller.scrollTop - y) >= 1) {
      this.#ignoreScroll = y;
      this.scroller.scrollTop = y;
    }
    this.render();
    this.#emit('scroll', this.top);
  }

  #onScroll() {
    const y = this.scroller.scrollTop;
    if (this.#ignoreScroll >= 0 && Math.abs(y - this.#ignoreScroll) <= 1) {
      this.#ignoreScroll = -1;
      return;
    }
    this.#ignoreScroll = -1;
    const room = this.scroller.scrollHeight - this.scroller.clientHeight;
    this.top = room <= 0 ? 0 : Math.round((y / room) * this.maxTop);
    this.render();
    this.#emit('scroll', this.top);
  }

  #onWheel(e) {
    if (!this.doc || e.ctrlKey || e.deltaY === 0) return; // zoom and sideways scrolling stay the browser's
    e.preventDefault();
    const rows = e.deltaMode === 1 ? e.deltaY : e.deltaY / this.#rowHeight;
    this.setTop(this.top + (rows > 0 ? Math.max(1, Math.round(rows)) : Math.min(-1, Math.round(rows))));
  }

  /** Moves the cursor to `offset` (and extends the selection when `extend`), scrolling it into view. */
  goTo(offset, { extend = false, length = 0 } = {}) {
    if (!this.doc) return;
    const last = Math.max(0, this.doc.size - 1);
    const at = Math.max(0, Math.min(last, offset));
    this.#nibble = 0;
    if (length > 0) {
      this.anchor = at;
      this.cursor = Math.min(last, at + length - 1);
    } else {
      this.cursor = at;
      if (!extend) this.anchor = at;
    }
    this.reveal(this.cursor);
    this.#emit('cursor', this.selection);
  }

  /** Scrolls just enough for `offset`'s row to be visible (centred when it was far). */
  reveal(offset) {
    const row = Math.floor(offset / COLS);
    if (row < this.top || row >= this.top + this.#visible) {
      const far = row < this.top - this.#visible || row >= this.top + 2 * this.#visible;
      this.setTop(far ? row - Math.floor(this.#visible / 3) : row < this.top ? row : row - this.#visible + 1);
    } else this.render();
  }

  refresh() {
    if (!this.doc) return;
    const last = Math.max(0, this.doc.size - 1);
    if (this.cursor > last || this.anchor > last) {
      this.cursor = Math.min(this.cursor, last);
      this.anchor = Math.min(this.anchor, last);
    }
    this.layout();
  }

  render() {
    const doc = this.doc;
    this.host.classList.toggle('empty', !doc);
    if (!doc) return;
    const size = doc.size;
    const digits = offsetDigits(Math.max(size, this.minSize));
    const a = Math.min(size, this.top * COLS);
    const b = Math.min(size, this.top * COLS + this.#visible * COLS);
    const classes = new Array(this.#visible * COLS).fill('');
    for (const fn of this.#decorators) {
      for (const [from, to, cls] of fn(a, b) ?? []) {
        for (let i = Math.max(from, a); i < Math.min(to, b); i++) classes[i - a] += ' ' + cls;
      }
    }
    // Read after the decorators: they may call the package, which may grow
    // wasm memory and so detach an earlier view of a chunk. Nothing below allocates.
    const bytes = doc.read(a, b - a);
    const [s0, s1] = this.selection;
    for (let r = 0; r < this.#rows.length; r++) {
      const { row, off, cells, chars } = this.#rows[r];
      const rowOff = (this.top + r) * COLS;
      const inFile = rowOff < Math.max(size, this.minSize) || rowOff === 0;
      row.hidden = !inFile;
      if (!inFile) continue;
      off.textContent = hexOffset(rowOff, digits);
      for (let c = 0; c < COLS; c++) {
        const i = rowOff + c;
        const h = cells[c];
        const ch = chars[c];
        if (i >= size) {
          h.textContent = '  ';
          ch.textContent = ' ';
          h.className = ch.className = 'pad';
          continue;
        }
        let cls = classes[i - a];
        if (i >= s0 && i < s1 && s1 - s0 > 1) cls += ' sel';
        if (i === this.cursor) cls += ' cur';
        if (bytes === null) {
          h.textContent = '··';
          ch.textContent = '·';
          cls += ' loading';
        } else {
          const v = bytes[i - a];
          h.textContent = hex2(v);
          ch.textContent = PRINTABLE[v];
          if (v === 0) cls += ' zero';
        }
        h.className = cls + (this.column === 'hex' ? ' on' : '');
        ch.className = cls + (this.column === 'ascii' ? ' on' : '');
      }
    }
  }

  /**
   * Ctrl+C: the selection as hex digits (from the hex column) or as Latin-1
   * text (from the ASCII column). Capped: a clipboard is not a file transfer.
   */
  async #copy() {
    const [s, e] = this.selection;
    const max = 1 << 20;
    const len = Math.min(e - s, max);
    const bytes = await this.doc.load(s, len);
    const text = this.column === 'hex' ? Array.from(bytes, hex2).join(' ') : Array.from(bytes, (b) => String.fromCharCode(b)).join('');
    try {
      await navigator.clipboard.writeText(text);
      const cut = e - s > max ? ` (the first ${max} of ${e - s})` : '';
      const as = this.column === 'hex' ? 'hex' : 'text';
      this.#emit('message', { text: `Copied ${len} byte${len === 1 ? '' : 's'}${cut} as ${as}.`, kind: 'ok' });
    } catch (err) {
      this.#emit('message', { text: `Copy failed: ${err.message}`, kind: 'error' });
    }
  }

  #cellOffset(target) {
    const cell = target.closest?.('[data-k]');
    if (!cell || !this.doc) return null;
    const i = this.top * COLS + Number(cell.dataset.k);
    return i < this.doc.size ? { i, col: cell.dataset.col } : null;
  }

  #onMouseDown(e) {
    const hit = this.#cellOffset(e.target);
    if (!hit || e.button !== 0) return;
    e.preventDefault();
    this.host.focus();
    this.column = hit.col;
    this.#dragging = true;
    this.goTo(hit.i, { extend: e.shiftKey });
  }

  #onMouseMove(e) {
    if (!this.#dragging || !(e.buttons & 1)) return;
    const hit = this.#cellOffset(e.target);
    if (hit && hit.i !== this.cursor) this.goTo(hit.i, { extend: true });
  }

  #onKey(e) {
    if (!this.doc) return;
    const page = Math.max(1, this.#visible - 1) * COLS;
    const mod = e.ctrlKey || e.metaKey;
    const moves = {
      ArrowLeft: -1,
      ArrowRight: 1,
      ArrowUp: -COLS,
      ArrowDown: COLS,
      PageUp: -page,
      PageDown: page,
    };
    let to = null;
    if (e.key in moves && !mod) to = this.cursor + moves[e.key];
    else if (e.key === 'Home') to = mod ? 0 : this.cursor - (this.cursor % COLS);
    else if (e.key === 'End') to = mod ? this.doc.size - 1 : this.cursor - (this.cursor % COLS) + COLS - 1;
    if (to !== null) {
      e.preventDefault();
      this.goTo(to, { extend: e.shiftKey });
      return;
    }
    if (mod && e.key.toLowerCase() === 'c' && !e.shiftKey && !e.altKey) {
      e.preventDefault();
      this.#copy();
      return;
    }
    if (e.key === 'Tab' && !mod && !e.altKey) {
      e.preventDefault();
      this.column = this.column === 'hex' ? 'ascii' : 'hex';
      this.#nibble = 0;
      this.render();
      return;
    }
    if (mod || e.altKey || e.key.length !== 1) return;
    // Typing overwrites at the cursor: hex digits in the hex column (high
    // nibble, then low nibble, then the next byte), characters in ASCII.
    let value = null;
    // The byte typed over comes from the cache; a read-only file says why without it.
    const old = this.doc.read(this.cursor, 1)?.[0];
    if (old === undefined && this.doc.editable) return;
    if (this.column === 'hex') {
      if (!/^[0-9a-f]$/i.test(e.key)) return;
      const d = parseInt(e.key, 16);
      value = this.#nibble === 0 ? (d << 4) | (old & 0x0f) : (old & 0xf0) | d;
    } else {
      const code = e.key.charCodeAt(0);
      if (code < 0x20 || code > 0x7e) return;
      value = code;
    }
    e.preventDefault();
    try {
      // The second digit of a byte amends the first one's edit: one undo step per byte. The cache shows it at once.
      this.doc
        .overwrite(this.cursor, Uint8Array.of(value), { merge: this.column === 'hex' && this.#nibble === 1 })
        .catch((err) => this.#emit('message', { text: err.message, kind: 'error' }));
    } catch (err) {
      this.#emit('message', { text: err.message, kind: 'error' });
      return;
    }
    this.#emit('edit', this.cursor);
    if (this.column === 'hex' && this.#nibble === 0) {
      this.#nibble = 1;
      this.render();
    } else {
      const next = Math.min(this.doc.size - 1, this.cursor + 1);
      this.goTo(next);
    }
  }
}
