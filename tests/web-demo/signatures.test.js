// The web tool's patterns, in Node: wildcard hex text, and "Scan signatures"
// over tiny windows (so matches straddle their edges) against one findAllAny
// over the whole buffer with the magic table — over a document in a Chunk and
// one read from a File in windows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findAllAny, magic } from 'wasm-mem';
import { FileDoc, MemoryDoc } from '../../web-demo/js/doc.js';
import { scanSignatures, wildcardPattern } from '../../web-demo/js/signatures.js';
import { InputError } from '../../web-demo/js/util.js';
import { rng } from '../lib/random.js';

const docsOf = (u8) => [
  ['memory', MemoryDoc.fromBytes('m.bin', u8)],
  ['windowed', new FileDoc(new File([u8], 'f.bin'), 'test')],
];

test('wildcardPattern: null without ?, a Pattern with, an InputError for bad hex', () => {
  assert.equal(wildcardPattern('de ad'), null);
  assert.equal(String(wildcardPattern('0x4d ?? 5?')), '4d ?? 5?');
  assert.throws(() => wildcardPattern('4g ??'), (e) => e instanceof InputError && /position 1/.test(e.message));
});

test('scanSignatures over tiny windows lists what one findAllAny finds', async () => {
  const r = rng(7);
  const data = Uint8Array.from({ length: 3000 }, () => Math.floor(r() * 256));
  data.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 100);
  data.set([0x75, 0x73, 0x74, 0x61, 0x72], 1000 + 257);
  data.set([0x7f, 0x45, 0x4c, 0x46], 2995);
  const want = [...findAllAny(data, magic.map((m) => m.pattern))]
    .map(([i, k]) => ({ offset: i - magic[k].offset, name: magic[k].name, at: i }))
    .filter((h) => h.offset >= 0)
    .sort((x, y) => x.offset - y.offset || x.at - y.at);
  assert.ok(want.some((h) => h.offset === 100 && h.name === 'PNG image'));
  assert.ok(want.some((h) => h.offset === 1000 && /tar/.test(h.name)));
  for (const windowBytes of [1, 7, 256, 1 << 20]) {
    for (const [kind, doc] of docsOf(data)) {
      assert.deepEqual(await scanSignatures(doc, { windowBytes }), want, `${kind} window ${windowBytes}`);
      doc.close();
    }
  }
});
