// The web tool's Worker in Node (web-demo/js/worker/): compares cut into
// tiny windows (so differences straddle their edges) must give exactly what
// one call of the package's cmp/diff/rdiff/match gives on the whole buffer —
// over a document held in the Worker's Chunk and over one read from a File
// in windows; find, rfind and count over tiny read-ahead windows equal the
// package's find, rfind and count on the whole buffer. And the editor's
// edits follow a model, and undone give back the original bytes. Seeds are
// printed on failure.
import { fakeContext } from './worker-env.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cmp, diff, find, findAll, match, rdiff, rfind } from 'wasm-mem';
import { closeDoc, docOf, openBytes, openWindowed, readRange } from '../../web-demo/js/worker/docs.js';
import { differenceRuns, scan as scanDocs, summary as summaryOf } from '../../web-demo/js/worker/compare.js';
import { countIn, findIn } from '../../web-demo/js/worker/search.js';
import { rng } from '../lib/random.js';

const ids = new Map(); // doc -> id
const opened = (id) => {
  ids.set(docOf(id), id);
  return docOf(id);
};
const openDocId = (doc) => ids.get(doc);

/** A document of `u8` in each kind the Worker holds. */
const docsOf = (u8) => [
  ['memory', opened(openBytes('m.bin', u8))],
  ['windowed', opened(openWindowed('f.bin', new File([u8], 'f.bin')))],
];
const summary = (A, B, { windowBytes }) => summaryOf(A, B, fakeContext(), windowBytes);
const differenceRuns2 = (A, B, { windowBytes }) => differenceRuns(A, B, fakeContext(), windowBytes);
const scan = (A, B, kind, from, to, { backward = false, windowBytes }) => scanDocs(A, B, { kind, from, to, backward }, fakeContext(), windowBytes);

test('summary, scan and differenceRuns over tiny windows agree with cmp, diff, rdiff and match', async () => {
  for (let seed = 1; seed <= 120; seed++) {
    const r = rng(1000 + seed);
    const int = (n) => Math.floor(r() * n);
    const a = Uint8Array.from({ length: int(200) }, () => int(4));
    // b: a with a few changes, sometimes shorter or longer.
    let b = Uint8Array.from(a);
    for (let k = int(6); k > 0 && b.length; k--) b[int(b.length)] ^= 1 + int(3);
    if (r() < 0.3) b = b.subarray(0, int(b.length + 1));
    else if (r() < 0.3) b = Uint8Array.from([...b, ...Array.from({ length: int(20) }, () => int(4))]);
    const windowBytes = 1 + int(17);
    const at = `seed ${1000 + seed}: |a|=${a.length} |b|=${b.length} window=${windowBytes}`;
    const n = Math.min(a.length, b.length);
    const runs = [];
    for (let pos = 0; pos < n; ) {
      const d = diff(a.subarray(pos, n), b.subarray(pos, n));
      if (d < 0) break;
      const m = match(a.subarray(pos + d, n), b.subarray(pos + d, n));
      const end = m < 0 ? n : pos + d + m;
      runs.push([pos + d, end]);
      pos = end;
    }
    const p = int(n + 1);
    for (const [[ka, A], [kb, B]] of [[docsOf(a)[0], docsOf(b)[0]], [docsOf(a)[1], docsOf(b)[1]], [docsOf(a)[0], docsOf(b)[1]]]) {
      const label = `${ka}/${kb}, ${at}`;
      assert.deepEqual(await summary(A, B, { windowBytes }), { cmp: cmp(a, b), diff: diff(a, b), rdiff: rdiff(a, b) }, label);
      assert.deepEqual((await differenceRuns2(A, B, { windowBytes })).runs, runs, label);
      const next = diff(a.subarray(p, n), b.subarray(p, n));
      assert.equal(await scan(A, B, 'diff', p, n, { windowBytes }), next < 0 ? -1 : p + next, `next from ${p}, ${label}`);
      assert.equal(await scan(A, B, 'diff', 0, p, { backward: true, windowBytes }), rdiff(a.subarray(0, p), b.subarray(0, p)), `prev before ${p}, ${label}`);
      A.close();
      B.close();
    }
  }
});

