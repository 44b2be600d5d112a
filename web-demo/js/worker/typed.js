// The Typed tab's work, in the Worker that owns the documents (docs.js): a
// format (and names) from a file offset gives a table (records.js), and the
// page asks only for what it shows — a page of rows as the text of their
// cells, the chart's column decimated to the canvas's width, the CSV as a
// Blob. A document in memory is read in place (a StrArray over its Chunk,
// no copy); a windowed one through readRange: a page of rows reads just its
// bytes, a column reads the range once (at most MAX_WINDOW_BYTES) and keeps
// it for the next zoom.
//
// `spec` (every request carries it): {doc, format, names, offset, count},
// the page's controls; count is what the page asked for, clipped here.
import { cellText, columnValues, csvHeader, csvLines, decimate, openTable, rowValues } from '../records.js';
import { docOf, readRange } from './docs.js';

/** A windowed document's typed range is read as one copy of at most this. */
export const MAX_WINDOW_BYTES = 64 << 20;

/** CSV lines joined into one Blob part (and between two cancellation checks). */
const CSV_BATCH = 20_000;

let kept = null; // {doc, start, end, bytes}: the last range read of a windowed document

/**
 * The table `spec` gives: its columns, item size, and the number of items
 * (clipped to the file's end; for a windowed document to MAX_WINDOW_BYTES,
 * `clipped` saying so). A bad format or bad names throw the package's TypeError.
 */
export function describeTable({ doc, format, names, offset, count }) {
  const d = docOf(doc);
  const { array, record, columns } = openTable(format, new Uint8Array(0), names);
  const size = array.itemsize;
  let n = Math.max(0, Math.min(count, Math.floor((d.size - offset) / size)));
  let clipped = false;
  if (d.kind !== 'memory' && n * size > MAX_WINDOW_BYTES) {
    n = Math.floor(MAX_WINDOW_BYTES / size);
    clipped = true;
  }
  return { itemsize: size, count: n, clipped, record, columns };
}

/** The table over items [from, to) of `spec`'s range: in place in memory, else read (or cut from the kept range). */
async function tableOf(spec, from, to) {
  const d = docOf(spec.doc);
  const { itemsize, count } = describeTable(spec);
  to = Math.min(to, count);
  from = Math.min(from, to);
  const start = spec.offset + from * itemsize;
  const end = spec.offset + to * itemsize;
  if (d.kind === 'memory') return openTable(spec.format, d.chunk, spec.names, { offset: start, length: to - from });
  let bytes;
  if (kept?.doc === d && kept.start <= start && end <= kept.end) bytes = kept.bytes.subarray(start - kept.start, end - kept.start);
  else bytes = await readRange(spec.doc, start, end);
  return openTable(spec.format, bytes, spec.names);
}

/**
 * Rows [first, last) as the table shows them: {first, cells}, cells[i][k]
 * the text of value k of item first + i (records.js's cellText).
 */
export async function typedRows(spec, first, last) {
  const table = await tableOf(spec, first, last);
  const cells = [];
  for (let i = 0; i < table.array.length; i++) cells.push(rowValues(table, i).map(cellText));
  return { first, cells };
}

/**
 * Column k of items [from, to) as the chart draws it on `width` pixel
 * columns (records.js's decimate): the values, or each pixel column's min
 * and max. A windowed document's whole range is read once and kept.
 */
export async function typedColumn(spec, k, from, to, width) {
  const d = docOf(spec.doc);
  if (d.kind !== 'memory') {
    const { itemsize, count } = describeTable(spec);
    const start = spec.offset;
    const end = start + count * itemsize;
    if (!(kept?.doc === d && kept.start === start && kept.end === end))
      kept = { doc: d, start, end, bytes: await readRange(spec.doc, start, end) };
  }
  const table = await tableOf(spec, from, to);
  const values = k >= 0 && table.columns[k]?.plottable ? columnValues(table, k) : new Float64Array(table.array.length).fill(NaN);
  return decimate(values, from, from + values.length, width);
}

/** Items [from, to) as CSV (records.js's csvHeader and csvLines, CRLF line ends), a Blob built here. */
export async function typedCsv(spec, from, to, ctx) {
  const table = await tableOf(spec, from, to);
  const { itemsize } = table.array;
  const parts = [csvHeader(table) + '\r\n'];
  const n = table.array.length;
  for (let a = 0; a < n; a += CSV_BATCH) {
    ctx?.check();
    const lines = [...csvLines(table, a, Math.min(n, a + CSV_BATCH), spec.offset + from * itemsize)];
    parts.push(lines.join('\r\n') + '\r\n');
    ctx?.progress(Math.min(n, a + CSV_BATCH) / n);
  }
  return new Blob(parts, { type: 'text/csv' });
}
