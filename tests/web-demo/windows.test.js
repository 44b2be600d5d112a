// The web demo's windowed loops, in Node: compares cut into tiny windows (so
// differences straddle their edges) must give exactly what one call of the
// package's cmp/diff/rdiff/match gives on the whole buffer — over a document held in a Chunk
// and over one read from a File in windows. And the editor's edits, undone,
// give back the original bytes. Seeds are printed on failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cmp, diff, match, rdiff } from 'wasm-mem';
import { FileDoc, MemoryDoc } from '../../web-demo/js/doc.js';
import { differenceRuns, scan, summary } from '../../web-demo/js/compare.js';
import { rng } from '../lib/random.js';

const docsOf = (u8) => [
  ['memory', MemoryDoc.fromBytes('m.bin', u8)],
  ['windowed', new FileDoc(new File([u8], 'f.bin'), 'test')],
];

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
      assert.deepEqual((await differenceRuns(A, B, { windowBytes })).runs, runs, label);
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
    const doc = MemoryDoc.fromBytes('e.bin', original);
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
