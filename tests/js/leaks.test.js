// Leaks: every public API, run in a loop (including the calls that fail),
// must leave the allocator's bytes in use where they were. Objects a call
// returns are freed explicitly (the finaliser is not deterministic); what
// remains allocated afterwards was leaked by the library.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryStats } from 'wasm-mem';
import { OPS, release } from './fixtures/every-api.js';

const LOOPS = 200;

for (const [name, op] of Object.entries(OPS)) {
  test(`no leak: ${name}`, () => {
    release(op()); // warm-up: anything made once and kept (none expected) is not a leak
    const before = memoryStats();
    for (let i = 0; i < LOOPS; i++) release(op());
    const after = memoryStats();
    assert.equal(after.bytesInUse, before.bytesInUse, `${name}: ${after.bytesInUse - before.bytesInUse} bytes left in use after ${LOOPS} runs`);
    assert.equal(after.allocations + after.reallocations - before.allocations - before.reallocations >= 0, true);
  });
}
