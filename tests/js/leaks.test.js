// Leaks: every public API, run in a loop (including the calls that fail),
// must leave the allocator's bytes in use where they were. Objects a call
// returns are freed explicitly (the finaliser is not deterministic); what
// remains allocated afterwards was leaked by the library.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  Chunk, ChunkArray, ChunkIO, MemSlice, StrArray, StrIO, cmp, copy, diff, dumps, find, findAll,
  index, len, loads, match, memoryStats, rdiff, rfind, rindex, rmatch,
} from 'wasm-mem';

const LOOPS = 200;
const chunk = new Chunk('0123456789abcdef'.repeat(8));
const big = new Uint8Array(3 << 20).fill(97); // foreign bytes beyond the 1 MiB staging window
big.set([98, 99], big.length - 10);

/** Frees whatever a call returned: chunks, arrays and files that own chunks, slices on new chunks. */
function release(v) {
  if (v === chunk) return; // the shared input, not a result
  if (Array.isArray(v)) v.forEach(release);
  else if (v instanceof MemSlice) release(v.base);
  else if (v instanceof Chunk || v instanceof StrArray || v instanceof StrIO) v.free();
}

/** Calls that may throw: the error is the expected outcome, the memory must still come back. */
const attempt = (fn) => () => {
  try {
    return fn();
  } catch {
    return undefined;
  }
};

const OPS = {
  'find/rfind on foreign bytes (windows)': () => [find(big, 'bc'), rfind(big, 'ab', 0, undefined, 3)],
  'find/rfind/index/rindex on a chunk': () => [find(chunk, 'abc'), rfind(chunk, new Uint8Array([49])), index(chunk, 'f'), rindex(chunk, 0x30)],
  'index that throws': attempt(() => index(chunk, 'zz')),
  'findAll, consumed and abandoned': () => {
    [...findAll(big, 'a', 0, 9000, 7)];
    const it = findAll(big, 'a');
    it.next();
    return it.return?.();
  },
  'cmp/diff/rdiff/match/rmatch/len': () => [cmp(big, chunk), diff(big, big), rdiff(chunk, big), match(big, 'xa'), rmatch('a', big), len(big)],
  'copy, and copy that does not fit': () => [copy(chunk, 'xy', 3), attempt(() => copy(chunk, big))()],
  'Chunk constructors': () => [new Chunk('a', big.subarray(0, 100), chunk), Chunk.alloc(5000, 'ab'), Chunk.from([1, 2, 3]), Chunk.fromHex('dead beef'), attempt(() => Chunk.alloc(2 ** 31))(), attempt(() => Chunk.fromHex('xyz'))()],
  'Chunk methods': () => {
    const c = new Chunk('hello world');
    c.resize(10000, 'ab').resize(3).resize(50, c.subarray(0, 2));
    c.fill(c.subarray(1, 3), 5);
    const out = [c.slice(1, 4), c.concat(chunk, 'x'), c.repeat(3), c.subarray(2), c.toUint8Array(), c.toString(), c.toHex(), c.indexOf('a'), c.equals(chunk), [...c]];
    return [c, ...out];
  },
  'using-free twice': () => {
    const c = new Chunk('x');
    c.free();
    c.free();
    return attempt(() => c.get(0))();
  },
  'MemSlice': () => {
    const s = new MemSlice(chunk, 2, 40);
    s.set(0, 50);
    return [s.slice(1).toUint8Array(), s.subarray(2, 5).get(1), new MemSlice(big, 5).length, [...s]];
  },
  'StrArray over a chunk and a buffer': () => {
    const a = new StrArray('<i', new Chunk());
    a.extend([1, 2, 3]);
    a.push(4);
    a.insert(0, 9);
    a.splice(1, 2, 7, 7, 7);
    attempt(() => a.push(1, 2 ** 40))(); // all or nothing
    a.imul(3);
    a.pop();
    a.reverse();
    const b = new StrArray('>H', new ArrayBuffer(8, { maxByteLength: 64 }));
    b.extend([1, 2]);
    return [a.buffer, a.slice(1, 3), a.toArray(), a.count(7), b.toTypedArray()];
  },
  'ChunkArray': () => {
    const a = new ChunkArray('d', [1.5, 2.5]);
    return [a, a.concat(a), a.repeat(4), ChunkArray.fromBytes('<H', 'abcd'), a.slice(0, 1)];
  },
  'StrIO and ChunkIO': () => {
    const f = new ChunkIO('line 1\nline 2\n');
    f.seek(0, 2);
    f.write('more\n'.repeat(100));
    f.seek(0);
    const lines = f.readlines();
    f.truncate(10);
    f.writeStruct('<i', 5);
    f.seek(10);
    const v = f.readStruct('<i');
    const g = new StrIO(chunk);
    g.readinto(new Uint8Array(4));
    g.readline();
    return [f, g.getvalue(), g.getbuffer(), lines, v];
  },
  'dumps/loads, and corrupt loads': () => {
    const arr = new ChunkArray('b', [1, -1]);
    const d = dumps([chunk, chunk.subarray(1, 3), arr, new Uint8Array(4)]);
    const bad = d.slice(0, -3);
    return [arr, loads(d), attempt(() => loads(bad))()];
  },
};

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
