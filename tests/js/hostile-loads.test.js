// Hostile loads (SPEC §7), by fast-check: mutations of valid dumps of every
// supported type — bytes changed, inserted, deleted, runs duplicated, LEB128
// lengths swapped for huge ones, truncations, splices of two dumps. loads
// must return a value or throw a clear RangeError/TypeError; it must never
// crash, never leave memory allocated when it fails, never allocate more
// than the input describes when it succeeds, and never grow the memory for
// an input this small. And whatever loads accepts, dumps of it loads back
// equal (the same types, bytes, offsets and sharing): a short run here, a
// long one in `npm run fuzz` (FC_RUNS_LOADS, FC_RUNS_ROUNDTRIP).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Chunk, ChunkArray, MemSlice, StrArray, dumps, loads, memoryStats } from 'wasm-mem';
import { varint } from '../lib/random.js';

const SEED = Number(process.env.FC_SEED ?? 20261125);
const RUNS = Number(process.env.FC_RUNS_LOADS ?? 10000);
const ROUNDTRIP_RUNS = Number(process.env.FC_RUNS_ROUNDTRIP ?? 3000);

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
  // Version 2: one object twice, a self-holding array, open-ended and shrunk-base slices, pooled views.
  (() => {
    const a = new ChunkArray('i', [7, -7]);
    const self = [a, a];
    self.push(self);
    return self;
  })(),
  (() => {
    const shrunk = new Chunk('0123456789');
    const past = shrunk.subarray(4, 9);
    shrunk.resize(6);
    return [new MemSlice(shared, 3, Infinity), past, new MemSlice(ab, 1, 2)];
  })(),
  [Buffer.from('ab'), Buffer.from('cd'), new MemSlice(Buffer.from('efgh'), 1, 3)],
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

/** Every object a loaded value holds, once each (a loaded array may hold itself). */
function objectsIn(v, out = new Set()) {
  if (v === null || typeof v !== 'object' || out.has(v)) return out;
  out.add(v);
  if (Array.isArray(v)) v.forEach((x) => objectsIn(x, out));
  else if (v instanceof MemSlice) objectsIn(v.base, out);
  else if (v instanceof StrArray) objectsIn(v.buffer, out);
  return out;
}

/** The chunks a loaded value holds (to free them, and to count their bytes). */
function chunksIn(v) {
  return new Set([...objectsIn(v)].filter((x) => x instanceof Chunk));
}

function release(v) {
  for (const x of objectsIn(v)) if (x instanceof Chunk || x instanceof StrArray) x.free();
}

/**
 * A loaded value as plain data: types, bytes, offsets and which objects are
 * one (as back-references). A view's offset counts from the lowest view of
 * its buffer unless the buffer itself is in the value: dumps keeps only the
 * range the views cover (SPEC §7).
 */
function canonical(value) {
  const all = objectsIn(value);
  const lowest = new Map();
  for (const x of all) {
    if (x instanceof Uint8Array && !all.has(x.buffer)) lowest.set(x.buffer, Math.min(lowest.get(x.buffer) ?? Infinity, x.byteOffset));
  }
  const ids = new Map();
  const bufferIds = new Map();
  const hex = (u8) => Buffer.from(u8).toString('hex');
  const bufferId = (b) => {
    if (!bufferIds.has(b)) bufferIds.set(b, bufferIds.size);
    return bufferIds.get(b);
  };
  const walk = (v) => {
    if (ids.has(v)) return ['ref', ids.get(v)];
    ids.set(v, ids.size);
    if (v instanceof Chunk) return ['Chunk', hex(v.toUint8Array())];
    if (v instanceof ArrayBuffer) return ['ArrayBuffer', bufferId(v), hex(new Uint8Array(v))];
    if (v instanceof Uint8Array) return ['Uint8Array', bufferId(v.buffer), v.byteOffset - (lowest.get(v.buffer) ?? 0), hex(v)];
    if (v instanceof MemSlice) return ['MemSlice', v.start, String(v.stop), v.length, walk(v.base)];
    if (Array.isArray(v)) return ['Array', ...v.map(walk)];
    if (v instanceof StrArray) return [v.constructor.name, v.format, walk(v.buffer)];
    throw new Error(`loads returned ${Object.prototype.toString.call(v)}`);
  };
  return walk(value);
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

test(`dumps of what loads() accepted loads back equal (${ROUNDTRIP_RUNS} mutated dumps)`, () => {
  let accepted = 0;
  fc.assert(fc.property(fc.nat(VALID.length - 1), fc.array(mutationArb, { minLength: 0, maxLength: 3 }), (which, muts) => {
    const input = muts.reduce(mutate, VALID[which]);
    let first;
    try {
      first = loads(input);
    } catch {
      return; // refusals are the other property's business
    }
    accepted++;
    const again = loads(dumps(first));
    try {
      assert.deepEqual(canonical(again), canonical(first));
    } finally {
      release(first);
      release(again);
    }
  }), { seed: SEED + 1, numRuns: ROUNDTRIP_RUNS });
  console.log(`round trip: ${accepted} of ${ROUNDTRIP_RUNS} inputs accepted and reloaded equal`);
  assert.ok(accepted > ROUNDTRIP_RUNS / 10, 'too few inputs loaded to test the round trip');
});

test('every valid dump still loads (the mutations start from real dumps)', () => {
  for (const d of VALID) release(loads(d));
});
