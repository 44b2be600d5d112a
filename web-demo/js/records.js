// The Typed tab's logic without the page: a format and optional names over
// some bytes give a StrArray of scalars or records (the package's own — its
// TypeError is the message users see for a bad format), its columns, the
// text of each cell, the values of one column for the chart, and the table
// as CSV. Pure functions of their arguments, so tests/web-demo runs them in
// Node against StrArray itself. The Worker (worker/typed.js) runs them on the
// document's bytes in place, so the package is imported by path, as a Worker
// must (the page's import map names the same URL).
import { StrArray } from '../../dist/js/index.js';
import { InputError } from './plain.js';

/** Values per item the table shows: a column each, and every one is a DOM cell per row. */
export const MAX_COLUMNS = 256;

/** Table cells decoded and rendered at once, whatever the width of a record. */
const PAGE_CELLS = 60_000;

/** Rows on one page of the table: 1000, fewer for wide records (at least 20). */
export const pageRows = (columns) => Math.min(1000, Math.max(20, Math.floor(PAGE_CELLS / (columns + 2))));

/**
 * The name of the file-offset column (the table's and the CSV's). Records
 * have fields named `offset` (an ELF section header's), so the column gets a
 * name of its own that openTable refuses to give a field: a header never
 * names two columns alike.
 */
export const OFFSET_COLUMN = 'file offset';

/** Codes a chart can plot (s/p are bytes, not numbers). */
const PLOTTABLE = new Set('bBhHiIlLqQnNPefd?c');

/** Codes whose values are numbers or BigInts: their cells align right. */
const NUMERIC = new Set('bBhHiIlLqQnNPefd');

/**
 * The names typed in the Names field: comma-separated, spaces around them
 * trimmed; an empty field means none (items are arrays).
 * @returns {string[] | undefined}
 */
export function parseNames(text) {
  const t = String(text ?? '').trim();
  if (t === '') return undefined;
  return t.split(',').map((n) => n.trim());
}

/**
 * The array the tab shows: `format` over `bytes` with `names`, from byte
 * `place.offset` for at most `place.length` items when given (the Worker's
 * view of a range of a Chunk, in place). Whether the
 * format is a scalar or a record is the package's answer (an item read from
 * one zeroed item is an array or object for a record), not a second parser.
 * A bad format or bad names throw the package's TypeError.
 * @returns {{array: StrArray, rows: StrArray, record: boolean, columns: {label: string, code: string, size: number, offset: number, plottable: boolean}[]}}
 */
export function openTable(format, bytes, names, place = undefined) {
  const options = names === undefined ? undefined : { names };
  const probe = new StrArray(format, new Uint8Array(0), options); // a bad format or bad names throw here
  if (names?.includes(OFFSET_COLUMN)) {
    throw new InputError(`Names: '${OFFSET_COLUMN}' is the name of the table's own column of file offsets; give that field another name`);
  }
  if (probe.fields.length > MAX_COLUMNS) {
    throw new InputError(
      `Format: ${probe.fields.length} values per item; the table shows at most ${MAX_COLUMNS} (an s code reads many bytes as one value)`,
    );
  }
  // A scalar is at most 8 bytes, so a large item (up to 2 GB: '2000000000s') is never allocated to ask.
  const one = probe.itemsize > 8 ? [] : new StrArray(format, new Uint8Array(probe.itemsize), options).get(0);
  const record = typeof one === 'object' && one !== null;
  const array = new StrArray(format, bytes, { ...options, ...place });
  // Rows are read as arrays from a twin without names: a value is never lost
  // to a name such as '__proto__' that a plain object cannot hold as a key.
  const rows = options ? new StrArray(format, bytes, place) : array;
  const columns = probe.fields.map((f, k) => ({
    label: record ? (f.name ?? `#${k} ${f.code === 's' || f.code === 'p' ? f.size + f.code : f.code}`) : 'value',
    code: f.code,
    size: f.size,
    offset: f.offset,
    plottable: PLOTTABLE.has(f.code),
    numeric: NUMERIC.has(f.code),
  }));
  return { array, rows, record, columns };
}

/** The values of item i in field order (a scalar is a one-value row). */
export function rowValues(table, i) {
  const item = table.rows.get(i);
  return table.record ? item : [item];
}

/**
 * Bytes as `mem array` prints s/p/c values: printable ASCII other than the
 * backslash as is, any other byte as \xNN (the backslash as \x5c, so the
 * text reads back to one byte string).
 */
export function escapeBytes(bytes) {
  let out = '';
  for (const b of bytes) out += b >= 0x20 && b <= 0x7e && b !== 0x5c ? String.fromCharCode(b) : '\\x' + b.toString(16).padStart(2, '0');
  return out;
}

