// Issue 25: findAny / findAllAny with pattern sets whose wildcards once made
// the C layout's sizes wrap (262,144 four-byte patterns with 12 wildcard bits
// each: "memory access out of bounds" after other chunks were overwritten),
// and sets around the fingerprint's expansion limits (4,096 values per
// pattern, 16,384 per set), against a plain-loop model of SPEC §10.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Chunk, Pattern, findAllAny, findAny } from 'wasm-mem';
import { rng } from './helpers.js';

/** Every [index, pattern] pair, by the definition: ordered by index, then pattern. */
function modelAll(hay, pats) {
  const out = [];
  for (let i = 0; i < hay.length; i++) {
    pats.forEach(([b, m], k) => {
      if (i + b.length > hay.length) return;
      for (let j = 0; j < b.length; j++) if ((hay[i + j] & m[j]) !== (b[j] & m[j])) return;
      out.push([i, k]);
    });
  }
  return out;
}

test('the issue 25 set: 262,144 patterns of ?? 0? xx yy, other chunks untouched', () => {
  const m = Uint8Array.of(0, 0xf0, 0xff, 0xff);
  const pats = [];
  for (let i = 0; i < 262144; i++) pats.push(new Pattern(Uint8Array.of(0, 0, i & 255, i >> 8), m));
  const other = Chunk.alloc(4096, 0x5a);
  const zeros = Chunk.alloc(64);
  try {
    assert.deepEqual(findAny(zeros, pats), { index: 0, pattern: 0 });
    // Any byte, then (9, 9, 1): patterns 9 + 256 * 1 + 65536 * j for j < 4 (i >> 8 is written mod 256).
    const hay = Uint8Array.of(0xee, 9, 9, 1);
    assert.deepEqual([...findAllAny(hay, pats)], [[0, 265], [0, 65801], [0, 131337], [0, 196873]]);
    assert.ok(other.toString('latin1') === 'Z'.repeat(4096), 'another chunk changed');
  } finally {
    other.free();
    zeros.free();
  }
});

test('sets around the expansion limits match the model (seeded)', () => {
  const seed = 25;
  const random = rng(seed);
  // Fingerprints with 12 (the per-pattern limit), 13, 8, 32 and 0 wildcard bits.
  const shapes = [[0x00, 0xf0, 0xff, 0xff], [0x00, 0xe0, 0xff, 0xff], [0xff, 0x00, 0xff, 0xff], [0, 0, 0, 0], [0xff, 0xff, 0xff, 0xff]];
  const hay = Uint8Array.from({ length: 600 }, () => (random() < 0.7 ? random.int(3) : random.int(256)));
  // 4 patterns of 4096 values fill the set's 16,384; 5 pass it; 300 pass it with single wildcard bytes.
  for (const [count, shapeOf] of [[4, () => 0], [5, () => 0], [3, () => 1], [300, () => 2], [40, (k) => (k === 7 ? 3 : random.int(5))], [2000, () => random.int(5)]]) {
    const pats = [];
    for (let k = 0; k < count; k++) {
      const len = 4 + random.int(5);
      const at = random.int(hay.length - len);
      const b = hay.slice(at, at + len);
      if (random() < 0.3) b[random.int(len)] ^= 1;
      const m = new Uint8Array(len).fill(0xff);
      m.set(shapes[shapeOf(k)]);
      pats.push([b, m]);
    }
    const objects = pats.map(([b, m]) => new Pattern(b, m));
    const want = modelAll(hay, pats);
    assert.deepEqual([...findAllAny(hay, objects)], want, `seed ${seed}, ${count} patterns`);
    const first = want.length ? { index: want[0][0], pattern: want[0][1] } : null;
    assert.deepEqual(findAny(hay, objects), first, `seed ${seed}, ${count} patterns`);
  }
});
