// The typed view: any struct format — a scalar ('<h') or a record
// ('<I4sHh', with optional names) — from an offset gives a table of items and
// a line chart of one numeric column, zoomable to a range, and the table
// exports as CSV. The work runs in the Worker that holds the document
// (worker/typed.js, on the bytes in place): the page asks for what it shows
// — a page of rows as cell text, the chart's column decimated to the
// canvas's width, the CSV as a Blob — and a request superseded by a newer
// one (fast paging, zooming) is dropped (latest.js).
import { LineChart } from './chart.js';
import { isEdit } from './doc.js';
import { CODES } from './inspect.js';
import { DROPPED, newestOnly } from './latest.js';
import { OFFSET_COLUMN, pageRows, parseNames } from './records.js';
import { call } from './remote.js';
import { el, group, hexOffset, InputError, parseOffset, saveBlob, yieldToBrowser } from './util.js';

const MAX_ITEMS = 1_000_000; // items in one view; the chart reduces them per pixel
const ROW_BATCH = 200; // table rows built in one task of the page
const MAX_WINDOW_BYTES = 64 << 20; // worker/typed.js's cap on a windowed document's range (read as one copy)

export class TypedView {
  doc = null;
  table = null; // worker/typed.js's description: {itemsize, count, clipped, record, columns}
  values = new Float64Array(0); // the charted values, when the chart has one per item (else empty)
  #spec = null; // what every request names: {doc, format, names, offset, count}
  #base = 0; // file offset of item 0
  #rows = newestOnly((args) => call('typedRows', args));
  #series = newestOnly((args) => call('typedColumn', args));
  #from = 0; // the range the chart shows (and the table pages through)
  #to = 0;
  #first = 0; // first row of the table's page
  #column = 0;
  #unwatch = null;
  #stale = false; // the document changed while the tab was hidden
  #reads = 0; // update() calls so far: a slow window read that lost the race is dropped
  #renders = 0; // pages rendered so far: a page still being appended stops when a newer one comes

  /**
   * @param {HTMLElement} host
   * @param {{onMessage: Function, onJump: (offset: number, length: number) => void, cursor: () => number}} hooks
   */
  constructor(host, hooks) {
    this.hooks = hooks;
    this.formatIn = el('input', {
      id: 'typed-format-in',
      value: '<h',
      size: 22,
      spellcheck: false,
      autocomplete: 'off',
      title: "a struct format: '<h', '>I4s', '<4sI4s4sIHHIIHH4sI'",
    });
    this.namesIn = el('input', {
      id: 'typed-names',
      value: '',
      size: 30,
      spellcheck: false,
      autocomplete: 'off',
      placeholder: 'a, b, c (optional)',
      title: 'one name per value of a record, comma-separated',
    });
    // The code and order pickers write a scalar format into the field: a quick start.
    const codeSel = el('select', { id: 'typed-code', title: 'pick a scalar code' });
    for (const [code, type] of CODES) codeSel.append(el('option', { value: code }, `${code} — ${type}`));
    codeSel.value = 'h';
    const orderSel = el('select', { id: 'typed-order', title: 'byte order of the format' });
    for (const [v, t] of [
      ['<', '< little-endian'],
      ['>', '> big-endian'],
      ['@', '@ native (little in wasm)'],
    ]) {
      orderSel.append(el('option', { value: v }, t));
    }
    this.codeSel = codeSel;
    this.orderSel = orderSel;
    this.offsetIn = el('input', {
      id: 'typed-offset',
      value: '0',
      size: 12,
      spellcheck: false,
      title: 'offset: decimal or 0x hex, negative from the end',
    });
    this.countIn = el('input', {
      id: 'typed-count',
      value: '512',
      size: 8,
      spellcheck: false,
      title: 'number of items (values or records)',
    });
    this.formatOut = el('code', { id: 'typed-format' });
    const show = el('button', { id: 'typed-show', class: 'primary', type: 'submit' }, 'Show');
    const useCursor = el(
      'button',
      {
        type: 'button',
        id: 'typed-at-cursor',
        title: 'the hex view cursor',
        onclick: () => {
          this.offsetIn.value = '0x' + hooks.cursor().toString(16);
          this.update();
        },
      },
      'At cursor',
    );
    const form = el(
      'form',
      { class: 'toolbar-row', id: 'typed-form' },
      el('label', {}, 'Format ', this.formatIn),
      el('label', {}, 'Names ', this.namesIn),
      el('label', {}, 'Offset ', this.offsetIn),
      el('label', {}, 'Count ', this.countIn),
      show,
      useCursor,
      el('label', { class: 'typed-pick' }, 'Code ', codeSel),
      el('label', { class: 'typed-pick' }, 'Order ', orderSel),
      el('span', { class: 'muted' }, 'showing '),
      this.formatOut,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.update();
    });
    codeSel.addEventListener('change', () => {
      // n/N exist only in native order: the order choice follows the code.
      const native = codeSel.value === 'n' || codeSel.value === 'N';
      for (const o of orderSel.options) o.disabled = native && o.value !== '@';
      if (native) orderSel.value = '@';
      this.formatIn.value = scalarFormat(codeSel.value, orderSel.value);
      this.namesIn.value = '';
      this.update();
    });
    orderSel.addEventListener('change', () => {
      // A typed record format keeps its items; only its byte-order character changes.
      const f = this.formatIn.value.trim();
      this.formatIn.value = /^[@=<>!]/.test(f) ? orderSel.value + f.slice(1) : orderSel.value + f;
      if (orderSel.value === '@' && /^@[nN]$/.test(this.formatIn.value)) this.formatIn.value = this.formatIn.value.slice(1);
      this.update();
    });

