// The typed view: any struct format — a scalar ('<h') or a record
// ('<I4sHh', with optional names) — from an offset gives a table of items and
// a line chart of one numeric column, zoomable to a range, and the table
// exports as CSV. Values come from the package's StrArray over the range's
// bytes, read from the Worker that holds the document (one copy of at most
// MAX_WINDOW_BYTES); records.js turns them into cells, chart values and CSV lines.
//
// Large files stay responsive: only one page of table rows is decoded at a
// time (1000 rows, fewer for wide records), the chart reads just its column (a strided view, no other value
// decoded), and the CSV is written in batches between which the page paints.
import { LineChart } from './chart.js';
import { isEdit } from './doc.js';
import { CODES } from './inspect.js';
import { cellText, columnValues, csvHeader, csvLines, OFFSET_COLUMN, openTable, pageRows, parseNames, rowValues } from './records.js';
import { el, group, hexOffset, InputError, parseOffset, yieldToBrowser } from './util.js';

const MAX_ITEMS = 1_000_000; // items in one view; the chart reduces them per pixel
const MAX_WINDOW_BYTES = 64 << 20; // the range is read from the Worker as one copy of at most this
const CSV_BATCH = 20_000; // CSV lines written between two paints

export class TypedView {
  doc = null;
  table = null; // records.js table: {array, record, columns}
  values = new Float64Array(0); // the charted column, as numbers
  #base = 0; // file offset of item 0
  #from = 0; // the range the chart shows (and the table pages through)
  #to = 0;
  #first = 0; // first row of the table's page
  #column = 0;
  #unwatch = null;
  #stale = false; // the document changed while the tab was hidden
  #reads = 0; // update() calls so far: a slow window read that lost the race is dropped

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
    this.chart = new LineChart(this.canvas, { onZoom: (a, b) => this.#setRange(a, b) });
    this.thead = el('thead');
    this.tbody = el('tbody');
    this.tableEl = el('table', { class: 'typed-table', id: 'typed-table' }, this.thead, this.tbody);
    this.tbody.addEventListener('click', (e) => {
      const tr = e.target.closest('tr[data-index]');
      if (tr && this.table) hooks.onJump(Number(tr.dataset.offset), this.table.array.itemsize);
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

  /** Reads the items for the current controls and redraws. */
  async update() {
    const doc = this.doc;
    const format = this.format;
    const read = ++this.#reads;
    if (!doc) return;
    try {
      const names = parseNames(this.namesIn.value);
      const offset = parseOffset(this.offsetIn.value, 'Offset', { relativeTo: doc.size }) ?? 0;
      let count = parseOffset(this.countIn.value, 'Count') ?? 512;
      if (count < 1) throw new InputError('Count: must be at least 1');
      if (count > MAX_ITEMS) throw new InputError(`Count: at most ${group(MAX_ITEMS)} items at once`);
      if (offset > doc.size) throw new InputError(`Offset: ${offset} is past the end of the file (${doc.size} bytes)`);
      // The format and names first, over no bytes: the package's TypeError says what is wrong.
      const size = openTable(format, new Uint8Array(0), names).array.itemsize;
      count = Math.min(count, Math.floor((doc.size - offset) / size));
      let clipped = false;
      if (count * size > MAX_WINDOW_BYTES) {
        count = Math.floor(MAX_WINDOW_BYTES / size);
        clipped = true;
      }
      const end = offset + count * size;
      const bytes = await doc.load(offset, end - offset);
      if (read !== this.#reads) return; // another file, format or offset was asked for meanwhile
      this.table = openTable(format, bytes, names);
      this.#base = offset;
      this.#renderHead();
      const keep = this.table.columns[this.#column]?.plottable ? this.#column : this.table.columns.findIndex((c) => c.plottable);
      this.columnSel.value = String(keep);
      this.#chartColumn(keep);
      // The label names the format the table shows: a rejected one (thrown
      // above) leaves both as they were.
      this.formatOut.textContent = JSON.stringify(format);
      this.tableEl.dataset.format = format;
      this.tableEl.dataset.offset = String(offset);
      this.tableEl.dataset.names = names ? names.join(',') : '';
      if (count === 0) this.note.textContent = 'No whole item fits between this offset and the end of the file.';
      else if (clipped) this.note.textContent = `Showing the first ${group(count)} items (${MAX_WINDOW_BYTES >> 20} MiB) from this offset.`;
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
    const n = this.table.array.length;
    this.values = k >= 0 ? columnValues(this.table, k) : new Float64Array(n).fill(NaN);
    this.chart.setValues(this.values); // resets the zoom: the range is every item
    this.#setRange(0, n);
    this.tableEl.dataset.column = k >= 0 ? this.table.columns[k].label : '';
  }

  /** The chart's range changed: the table shows its first page. */
  #setRange(from, to) {
    this.#from = from;
    this.#to = to;
    this.#first = from;
    this.#renderRows();
  }

  get #pageRows() {
    return pageRows(this.table?.columns.length ?? 1);
  }

  #page(dir) {
    const first = this.#first + dir * this.#pageRows;
    if (first < this.#from || first >= this.#to) return;
    this.#first = first;
    this.#renderRows();
  }

  #renderRows() {
    const from = this.#from;
    const to = this.#to;
    this.zoomInfo.textContent = `items ${group(from)}–${group(Math.max(from, to - 1))} of ${group(this.values.length)}`;
    const shown = Math.min(to, this.#first + this.#pageRows);
    const size = this.table?.array.itemsize ?? 1;
    const rows = [];
    try {
      for (let i = this.#first; i < shown; i++) {
        const off = this.#base + i * size;
        rows.push(
          el(
            'tr',
            { dataset: { index: String(i), offset: String(off) } },
            el('td', { class: 'num' }, String(i)),
            el('td', { class: 'mono' }, '0x' + hexOffset(off, 0)),
            ...rowValues(this.table, i).map((v, k) =>
              el(
                'td',
                { class: `mono value${typeof v === 'number' || typeof v === 'bigint' ? ' num' : ''}`, dataset: { col: String(k) } },
                cellText(v),
              ),
            ),
          ),
        );
      }
    } catch (e) {
      this.hooks.onMessage(e); // the bytes changed under a live view
    }
    this.tbody.replaceChildren(...rows);
    const paged = to - from > this.#pageRows;
    this.prevBtn.disabled = this.#first <= from;
    this.nextBtn.disabled = shown >= to;
    this.pageInfo.textContent = to > from ? `rows ${group(this.#first)}–${group(shown - 1)}` : '';
    this.note.textContent = paged ? `${group(to - from)} items in range: page with the row buttons, or zoom the chart.` : '';
  }

  /**
   * Downloads the items of the chart's range as CSV (every page, not only the
   * one shown), written in batches so that a million rows do not freeze the page.
   */
  async exportCsv() {
    const table = this.table;
    if (!table || !this.doc) return this.hooks.onMessage(new InputError('Export CSV: open a file and show a table first'));
    try {
      const parts = [csvHeader(table) + '\r\n'];
      const lines = [];
      let n = 0;
      for (const line of csvLines(table, this.#from, this.#to, this.#base)) {
        lines.push(line);
        if (++n % CSV_BATCH === 0) {
          parts.push(lines.join('\r\n') + '\r\n');
          lines.length = 0;
          await yieldToBrowser();
          if (table !== this.table) return; // the table changed meanwhile: that export is stale
        }
      }
      if (lines.length) parts.push(lines.join('\r\n') + '\r\n');
      const url = URL.createObjectURL(new Blob(parts, { type: 'text/csv' }));
      const a = el('a', { href: url, download: `${this.doc.name}.${hexOffset(this.#base, 0)}.csv` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000); // the download has its own copy by then
    } catch (e) {
      this.hooks.onMessage(e);
    }
  }
}

/** The format a code and an order give: n/N only without a prefix (native). */
function scalarFormat(code, order) {
  return order === '@' && (code === 'n' || code === 'N') ? code : order + code;
}
