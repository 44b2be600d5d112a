// The Typed tab's work in the Worker (web-demo/js/worker/typed.js) in Node,
// on documents held in memory and windowed: a page of rows equals the
// package's unpackFrom item by item; the chart's column equals the values
// unpacked one by one, and decimated it holds each pixel column's min and
// max as a plain loop finds them; the CSV Blob equals toCsv. latest.js drops
// a request superseded by a newer one (a slow fake Worker counts what it is sent).
import { fakeContext } from './worker-env.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calcsize, unpackFrom } from 'wasm-mem';
import { DROPPED, newestOnly } from '../../web-demo/js/latest.js';
import { cellText, decimate, openTable, toCsv, toPlot } from '../../web-demo/js/records.js';
import { closeDoc, openBytes, openWindowed } from '../../web-demo/js/worker/docs.js';
import { describeTable, MAX_WINDOW_BYTES, typedColumn, typedCsv, typedRows } from '../../web-demo/js/worker/typed.js';
import { rng } from '../lib/random.js';

const CASES = [
  { format: '<IHhd', names: ['id', 'n', 'level', 'x'], column: 3 },
  { format: '>h', column: 0 },
  { format: '<I8shd', names: ['id', 'tag', 'delta', 'level'], column: 2 },
  { format: '@ci?', column: 1 },
  { format: '<Bc', column: 1 },
];

/** The values of item i as unpackFrom gives them (a one-value list for a scalar). */
const itemAt = (bytes, format, offset, i) => unpackFrom(format, bytes, offset + i * calcsize(format));

/** Pixel column px's [min, max] of the finite values, by a plain loop (NaN, NaN when none). */
function minMaxLoop(values, width) {
  const n = values.length;
  const out = [];
  for (let px = 0; px < width; px++) {
    const a = Math.floor((px * n) / width);
    const b = Math.max(a + 1, Math.floor(((px + 1) * n) / width));
    const finite = values.slice(a, b).filter(Number.isFinite);
    out.push(finite.length ? [Math.min(...finite), Math.max(...finite)] : [NaN, NaN]);
  }
  return out;
}

for (const kind of ['memory', 'windowed']) {
  const open = (bytes) => (kind === 'memory' ? openBytes('t.bin', bytes) : openWindowed('t.bin', new Blob([bytes])));

  test(`${kind}: typed rows, the chart column (raw and decimated) and the CSV equal the package's`, async () => {
    const r = rng(kind === 'memory' ? 2601 : 2602);
    const bytes = r.bytes(200_003, 256);
    const doc = open(bytes);
    for (const { format, names, column } of CASES) {
      const offset = r.int(100);
      const spec = { doc, format, names, offset, count: 9000 };
      const size = calcsize(format);
      const table = describeTable(spec);
      assert.equal(table.count, Math.min(9000, Math.floor((bytes.length - offset) / size)), format);
      assert.equal(table.itemsize, size);
      // A page from the middle: each row is unpackFrom's values at that item, as cell text.
      const first = r.int(table.count - 50);
      const page = await typedRows(spec, first, first + 40);
      assert.equal(page.first, first);
      assert.deepEqual(
        page.cells,
        Array.from({ length: 40 }, (_, i) => itemAt(bytes, format, offset, first + i).map(cellText)),
        `${format}: rows from ${first}`,
      );
      // The chart's column over a range, one value per item when the canvas is wide enough.
      const from = r.int(100);
      const to = from + 700;
      const plain = Array.from({ length: to - from }, (_, i) => toPlot(itemAt(bytes, format, offset, from + i)[column]));
      const raw = await typedColumn(spec, column, from, to, 400);
      assert.deepEqual({ ...raw, values: [...raw.values] }, { from, to, values: plain }, `${format}: column ${column}`);
      // Narrower: each pixel column's min and max.
      const narrow = await typedColumn(spec, column, from, to, 37);
      assert.equal(narrow.values, undefined);
      assert.deepEqual(
        [...narrow.min].map((mn, px) => [mn, narrow.max[px]]),
        minMaxLoop(plain, 37),
        `${format}: decimated`,
      );
      // The CSV of a range: toCsv over the package's StrArray of the same bytes.
      const csv = await (await typedCsv(spec, from, to, fakeContext())).text();
      assert.equal(csv, toCsv(openTable(format, bytes.subarray(offset), names), from, to, offset), `${format}: CSV`);
    }
    closeDoc(doc);
  });
}

