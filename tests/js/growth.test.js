// Memory safety under growth (see fixtures/growth-cases.js for the cases):
// run in workers of their own, a slice each, since every case grows the
// memory of its module instance and one instance has room for ~70 growths.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { cases } from './fixtures/growth-cases.js';

const PER_WORKER = 25;
const total = cases().length;

function runSlice(from, to) {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./fixtures/growth-worker.js', import.meta.url), { workerData: { from, to } });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

test(`${total} operations give the right answer while their arguments grow wasm memory`, async () => {
  const results = [];
  // One worker at a time: they are CPU-light, but each reserves a memory.
  for (let from = 0; from < total; from += PER_WORKER) results.push(...(await runSlice(from, Math.min(total, from + PER_WORKER))));
  assert.equal(results.length, total);
  const failures = results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.detail}`);
  const typeErrors = results.filter((r) => r.ok && r.detail).map((r) => `${r.name}: ${r.detail}`);
  if (typeErrors.length) console.log(`growth: ${typeErrors.length} cases gave a clear TypeError:\n  ${typeErrors.join('\n  ')}`);
  assert.deepEqual(failures, []);
});