    this.columnSel = el('select', { id: 'typed-column', title: 'the column the chart shows' });
    this.columnSel.addEventListener('change', () => this.#chartColumn(Number(this.columnSel.value)));
    this.canvas = el('canvas', { id: 'typed-chart', class: 'chart' });
    this.zoomInfo = el('span', { id: 'typed-zoom', class: 'muted' });
    const reset = el('button', { type: 'button', id: 'typed-reset', onclick: () => this.chart.reset() }, 'Reset zoom');
    this.chart = new LineChart(this.canvas, { onZoom: (a, b) => this.#setRange(a, b), onWidth: () => this.#loadSeries() });
    this.thead = el('thead');
    this.tbody = el('tbody');
    this.tableEl = el('table', { class: 'typed-table', id: 'typed-table' }, this.thead, this.tbody);
    this.tbody.addEventListener('click', (e) => {
      const tr = e.target.closest('tr[data-index]');
      if (tr && this.table) hooks.onJump(Number(tr.dataset.offset), this.table.itemsize);
    });
    this.prevBtn = el('button', { type: 'button', id: 'typed-prev', onclick: () => this.#page(-1) }, '◀ Rows');
    this.nextBtn = el('button', { type: 'button', id: 'typed-next', onclick: () => this.#page(1) }, 'Rows ▶');
    this.pageInfo = el('span', { id: 'typed-page', class: 'muted' });
    this.csvBtn = el(
      'button',
      { type: 'button', id: 'typed-csv', title: 'the items of the chart range as CSV', onclick: () => this.exportCsv() },
      'Export CSV',
    );
    this.note = el('div', { class: 'muted', id: 'typed-note' });
    this.body = el(
      'div',
      { class: 'typed-body' },
      el(
        'div',
        { class: 'chart-box' },
        el(
          'div',
          { class: 'chart-head' },
          el('label', {}, 'Column ', this.columnSel),
          el('span', {}, 'Drag across the chart to zoom; double-click to see all. '),
          this.zoomInfo,
          reset,
        ),
        this.canvas,
      ),
      el(
        'div',
        { class: 'table-box' },
        el('div', { class: 'table-head' }, this.prevBtn, this.pageInfo, this.nextBtn, this.csvBtn),
        el('div', { class: 'table-scroll' }, this.tableEl, this.note),
      ),
    );
    host.append(form, this.body);
    this.formatOut.textContent = JSON.stringify(this.formatIn.value);
  }

  setDoc(doc) {
    this.#unwatch?.();
    this.doc = doc;
    // Edits change the bytes under the table: read them again.
    this.#unwatch = doc?.changed.on((e) => isEdit(e) && this.#refresh()) ?? null;
    this.#refresh();
  }

  // A hidden tab's table and chart are work nobody sees (90 ms of the main
  // thread when a file opens): read when the tab is next shown.
  #refresh() {
    if (this.body.closest('[hidden]')) this.#stale = true;
    else this.update();
  }

  /** The tab is shown: read what changed while it was hidden, else redraw the chart (it had no size). */
  shown() {
    if (!this.#stale) return this.chart.draw();
    this.#stale = false;
    this.update();
  }

  get format() {
    return this.formatIn.value.trim();
  }

  /** Asks the Worker for the table of the current controls, then its first page and chart. */
  async update() {
    const doc = this.doc;
    const format = this.format;
    const read = ++this.#reads;
    if (!doc) return;
    try {
      const names = parseNames(this.namesIn.value);
      const offset = parseOffset(this.offsetIn.value, 'Offset', { relativeTo: doc.size }) ?? 0;
      const count = parseOffset(this.countIn.value, 'Count') ?? 512;
      if (count < 1) throw new InputError('Count: must be at least 1');
      if (count > MAX_ITEMS) throw new InputError(`Count: at most ${group(MAX_ITEMS)} items at once`);
      if (offset > doc.size) throw new InputError(`Offset: ${offset} is past the end of the file (${doc.size} bytes)`);
      // A bad format or names: the package's TypeError, from the Worker.
      const spec = { doc: doc.id, format, names, offset, count };
      const table = await call('typedTable', spec);
      if (read !== this.#reads) return; // another file, format or offset was asked for meanwhile
      this.table = table;
      this.#spec = spec;
      this.#base = offset;
      this.#renderHead();
      const keep = table.columns[this.#column]?.plottable ? this.#column : table.columns.findIndex((c) => c.plottable);
      this.columnSel.value = String(keep);
      this.#column = keep;
      this.chart.setLength(table.count);
      await this.#setRange(0, table.count);
      if (read !== this.#reads) return;
      // The label names the format the table shows: a rejected one (thrown
      // above) leaves both as they were.
      this.formatOut.textContent = JSON.stringify(format);
      this.tableEl.dataset.format = format;
      this.tableEl.dataset.offset = String(offset);
      this.tableEl.dataset.names = names ? names.join(',') : '';
      if (table.count === 0) this.note.textContent = 'No whole item fits between this offset and the end of the file.';
      else if (table.clipped) {
        this.note.textContent = `Showing the first ${group(table.count)} items (${MAX_WINDOW_BYTES >> 20} MiB) from this offset: the file is read in windows.`;
      }
    } catch (e) {
      this.hooks.onMessage(e);
    }
  }

  #renderHead() {
    const { columns, record } = this.table;
    // Records get the whole width for their table, under the chart.
    this.body.classList.toggle('records', record);
    this.thead.replaceChildren(
      el(
        'tr',
        {},
        el('th', {}, 'item'),
        el('th', {}, OFFSET_COLUMN),
        ...columns.map((c) => el('th', { title: `${c.code}, ${c.size} byte(s) at +${c.offset}` }, c.label)),
      ),
    );
    this.columnSel.replaceChildren(
      ...columns.map((c, k) => el('option', { value: String(k), disabled: !c.plottable }, record ? c.label : 'value')),
    );
    this.columnSel.disabled = columns.length < 2;
  }

  #chartColumn(k) {
    this.#column = k;
    this.chart.setLength(this.table?.count ?? 0); // resets the zoom: the range is every item
    this.#setRange(0, this.table?.count ?? 0);
  }

  /** The chart's range changed: the table shows its first page, the chart that range. */
  #setRange(from, to) {
    this.#from = from;
    this.#to = to;
    this.#first = from;
    return Promise.all([this.#loadRows(), this.#loadSeries()]);
  }

  /** Asks for the chart's series of the current range and column; a newer request drops it. */
  async #loadSeries() {
    if (!this.#spec) return;
    const k = this.#column;
    try {
      const series = await this.#series({
        ...this.#spec,
        column: k,
        from: this.#from,
        to: this.#to,
        width: Math.max(50, this.chart.plotWidth),
      });
      if (series === DROPPED) return;
      this.values = series.values ?? new Float64Array(0);
      this.chart.setSeries(series);
      this.tableEl.dataset.column = k >= 0 ? this.table.columns[k].label : '';
    } catch (e) {
      this.hooks.onMessage(e); // the bytes changed under a live view, or the document closed
    }
  }

  get #pageRows() {
    return pageRows(this.table?.columns.length ?? 1);
  }

  #page(dir) {
    const first = this.#first + dir * this.#pageRows;
    if (first < this.#from || first >= this.#to) return;
    this.#first = first;
    this.#loadRows();
  }

  /** Asks for the rows of the page at #first and shows them; a newer request drops it. */
  async #loadRows() {
    if (!this.#spec) return;
    const from = this.#from;
    const to = this.#to;
    const first = this.#first;
    const shown = Math.min(to, first + this.#pageRows);
    // The buttons follow at once: a fast burst of clicks pages on without waiting for the rows.
    this.prevBtn.disabled = first <= from;
    this.nextBtn.disabled = shown >= to;
    this.pageInfo.textContent = to > from ? `rows ${group(first)}–${group(shown - 1)}` : '';
    this.zoomInfo.textContent = `items ${group(from)}–${group(Math.max(from, to - 1))} of ${group(this.table?.count ?? 0)}`;
    let page;
    try {
      page = await this.#rows({ ...this.#spec, first, last: shown });
    } catch (e) {
      return this.hooks.onMessage(e);
    }
    if (page === DROPPED) return;
    if (!(await this.#renderRows(page))) return; // a newer page is being shown
    const paged = to - from > this.#pageRows;
    this.note.textContent = paged ? `${group(to - from)} items in range: page with the row buttons, or zoom the chart.` : '';
  }

  /**
   * Shows the page's rows: the first ROW_BATCH at once, the rest appended a
   * batch per task, so no task of the page builds (and lays out) a thousand
   * rows at once. A newer page stops an older one's appending.
   */
  async #renderRows({ first, cells }) {
    const render = ++this.#renders;
    for (let a = 0; a < cells.length || a === 0; a += ROW_BATCH) {
      if (a > 0) await yieldToBrowser();
      if (render !== this.#renders) return false;
      const rows = this.#rowsOf(first, cells, a, Math.min(cells.length, a + ROW_BATCH));
      if (a === 0) this.tbody.replaceChildren(...rows);
      else this.tbody.append(...rows);
    }
    return true;
  }

  /** The <tr> elements of cells [a, b) of a page starting at item `first`. */
  #rowsOf(first, cells, a, b) {
    const size = this.table?.itemsize ?? 1;
    const numeric = this.table?.columns.map((c) => c.numeric) ?? [];
    return cells.slice(a, b).map((values, r) => {
      const i = first + a + r;
      const off = this.#base + i * size;
      return el(
        'tr',
        { dataset: { index: String(i), offset: String(off) } },
        el('td', { class: 'num' }, String(i)),
        el('td', { class: 'mono' }, '0x' + hexOffset(off, 0)),
        ...values.map((text, k) => el('td', { class: `mono value${numeric[k] ? ' num' : ''}`, dataset: { col: String(k) } }, text)),
      );
    });
  }

  /**
   * Downloads the items of the chart's range as CSV (every page, not only the
   * one shown), built in the Worker as a Blob: the page never waits.
   */
  async exportCsv() {
    if (!this.table || !this.doc) return this.hooks.onMessage(new InputError('Export CSV: open a file and show a table first'));
    const spec = this.#spec;
    try {
      const blob = await call('typedCsv', { ...spec, from: this.#from, to: this.#to });
      if (spec !== this.#spec) return; // the table changed meanwhile: that export is stale
      saveBlob(blob, `${this.doc.name}.${hexOffset(this.#base, 0)}.csv`);
    } catch (e) {
      this.hooks.onMessage(e);
    }
  }
}

/** The format a code and an order give: n/N only without a prefix (native). */
function scalarFormat(code, order) {
  return order === '@' && (code === 'n' || code === 'N') ? code : order + code;
}
