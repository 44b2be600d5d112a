// The selection inspector: offset, length, and the bytes at the selection's
// start read in every StrArray code, little- and big-endian — each value is
// read by the package's StrArray itself, so the page shows exactly what
// `new StrArray(format, bytes).get(0)` gives.
import { StrArray } from 'wasm-mem';
import { el, group, showOffset, toHexText } from './util.js';

/** Every code of SPEC §5 with a short description; n/N exist only in native order. */
export const CODES = [
  ['b', 'int8'],
  ['B', 'uint8'],
  ['h', 'int16'],
  ['H', 'uint16'],
  ['i', 'int32'],
  ['I', 'uint32'],
  ['l', 'long·32'],
  ['L', 'ulong·32'],
  ['q', 'int64'],
  ['Q', 'uint64'],
  ['n', 'ssize_t·32'],
  ['N', 'size_t·32'],
  ['e', 'float16'],
  ['f', 'float32'],
  ['d', 'float64'],
  ['?', 'bool'],
  ['c', 'char'],
];

/** Text for a value read by StrArray (characters quoted and escaped, floats as JS prints them). */
export function showValue(v) {
  if (typeof v === 'string') {
    const code = v.charCodeAt(0);
    return code >= 0x20 && code < 0x7f ? `'${v}'` : `'\\x${code.toString(16).padStart(2, '0')}'`;
  }
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number' && Object.is(v, -0)) return '-0';
  return String(v);
}

/**
 * The value of `bytes` (a JS copy, at least the format's size) in `format`,
 * or '—' when too few bytes remain (the end of the file).
 */
export function readValue(format, bytes) {
  const a = new StrArray(format, bytes);
  return a.length > 0 ? showValue(a.get(0)) : '—';
}

export class Inspector {
  /** @param {HTMLElement} host */
  constructor(host) {
    this.host = host;
    this.summary = el('div', { class: 'insp-summary', id: 'selection-info' });
    this.bytes = el('div', { class: 'insp-bytes mono' });
    this.table = el('table', { class: 'insp-table', id: 'inspector' });
    this.table.append(
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', {}, 'code'),
          el('th', {}, 'type'),
          el('th', { title: 'little-endian' }, 'little <'),
          el('th', { title: 'big-endian' }, 'big >'),
        ),
      ),
    );
    this.tbody = el('tbody');
    this.table.append(this.tbody);
    this.rows = CODES.map(([code, type]) => {
      const native = code === 'n' || code === 'N';
      const le = el('td', { class: 'mono', dataset: { format: native ? code : `<${code}` } });
      const be = el('td', { class: 'mono', dataset: { format: native ? '' : `>${code}` } });
      const title = native ? `${type}: native order only (no prefix or @), as in struct` : type;
      const tr = el('tr', {}, el('td', { class: 'mono code' }, code), el('td', { class: 'type', title }, type), le, be);
      if (native) {
        le.colSpan = 2;
        be.remove();
      }
      this.tbody.append(tr);
      return { code, le, be };
    });
    host.append(this.summary, this.bytes, this.table);
  }

  /**
   * Shows the selection [start, end) of `doc`; `head` holds the (up to 8)
   * bytes at `start`, or null while a windowed file's page loads.
   */
  show(doc, start, end, head) {
    if (!doc || doc.size === 0) {
      this.summary.textContent = doc ? 'The file is empty.' : 'No file open.';
      this.bytes.textContent = '';
      for (const r of this.rows) r.le.textContent = r.be.textContent = '';
      return;
    }
    const len = end - start;
    this.summary.dataset.offset = String(start);
    this.summary.dataset.length = String(len);
    this.summary.textContent = `Offset ${showOffset(start)} · length ${group(len)} byte${len === 1 ? '' : 's'}`;
    if (head === null) {
      this.bytes.textContent = 'loading…';
      return;
    }
    // Values are read at the selection's start from the file's bytes, not
    // cut to the selection: after a 2-byte match, `i`, `q`, `f` and `d` still
    // show what the file holds there ('—' only past the end of the file).
    this.bytes.textContent = toHexText(head);
    for (const r of this.rows) {
      // Long values are cut with an ellipsis to fit; the tooltip has them whole.
      if (r.code === 'n' || r.code === 'N') r.le.textContent = r.le.title = readValue(r.code, head);
      else {
        r.le.textContent = r.le.title = readValue(`<${r.code}`, head);
        r.be.textContent = r.be.title = readValue(`>${r.code}`, head);
      }
    }
  }
}