test('edits through Chunk.resize and copy follow a model, and undoing them all restores the file', () => {
  for (let seed = 1; seed <= 60; seed++) {
    const r = rng(2000 + seed);
    const int = (n) => Math.floor(r() * n);
    const original = Uint8Array.from({ length: 1 + int(100) }, () => int(256));
    const doc = docOf(openBytes('e.bin', original));
    let model = [...original];
    const log = [];
    for (let k = 0; k < 20; k++) {
      const op = int(3);
      const bytes = Array.from({ length: 1 + int(5) }, () => int(256));
      if (op === 0 && model.length >= bytes.length) {
        const off = int(model.length - bytes.length + 1);
        doc.overwrite(off, Uint8Array.from(bytes));
        model.splice(off, bytes.length, ...bytes);
        log.push(`overwrite ${off}+${bytes.length}`);
      } else if (op === 1) {
        const off = int(model.length + 1);
        doc.insert(off, Uint8Array.from(bytes));
        model.splice(off, 0, ...bytes);
        log.push(`insert ${off}+${bytes.length}`);
      } else if (model.length > 0) {
        const off = int(model.length);
        const len = 1 + int(Math.min(5, model.length - off));
        doc.remove(off, len);
        model.splice(off, len);
        log.push(`remove ${off}+${len}`);
      }
      assert.deepEqual([...doc.chunk.bytes], model, `seed ${2000 + seed} after ${log.join(', ')}`);
      for (const [x, y] of doc.editedRanges()) assert.ok(0 <= x && x < y && y <= model.length, `seed ${2000 + seed}: range ${x}..${y}`);
    }
    while (doc.undo());
    assert.deepEqual([...doc.chunk.bytes], [...original], `seed ${2000 + seed}: undo all after ${log.join(', ')}`);
    assert.deepEqual(doc.editedRanges(), []);
    doc.close();
  }
});

test('find, rfind and count over tiny read-ahead windows equal the package on the whole buffer', async () => {
  for (let seed = 1; seed <= 80; seed++) {
    const r = rng(3000 + seed);
    const int = (n) => Math.floor(r() * n);
    const data = Uint8Array.from({ length: int(300) }, () => int(3));
    const pattern = Uint8Array.from({ length: 1 + int(3) }, () => int(3));
    const step = 1 + int(4);
    const start = int(40);
    const end = data.length - int(40);
    const slice = 1 + int(23);
    const at = `seed ${3000 + seed}: |data|=${data.length} pattern=${pattern} ${start}..${end} step ${step} slice ${slice}`;
    for (const [kind, doc] of docsOf(data)) {
      const range = { start, end, step };
      assert.equal(await findIn(doc, pattern, range, fakeContext(), slice), find(data, pattern, start, end, step), `find, ${kind}, ${at}`);
      const from = int(data.length);
      const want = find(data, pattern, start + Math.max(0, Math.ceil((from - start) / step)) * step, end, step);
      assert.equal(await findIn(doc, pattern, { ...range, from }, fakeContext(), slice), want, `find from ${from}, ${kind}, ${at}`);
      const top = Math.min(end, from + pattern.length);
      const back = await findIn(doc, pattern, { ...range, from, backward: true }, fakeContext(), slice);
      assert.equal(back, rfind(data, pattern, start, top, step), `rfind before ${from}, ${kind}, ${at}`);
      const got = await countIn(doc, pattern, range, fakeContext(), slice);
      assert.equal(got.count, [...findAll(data, pattern, start, end, step)].length, `count, ${kind}, ${at}`);
      assert.deepEqual(got.first, [...findAll(data, pattern, start, end, step)].slice(0, 5), `first five, ${kind}, ${at}`);
      assert.deepEqual(await readRange(openDocId(doc), 3, 70), data.slice(3, 70), `readRange, ${kind}`);
    }
  }
});

test('a cancelled search stops between windows and leaves the document as it was', async () => {
  const data = Uint8Array.from({ length: 4096 }, (_, i) => i % 251);
  const id = openWindowed('c.bin', new File([data], 'c.bin'));
  const ctx = fakeContext({ abortAfter: 3 });
  await assert.rejects(countIn(docOf(id), Uint8Array.of(7), {}, ctx, 256), { name: 'AbortError' });
  assert.ok(ctx.seen.length >= 2 && ctx.seen.every((f) => f > 0 && f < 1), `progress ${ctx.seen}`);
  assert.deepEqual(await readRange(id, 0, data.length), data);
  closeDoc(id);
  assert.throws(() => docOf(id), /no open document/);
});
