// The web tool's patterns, in Node: wildcard hex text, and "Scan signatures"
// over tiny windows (so matches and the headers their checks read straddle
// their edges) against one findAllAny over the whole buffer with the magic
// table and its checks — over a document in the Worker's Chunk and one read
// from a File in windows (web-demo/js/worker/search.js); the chosen ids;
// random bytes with real files embedded.
import { fakeContext } from './worker-env.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findAllAny, magic } from 'wasm-mem';
import { docOf, openBytes, openWindowed } from '../../web-demo/js/worker/docs.js';
import { signaturesIn } from '../../web-demo/js/worker/search.js';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wildcardPattern } from '../../web-demo/js/signatures.js';
import { InputError } from '../../web-demo/js/util.js';
import { makeEmbedded, samples, score } from '../lib/magic.js';
import { rng } from '../lib/random.js';

const docsOf = (u8) => [
  ['memory', docOf(openBytes('m.bin', u8))],
  ['windowed', docOf(openWindowed('f.bin', new File([u8], 'f.bin')))],
];

/** The Worker's scan, its Blob slices `windowBytes` long. */
const scanSignatures = (doc, { windowBytes, ids }) => signaturesIn(doc, ids, fakeContext(), windowBytes);

test('wildcardPattern: null without ?, a Pattern with, an InputError for bad hex', () => {
  assert.equal(wildcardPattern('de ad'), null);
  assert.equal(String(wildcardPattern('0x4d ?? 5?')), '4d ?? 5?');
  assert.throws(() => wildcardPattern('4g ??'), (e) => e instanceof InputError && /position 1/.test(e.message));
});

/** What scanSignatures should list: one findAllAny over all of data, each hit's check applied. */
function expected(data, ids) {
  const entries = ids ? magic.filter((m) => ids.includes(m.id)) : magic;
  return [...findAllAny(data, entries.map((m) => m.pattern))]
    .map(([i, k]) => ({ offset: i - entries[k].offset, name: entries[k].name, id: entries[k].id, at: i, ok: entries[k].check?.(data, i) ?? true }))
    .filter((h) => h.offset >= 0 && h.ok)
    .map(({ ok, ...h }) => h)
    .sort((x, y) => x.offset - y.offset || x.at - y.at);
}

test('scanSignatures over tiny windows lists what one findAllAny and the checks find', async () => {
  const r = rng(7);
  const data = Uint8Array.from({ length: 6000 }, () => Math.floor(r() * 256));
  data.set(samples.get('png').subarray(0, 40), 100);
  data.set(samples.get('tar').subarray(257, 265), 1000 + 257);
  data.set(samples.get('pe').subarray(0, 0x90), 2000); // a header of 0x84 bytes: e_lfanew 0x80, PE\0\0 there
  data.set(samples.get('gzip').subarray(0, 10), 3000);
  data.set([0x4d, 0x5a], 5990); // its check would read past the end
  data.set([0x7f, 0x45, 0x4c, 0x46], 5996);
  const want = expected(data);
  const names = want.map((h) => `${h.offset} ${h.id}`);
  for (const need of ['100 png', '1000 tar', '2000 pe', '3000 gzip']) assert.ok(names.includes(need), `${need} in ${names}`);
  assert.ok(!names.includes('5990 pe') && !names.includes('5996 elf'));
  for (const windowBytes of [1, 7, 256, 1 << 20]) {
    for (const [kind, doc] of docsOf(data)) {
      assert.deepEqual(await scanSignatures(doc, { windowBytes }), want, `${kind} window ${windowBytes}`);
      assert.deepEqual(await scanSignatures(doc, { windowBytes, ids: ['pe', 'tar'] }), expected(data, ['pe', 'tar']), `${kind} window ${windowBytes}, ids`);
      assert.deepEqual(await scanSignatures(doc, { windowBytes, ids: [] }), []);
      doc.close();
    }
  }
});

test('scanSignatures on random bytes with 12 files embedded: every file found, at most 2 false positives (seed 28)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mem-sig-'));
  try {
    const file = join(dir, 'embedded.bin');
    const placed = makeEmbedded(file, 3_000_000, 28);
    const data = new Uint8Array(readFileSync(file));
    for (const [kind, doc] of docsOf(data)) {
      const hits = await scanSignatures(doc, { windowBytes: 1 << 16 });
      const { found, falsePositives } = score(placed, hits.map((h) => h.offset));
      assert.equal(found, placed.length, kind);
      assert.ok(falsePositives <= 2, `${kind}: ${falsePositives}`);
      doc.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
