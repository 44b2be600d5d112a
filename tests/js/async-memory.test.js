// Memory stays one window however long the source (SPEC §9): countAsync and
// findAllAsync over a generated stream, peak RSS sampled at every progress
// report. npm test runs 512 MiB; `npm run test:long` (this file with
// --long) runs the 4 GiB.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countAsync, findAllAsync } from 'wasm-mem';

const GiB = 1 << 30;
const total = process.argv.includes('--long') ? 4 * GiB : GiB / 2;
const PIECE = 1 << 20;
const LIMIT = 100 * 1e6; // bytes of RSS growth allowed

/** `total` bytes in 1 MiB pieces, each a fresh copy (as a real stream's would be), 'needle' once per piece. */
function generated() {
  const template = new Uint8Array(PIECE).fill(120);
  template.set(Buffer.from('nee'), PIECE - 3); // 'needle' straddles every boundary between pieces
  template.set(Buffer.from('dle'), 0);
  let sent = 0;
  return new ReadableStream({
    pull(c) {
      if (sent === total) return c.close();
      c.enqueue(template.slice());
      sent += PIECE;
    },
  });
}

function sampler() {
  const base = process.memoryUsage.rss();
  let peak = base;
  return {
    sample: () => (peak = Math.max(peak, process.memoryUsage.rss())),
    growth: () => peak - base,
  };
}

test(`countAsync over a generated ${total / GiB} GiB stream: RSS grows < 100 MB`, async (t) => {
  const m = sampler();
  const n = await countAsync(generated(), 'needle', 0, undefined, 1, { onProgress: m.sample });
  m.sample();
  assert.equal(n, total / PIECE - 1); // one per boundary
  t.diagnostic(`RSS grew by ${(m.growth() / 1e6).toFixed(1)} MB`);
  assert.ok(m.growth() < LIMIT, `RSS grew by ${(m.growth() / 1e6).toFixed(1)} MB`);
});

test(`findAllAsync over a generated ${total / GiB} GiB stream: RSS grows < 100 MB`, async (t) => {
  const m = sampler();
  let n = 0;
  let last = -1;
  for await (const i of findAllAsync(generated(), 'needle', 0, undefined, 1, { onProgress: m.sample })) {
    assert.equal(i, (n + 1) * PIECE - 3);
    n++;
    last = i;
  }
  m.sample();
  assert.equal(n, total / PIECE - 1);
  assert.equal(last, total - 3 - PIECE);
  t.diagnostic(`RSS grew by ${(m.growth() / 1e6).toFixed(1)} MB`);
  assert.ok(m.growth() < LIMIT, `RSS grew by ${(m.growth() / 1e6).toFixed(1)} MB`);
});
