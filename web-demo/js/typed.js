// The typed view: a StrArray format (every code, every byte order) and an
// offset give a table of values and a line chart of them, zoomable to a
// range. Values come from the package's StrArray — over a MemSlice of the
// document's chunk (no copy) or over a window read from a large file.
import { MemSlice, StrArray } from 'wasm-mem';
import { LineChart } from './chart.js';
import { CODES, showValue } from './inspect.js';
import { el, group, hexOffset, InputError, parseOffset } from './util.js';

const MAX_ITEMS = 1_000_000; // one typed read; the chart reduces it per pixel
const MAX_ROWS = 1000; // table rows rendered at once: zoom in to see others

export class TypedView {
  doc = null;
  values = []; // as read (numbers, BigInts, booleans, strings)
  #format = '';
  #offset = 0;
  #itemsize = 1;

  /**
   * @param {HTMLElement} host
   * @param {{onMessage: Function, onJump: (offset: number, length: number) => void, cursor: () => number}} hooks
   */
  constructor(host, hooks) {
    this.hooks = hooks;
    const codeSel = el('select', { id: 'typed-code', title: 'struct code' });
    for (const [code, type] of CODES) codeSel.append(el('option', { value: code }, `${code} — ${type}`));
    codeSel.value = 'h';
    const orderSel = el('select', { id: 'typed-order', title: 'byte order' });
    for (const [v, t] of [['<', '< little-endian'], ['>', '> big-endian'], ['@', '@ native (little in wasm)']]) {
      orderSel.append(el('option', { value: v }, t));
    }
    this.codeSel = codeSel;
    this.orderSel = orderSel;
    this.offsetIn = el('input', { id: 'typed-offset', value: '0', size: 12, spellcheck: false, title: 'offset: decimal or 0x hex' });
    this.countIn = el('input', { id: 'typed-count', value: '512', size: 8, spellcheck: false, title: 'number of values' });
    this.formatOut = el('code', { id: 'typed-format' });
    const show = el('button', { id: 'typed-show', class: 'primary', type: 'submit' }, 'Show');
    const useCursor = el('button', { type: 'button', title: 'the hex view cursor', onclick: () => {
      this.offsetIn.value = '0x' + hooks.cursor().toString(16);
      this.update();
    } }, 'At cursor');
    const form = el('form', { class: 'toolbar-row', id: 'typed-form' },
      el('label', {}, 'Code ', codeSel), el('label', {}, 'Order ', orderSel),
      el('label', {}, 'Offset ', this.offsetIn), el('label', {}, 'Count ', this.countIn),
      show, useCursor, el('span', { class: 'muted' }, 'format '), this.formatOut);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.update();
    });
    // n/N exist only in native order: the order choice follows the code.
    codeSel.addEventListener('change', () => {
      const native = codeSel.value === 'n' || codeSel.value === 'N';
      for (const o of orderSel.options) o.disabled = native && o.value !== '@';
      if (native) orderSel.value = '@';
      this.update();
    });
    orderSel.addEventListener('change', () => this.update());

    this.canvas = el('canvas', { id: 'typed-chart', class: 'chart' });
    this.zoomInfo = el('span', { id: 'typed-zoom', class: 'muted' });
    const reset = el('button', { type: 'button', id: 'typed-reset', onclick: () => this.chart.reset() }, 'Reset zoom');
    this.chart = new LineChart(this.canvas, { onZoom: (a, b) => this.#renderTable(a, b) });
    this.tbody = el('tbody');
    this.table = el('table', { class: 'typed-table', id: 'typed-table' },
      el('thead', {}, el('tr', {}, el('th', {}, 'item'), el('th', {}, 'offset'), el('th', {}, 'value'))), this.tbody);
    this.tbody.addEventListener('click', (e) => {
      const tr = e.target.closest('tr[data-index]');
      if (tr) hooks.onJump(Number(tr.dataset.offset), this.#itemsize);
    });
    this.note = el('div', { class: 'muted', id: 'typed-note' });
    host.append(
      form,
      el('div', { class: 'typed-body' },
        el('div', { class: 'chart-box' },
          el('div', { class: 'chart-head' },
            el('span', {}, 'Drag across the chart to zoom; double-click to see all. '), this.zoomInfo, reset),
          this.canvas),
        el('div', { class: 'table-box' }, this.table, this.note)),
    );
  }

  setDoc(doc) {
    this.doc = doc;
    this.update();
  }

  get format() {
    const code = this.codeSel.value;
    const order = this.orderSel.value;
    return order === '@' && (code === 'n' || code === 'N') ? code : order + code;
  }

  /** Reads the values for the current controls and redraws. */
  async update() {
    const doc = this.doc;
    this.formatOut.textContent = JSON.stringify(this.format);
    if (!doc) return;
    try {
      const offset = parseOffset(this.offsetIn.value, 'Offset', { relativeTo: doc.size }) ?? 0;
      let count = parseOffset(this.countIn.value, 'Count') ?? 512;
      if (count < 1) throw new InputError('Count: must be at least 1');
      if (count > MAX_ITEMS) throw new InputError(`Count: at most ${group(MAX_ITEMS)} values at once`);
      if (offset > doc.size) throw new InputError(`Offset: ${offset} is past the end of the file (${doc.size} bytes)`);
      const format = this.format;
      const probe = new StrArray(format, new Uint8Array(0));
      const size = probe.itemsize;
      count = Math.min(count, Math.floor((doc.size - offset) / size));
      const end = offset + count * size;
      let values;
      if (doc.kind === 'memory') {
        // A live window on the chunk: StrArray reads it in place.
        values = new StrArray(format, new MemSlice(doc.chunk, offset, end)).toArray();
      } else {
        values = new StrArray(format, await doc.load(offset, end - offset)).toArray();
      }
      this.values = values;
      this.#format = format;
      this.#offset = offset;
      this.#itemsize = size;
      this.chart.setValues(values.map(toPlot));
      this.#renderTable(0, values.length);
      if (values.length === 0) this.note.textContent = 'No whole value fits between this offset and the end of the file.';
    } catch (e) {
      this.hooks.onMessage(e);
    }
  }

  #renderTable(from, to) {
    this.zoomInfo.textContent = `items ${group(from)}–${group(Math.max(from, to - 1))} of ${group(this.values.length)}`;
    const rows = [];
    const shown = Math.min(to, from + MAX_ROWS);
    for (let i = from; i < shown; i++) {
      const off = this.#offset + i * this.#itemsize;
      rows.push(el('tr', { dataset: { index: String(i), offset: String(off) } },
        el('td', { class: 'num' }, String(i)), el('td', { class: 'mono' }, '0x' + hexOffset(off, 0)),
        el('td', { class: 'mono num value' }, showValue(this.values[i]))));
    }
    this.tbody.replaceChildren(...rows);
    this.note.textContent =
      to - from > MAX_ROWS ? `Showing the first ${MAX_ROWS} of ${group(to - from)} values in range; zoom the chart to see others.` : '';
    this.table.dataset.format = this.#format;
    this.table.dataset.offset = String(this.#offset);
  }
}

/** A plottable number for any value StrArray gives. */
function toPlot(v) {
  if (typeof v === 'bigint' || typeof v === 'number') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') return v.charCodeAt(0);
  return NaN;
}
