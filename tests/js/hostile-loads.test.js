// Hostile loads (SPEC §7), by fast-check: mutations of valid dumps of every
// supported type — bytes changed, inserted, deleted, runs duplicated, LEB128
// lengths swapped for huge ones, truncations, splices of two dumps. loads
// must return a value or throw a clear RangeError/TypeError; it must never
// crash, never leave memory allocated when it fails, never allocate more
// than the input describes when it succeeds, and never grow the memory for
// an input this small.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Chunk, ChunkArray, MemSlice, StrArray, dumps, loads, memoryStats } from 'wasm-mem';
import { release } from './fixtures/every-api.js';
import { varint } from '../lib/random.js';

const SEED = Number(process.env.FC_SEED ?? 20261125);
const RUNS = Number(process.env.FC_RUNS_LOADS ?? 10000);

const shared = new Chunk('shared bytes');
const ab = new Uint8Array([1, 2, 3, 4, 5, 6]).buffer;
/** Valid dumps of every supported type, alone and nested. */
const VALID = [
  new Chunk('a chunk'),
  new Chunk(),
  shared.subarray(2, 8),
  new MemSlice(new Uint8Array(ab, 1, 4), 1),
  new MemSlice(ab, 2, 5),
  ab,
  new Uint8Array(ab, 2, 3),
  new ChunkArray('<d', [1.5, -0]),
  new ChunkArray('?', [true, false]),
  new StrArray('>H', shared.subarray(0, 6)),
  new StrArray('b', new Uint8Array([1, 255])),
  [shared, shared.subarray(1), [new ChunkArray('Q', [2n ** 64n - 1n]), []], new Uint8Array(ab)],
].map((v) => dumps(v));

const varintArb = fc.oneof(fc.constantFrom(2 ** 31, 2 ** 32 + 7, 2 ** 53 - 1, 2 ** 53, 2 ** 60, 1e6), fc.nat(300))
  .map(varint);

const mutationArb = fc.oneof(
  fc.record({ kind: fc.constant('set'), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert'), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('delete'), at: fc.nat(), n: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('varint'), at: fc.nat(), bytes: varintArb }),
  fc.record({ kind: fc.constant('duplicate'), at: fc.nat(), n: fc.integer({ min: 1, max: 16 }) }),
  fc.record({ kind: fc.constant('truncate'), at: fc.nat() }),
  fc.record({ kind: fc.constant('splice'), at: fc.nat(), other: fc.nat(), from: fc.nat() }),
);

function mutate(u8, m) {
  const a = [...u8];
  const at = m.at % (a.length + 1);
  switch (m.kind) {
    case 'set': if (a.length) a[m.at % a.length] = m.value; break;
    case 'insert': a.splice(at, 0, ...m.bytes); break;
    case 'delete': a.splice(at, m.n); break;
    case 'varint': a.splice(at, 1, ...m.bytes); break; // a length field replaced by another
    case 'duplicate': a.splice(at, 0, ...a.slice(at, at + m.n)); break;
    case 'truncate': a.length = at; break;
    case 'splice': {
      const o = VALID[m.other % VALID.length];
      return Uint8Array.from([...a.slice(0, at), ...o.subarray(m.from % (o.length + 1))]);
    }
  }
  return Uint8Array.from(a);
}

/** The chunks a loaded value holds (to free them, and to count their bytes). */
function chunksIn(v, out = new Set()) {
  if (Array.isArray(v)) v.forEach((x) => chunksIn(x, out));
  else if (v instanceof MemSlice) chunksIn(v.base, out);
  else if (v instanceof StrArray) chunksIn(v.buffer, out);
  else if (v instanceof Chunk) out.add(v);
  return out;
}

test(`loads() on ${RUNS} mutated dumps: a value or a clear error, no leak, no allocation beyond the input`, () => {
  Chunk.alloc(1 << 20).free(); // free room, so a small legitimate load never needs to grow memory
  let loaded = 0;
  let refused = 0;
  fc.assert(fc.property(fc.nat(VALID.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (which, muts) => {
    const input = muts.reduce(mutate, VALID[which]);
    const before = memoryStats();
    let value;
    try {
      value = loads(input);
    } catch (e) {
      refused++;
      assert.ok(e instanceof RangeError || e instanceof TypeError, `not a clear error: ${e?.constructor?.name}: ${e?.message}`);
      assert.match(e.message, /^loads\(\): /);
      const after = memoryStats();
      assert.equal(after.bytesInUse, before.bytesInUse, 'a failed load left memory allocated');
      assert.equal(after.memoryBytes, before.memoryBytes, 'a failed load grew the memory');
      return;
    }
    loaded++;
    const after = memoryStats();
    const chunkBytes = [...chunksIn(value)].reduce((n, c) => n + c.length, 0);
    assert.ok(chunkBytes <= input.length, `chunks of ${chunkBytes} bytes from ${input.length} bytes of input`);
    // Each chunk costs at most its bytes, a 16-byte minimum capacity and the allocator's header.
    assert.ok(after.bytesInUse - before.bytesInUse <= chunkBytes + 32 * chunksIn(value).size, 'loads allocated more than the input describes');
    assert.equal(after.memoryBytes, before.memoryBytes, 'a small load grew the memory');
    for (const c of chunksIn(value)) c.free();
    release(value);
    assert.equal(memoryStats().bytesInUse, before.bytesInUse);
  }), { seed: SEED, numRuns: RUNS });
  console.log(`hostile loads: ${loaded} mutated dumps still loaded, ${refused} refused`);
  assert.ok(refused > RUNS / 4 && loaded > 0, 'the mutations should produce both outcomes');
});

test('every valid dump still loads (the mutations start from real dumps)', () => {
  for (const d of VALID) release([...chunksIn(loads(d))]);
});