test('a windowed range over 64 MiB is clipped (and says so); in memory it is not', () => {
  const bytes = new Uint8Array(MAX_WINDOW_BYTES + 4096);
  const spec = (doc) => ({ doc, format: '<Q', offset: 0, count: 1_000_000_000 });
  const win = openWindowed('big.bin', new Blob([bytes]));
  assert.deepEqual(
    (({ count, clipped }) => ({ count, clipped }))(describeTable(spec(win))),
    { count: MAX_WINDOW_BYTES / 8, clipped: true },
  );
  closeDoc(win);
  const mem = openBytes('big.bin', bytes);
  assert.deepEqual((({ count, clipped }) => ({ count, clipped }))(describeTable(spec(mem))), { count: bytes.length / 8, clipped: false });
  closeDoc(mem);
});

test('a bad format or names is the package TypeError, from the Worker as on the page', () => {
  const doc = openBytes('t.bin', new Uint8Array(64));
  assert.throws(() => describeTable({ doc, format: '<I8z', offset: 0, count: 1 }), TypeError);
  assert.throws(() => describeTable({ doc, format: '<Ih', names: ['a'], offset: 0, count: 1 }), /names/);
  closeDoc(doc);
});

test('decimate keeps each pixel column min and max: spikes, NaN and infinities, against a plain loop', () => {
  const r = rng(2603);
  for (const [n, width] of [
    [10_000, 300],
    [1001, 500],
    [65_537, 640],
    [3, 1],
  ]) {
    const values = Array.from({ length: n }, () => (r.int(2001) - 1000) / 7);
    for (let k = 0; k < 20; k++) values[r.int(n)] = r.int(2) ? 1e9 : -1e9; // one-item spikes
    for (let k = 0; k < 5; k++) values[r.int(n)] = [NaN, Infinity, -Infinity][k % 3];
    const d = decimate(Float64Array.from(values), 5, 5 + n, width);
    if (n <= 2 * width) {
      assert.deepEqual([...d.values], values);
      continue;
    }
    assert.equal(d.min.length, width);
    assert.deepEqual(
      [...d.min].map((mn, px) => [mn, d.max[px]]),
      minMaxLoop(values, width),
      `${n} values on ${width} columns`,
    );
    // Every spike is some column's extreme.
    const extremes = new Set([...d.min, ...d.max]);
    if (values.includes(1e9)) assert.ok(extremes.has(1e9));
    if (values.includes(-1e9)) assert.ok(extremes.has(-1e9));
  }
});

test('newestOnly: a burst of 100 requests sends two (the first, then the newest); the others are dropped', async () => {
  const sent = [];
  let release;
  const slow = (args) =>
    new Promise((resolve) => {
      sent.push(args);
      release = () => resolve(`page ${args}`);
    });
  const request = newestOnly(slow);
  const answers = Array.from({ length: 100 }, (_, k) => request(k));
  assert.deepEqual(sent, [0]); // one on its way, the rest waiting in one place
  release();
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(sent, [0, 99]);
  release();
  const got = await Promise.all(answers);
  assert.equal(got.filter((a) => a === DROPPED).length, 99);
  assert.equal(got[99], 'page 99');
  // An error of the newest request rejects it; of a superseded one, it is dropped.
  const failing = newestOnly(async (k) => {
    await new Promise((r) => setTimeout(r, 5));
    throw new Error(`failed ${k}`);
  });
  const a = failing(1);
  const b = failing(2);
  assert.equal(await a, DROPPED);
  await assert.rejects(b, /failed 2/);
});
