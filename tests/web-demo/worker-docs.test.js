// The Worker's documents in Node (web-demo/js/worker/docs.js): a file opens
// windowed at once and reads the same bytes as the file; read into memory it
// becomes an editable Chunk with the same bytes; over the limit it stays
// windowed and says why; a cancelled read leaves it windowed, unchanged, and
// says so; readRange clips to the size for both kinds.
import { fakeContext } from './worker-env.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeDoc, describeDoc, docOf, loadDoc, openFile, readRange } from '../../web-demo/js/worker/docs.js';
import { rng } from '../lib/random.js';

const fileOf = (bytes) => new File([bytes], 'd.bin');

test('a file opens windowed, then is read into memory with the same bytes and takes edits', async () => {
  const r = rng(26);
  const bytes = r.bytes(300_000, 256);
  const { id, memory } = openFile(fileOf(bytes), 1 << 20);
  assert.equal(memory, true);
  assert.equal(describeDoc(id).kind, 'windowed');
  assert.deepEqual(await readRange(id, 1000, 1100), bytes.slice(1000, 1100));
  const ctx = fakeContext();
  assert.equal(await loadDoc(id, ctx), true);
  assert.deepEqual(describeDoc(id), { id, name: 'd.bin', size: bytes.length, kind: 'memory', reason: undefined, modified: false });
  assert.deepEqual(await readRange(id, 0, bytes.length + 50), bytes);
  assert.ok(ctx.seen.length > 0 && ctx.seen.at(-1) === 1, `progress ${ctx.seen}`);
  docOf(id).overwrite(5, Uint8Array.of(1, 2, 3));
  assert.deepEqual(await readRange(id, 4, 9), Uint8Array.of(bytes[4], 1, 2, 3, bytes[8]));
  assert.equal(describeDoc(id).modified, true);
  closeDoc(id);
});

test('over the memory limit a file stays windowed and says why; readRange clips to its size', async () => {
  const bytes = Uint8Array.from({ length: 5000 }, (_, i) => i & 0xff);
  const { id, memory } = openFile(fileOf(bytes), 4096);
  assert.equal(memory, false);
  assert.match(describeDoc(id).reason, /larger than the 4 KiB held in memory/);
  assert.deepEqual(await readRange(id, 4990, 6000), bytes.slice(4990));
  assert.deepEqual(await readRange(id, 7000, 8000), new Uint8Array(0));
  closeDoc(id);
});

test('a cancelled read into memory leaves the document windowed, with its bytes, and says so', async () => {
  const bytes = rng(27).bytes(3 << 20, 256);
  const { id } = openFile(fileOf(bytes), 8 << 20);
  await assert.rejects(loadDoc(id, fakeContext({ abortAfter: 0 })), { name: 'AbortError' });
  const d = describeDoc(id);
  assert.equal(d.kind, 'windowed');
  assert.match(d.reason, /cancelled/);
  assert.deepEqual(await readRange(id, 0, bytes.length), bytes);
  closeDoc(id);
});