/** The text of a value as the CSV holds it (and as `mem array` prints text values). */
export function valueText(v) {
  if (v instanceof Uint8Array) return escapeBytes(v);
  if (typeof v === 'string') return escapeBytes([v.charCodeAt(0)]); // c: one Latin-1 character
  if (typeof v === 'number' && Object.is(v, -0)) return '-0';
  return String(v); // numbers, BigInts, booleans
}

/** The text of a value in the table: c values quoted, as the selection panel shows them. */
export function cellText(v) {
  return typeof v === 'string' ? `'${valueText(v)}'` : valueText(v);
}

/** Text cells (c, s, p values and the header's names) come from the file or the user; numbers are ours. */
const isText = (v) => typeof v === 'string' || v instanceof Uint8Array;

/**
 * One CSV field (RFC 4180). A text cell that begins with = + - @, a tab or a
 * carriage return would be a formula to a spreadsheet: it gets a leading '
 * and quotes, as OWASP's CSV-injection advice says. Numbers the decoder made
 * (a negative one starts with -) stay numbers, so sums still work on them.
 * @param {string} text
 * @param {boolean} textCell whether the cell is text (escaped) rather than a number
 */
export function csvField(text, textCell = true) {
  if (textCell && /^[=+\-@\t\r]/.test(text)) return `"'${text.replaceAll('"', '""')}"`;
  if (/[",\r\n]/.test(text)) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

/** The header line: the file offset (OFFSET_COLUMN), then one column per value. */
export function csvHeader(table) {
  return [OFFSET_COLUMN, ...table.columns.map((c) => c.label)].map((t) => csvField(t)).join(',');
}

/**
 * CSV lines (no line ends) of items [from, to): the byte offset of each item
 * in the file (`base` = the offset of item 0) and its values.
 */
export function* csvLines(table, from, to, base = 0) {
  const size = table.array.itemsize;
  for (let i = from; i < to; i++) {
    const cells = [String(base + i * size)];
    for (const v of rowValues(table, i)) cells.push(csvField(valueText(v), isText(v)));
    yield cells.join(',');
  }
}

/** The whole table [from, to) as one CSV text, header first, CRLF line ends (RFC 4180). */
export function toCsv(table, from, to, base = 0) {
  return [csvHeader(table), ...csvLines(table, from, to, base)].join('\r\n') + '\r\n';
}

/** A plottable number for any value StrArray gives. */
export function toPlot(v) {
  if (typeof v === 'bigint' || typeof v === 'number') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') return v.charCodeAt(0);
  return NaN;
}

/**
 * The chart's numbers for column k: the column is the package's strided
 * view (one value of every record, no other value decoded).
 * @returns {Float64Array}
 */
export function columnValues(table, k) {
  const col = table.record ? table.array.column(k) : table.array;
  const code = table.columns[k].code;
  const out = new Float64Array(col.length);
  if (code === 'c' || code === '?') {
    let i = 0;
    for (const v of col) out[i++] = toPlot(v);
  } else {
    const typed = col.toTypedArray();
    for (let i = 0; i < out.length; i++) out[i] = Number(typed[i]);
  }
  return out;
}

/**
 * What the chart draws of `values` (the charted items [from, to), in order)
 * on `width` pixel columns: the values themselves when there are at most two
 * per column, else each column's min and max (NaN where it has no finite
 * value), so a one-item spike stays visible whatever the zoom. Column px
 * holds items [⌊px·n/width⌋, max(that + 1, ⌊(px+1)·n/width⌋)).
 * @returns {{from: number, to: number, values?: Float64Array, min?: Float64Array, max?: Float64Array}}
 */
export function decimate(values, from, to, width) {
  const n = values.length;
  const w = Math.max(1, Math.floor(width));
  if (n <= 2 * w) return { from, to, values: Float64Array.from(values) };
  const min = new Float64Array(w);
  const max = new Float64Array(w);
  for (let px = 0; px < w; px++) {
    const a = Math.floor((px * n) / w);
    const b = Math.max(a + 1, Math.floor(((px + 1) * n) / w));
    let mn = Infinity;
    let mx = -Infinity;
    for (let i = a; i < b; i++) {
      const v = values[i];
      if (!(v > -Infinity && v < Infinity)) continue; // NaN and ±Infinity are not plotted (the chart's rule)
      if (v < mn) mn = v;
      if (v > mx) mx = v;
    }
    min[px] = mn === Infinity ? NaN : mn;
    max[px] = mx === -Infinity ? NaN : mx;
  }
  return { from, to, min, max };
}
