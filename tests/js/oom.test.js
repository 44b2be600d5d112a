// Out of memory (fixtures/oom-every-api.js, in a child process): memory
// filled to the wasm32 limit with chunks gives RangeError, every API
// survives full memory, and after freeing every API works as before.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

test('fill to 4 GiB with chunks, RangeError, free: every API works again', () => {
  const child = spawnSync(process.execPath, [new URL('./fixtures/oom-every-api.js', import.meta.url).pathname], { encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  const r = JSON.parse(child.stdout);
  assert.deepEqual(r.errors, ['RangeError']);
  assert.ok(r.filledGiB > 3.9, `memory reached only ${r.filledGiB} GiB`);
  for (const [name, outcome] of Object.entries(r.whenFull)) assert.ok(outcome === 'works' || outcome === 'RangeError', `${name} with memory full: ${outcome}`);
  assert.equal(r.leakedWhenFull, 0, 'the calls that failed for lack of memory left memory allocated');
  assert.deepEqual(r.mismatches, [], 'after freeing, these APIs answered differently than before');
  assert.equal(r.big, 'ok');
});
