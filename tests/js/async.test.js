// The async functions of SPEC §9 against the in-memory ones as oracles:
// the same bytes cut into random pieces (1-byte and empty ones included)
// and delivered by every kind of source must give the same answers as
// findAll/find/rfind/cmp/diff over one buffer. Plus the contract around the
// reading: cancel on the first match, abort, progress, bad input, no leaks.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { open, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  Chunk, Pattern, cmp, cmpAsync, countAsync, diff, diffAsync, find, findAll, findAllAny, findAllAnyAsync, findAllAsync, findAsync,
  hexPattern, memoryStats, rfind, rfindAsync,
} from 'wasm-mem';
import { rng } from './helpers.js';

const SEED = Number(process.env.ASYNC_SEED ?? 20261129);
const WINDOW = 256 << 10; // async.js's window: the large cases cross its edges

/** `u8` cut into pieces: random sizes from 0 (empty) up to `maxPiece`. */
function cut(u8, r, maxPiece) {
  const pieces = [];
  for (let at = 0; at < u8.length; ) {
    const n = r.int(5) === 0 ? r.int(2) : 1 + r.int(maxPiece); // often 0 or 1 byte
    pieces.push(u8.subarray(at, Math.min(u8.length, at + n)));
    at += n;
    if (r.int(8) === 0) pieces.push(new Uint8Array(0));
  }
  return pieces;
}

const latin1 = (u8) => Buffer.from(u8).toString('latin1');

/** The source kinds, each built afresh from the pieces (sources are read once). */
const SOURCES = {
  'ReadableStream': (p) => {
    let k = 0;
    return new ReadableStream({ pull: (c) => (k < p.length ? c.enqueue(Uint8Array.from(p[k++])) : c.close()) });
  },
  'sync generator': (p) => (function* () { yield* p; })(),
  'async generator': (p) => (async function* () { for (const x of p) yield x; })(),
  'array of Buffers': (p) => p.map((x) => Buffer.from(x)),
  'Node Readable': (p) => Readable.from(p.map((x) => Buffer.from(x)), { objectMode: true }),
  'string pieces': (p) => (function* () { for (const x of p) yield x.every((b) => b < 128) ? latin1(x) : x; })(),
  'Blob': (p) => new Blob(p),
  'Uint8Array': (p) => Buffer.concat(p),
  'Chunk': (p) => new Chunk(Buffer.concat(p)),
};
const SEEKABLE = new Set(['Blob', 'Uint8Array', 'Chunk']);
const KINDS = Object.keys(SOURCES);

async function collect(it) {
  const out = [];
  for await (const x of it) out.push(x);
  return out;
}

function release(src) {
  if (src instanceof Chunk) src.free();
}

/** One random case: bytes, a pattern, positions (negative ones for seekable sources only). */
function randomCase(r, seekable, size, minAlphabet = 1) {
  const alphabet = minAlphabet + r.int(3);
  const data = r.bytes(size, alphabet);
  const pattern = r.bytes(r.int(5), alphabet);
  const pos = () => (r.int(3) === 0 ? undefined : seekable && r.int(4) === 0 ? -1 - r.int(size + 3) : r.int(size + 3));
  const start = pos();
  const end = pos();
  const step = r.int(3) === 0 ? 1 + r.int(9) : undefined;
  return { data, pattern, start, end, step };
}

async function checkCase(kind, c, r, maxPiece, seed) {
  const { data, pattern, start, end, step } = c;
  const label = `seed ${seed}, ${kind}, ${data.length} bytes, pattern "${latin1(pattern)}", start ${start}, end ${end}, step ${step}`;
  const expectAll = [...findAll(data, pattern, start, end, step)];
  const make = () => SOURCES[kind](cut(data, r, maxPiece));
  let src = make();
  assert.deepEqual(await collect(findAllAsync(src, pattern, start, end, step)), expectAll, `findAllAsync: ${label}`);
  release(src);
  src = make();
  assert.equal(await findAsync(src, pattern, start, end, step), find(data, pattern, start, end, step), `findAsync: ${label}`);
  release(src);
  src = make();
  assert.equal(await countAsync(src, pattern, start, end, step), expectAll.length, `countAsync: ${label}`);
  release(src);
  if (SEEKABLE.has(kind)) {
    src = make();
    assert.equal(await rfindAsync(src, pattern, start, end, step), rfind(data, pattern, start, end, step), `rfindAsync: ${label}`);
    release(src);
  }
}

describe('the Done-when examples', () => {
  test("a Blob; 'xa', 'b', 'cab' from a ReadableStream; rfindAsync on a generator", async () => {
    assert.equal(await findAsync(new Blob(['xxabc']), 'abc'), 2);
    const parts = ['xa', 'b', 'cab'];
    const rs = new ReadableStream({ pull: (c) => (parts.length ? c.enqueue(new TextEncoder().encode(parts.shift())) : c.close()) });
    assert.deepEqual(await collect(findAllAsync(rs, 'ab')), [1, 4]);
    await assert.rejects(rfindAsync((function* () { yield new Uint8Array([1]); })(), 'x'), TypeError);
  });
});

describe('random pieces against the in-memory functions', () => {
  test('2000 small cases over every source kind', async () => {
    for (let k = 0; k < 2000; k++) {
      const seed = SEED + k;
      const r = rng(seed);
      const kind = KINDS[k % KINDS.length];
      const c = randomCase(r, SEEKABLE.has(kind), r.int(60));
      await checkCase(kind, c, r, 1 + r.int(8), seed);
    }
  });

  test('9 cases across window edges (up to 3.5 windows, pieces up to 300 KiB)', async () => {
    for (let k = 0; k < 9; k++) {
      const seed = SEED + 10_000 + k;
      const r = rng(seed);
      const kind = KINDS[k % KINDS.length];
      const c = randomCase(r, SEEKABLE.has(kind), WINDOW - 50 + r.int(3 * WINDOW), 2);
      await checkCase(kind, c, r, r.int(2) ? 2000 : 300_000, seed);
    }
  });

  test('patterns longer than the pieces, up to the window size, planted across window edges', async () => {
    const r = rng(SEED + 7);
    for (const plen of [2, 100, 5000, WINDOW - 1, WINDOW + 3]) {
      const data = r.bytes(3 * WINDOW + 777);
      const pattern = r.bytes(plen);
      for (const at of [5, WINDOW - 1, WINDOW + 1 - plen, 2 * WINDOW - (plen >> 1), data.length - plen]) {
        if (at >= 0 && at + plen <= data.length) data.set(pattern, at);
      }
      const expect = [...findAll(data, pattern)];
      assert.ok(expect.length >= 1);
      assert.deepEqual(await collect(findAllAsync(SOURCES.ReadableStream(cut(data, r, 30_000)), pattern)), expect, `plen ${plen}`);
      assert.equal(await rfindAsync(new Blob([data]), pattern), rfind(data, pattern), `rfind plen ${plen}`);
      assert.equal(await rfindAsync(new Blob([data]), pattern, 0, expect.at(-1) + plen - 1), rfind(data, pattern, 0, expect.at(-1) + plen - 1));
    }
  });

  test('cmpAsync and diffAsync: random pieces on both sides, against cmp and diff', async () => {
    for (let k = 0; k < 400; k++) {
      const seed = SEED + 20_000 + k;
      const r = rng(seed);
      const big = k % 20 === 0;
      const a = r.bytes(big ? WINDOW + r.int(2 * WINDOW) : r.int(30), 2);
      let b = a.slice(0, r.int(3) ? a.length : r.int(a.length + 1));
      if (r.int(3) === 0) b = Buffer.concat([b, r.bytes(1 + r.int(5), 2)]);
      if (b.length && r.int(2)) b[r.int(b.length)] ^= 1;
      const ka = KINDS[r.int(KINDS.length)];
      const kb = KINDS[r.int(KINDS.length)];
      const label = `seed ${seed}: ${ka} (${a.length}) vs ${kb} (${b.length})`;
      const [sa, sb] = [SOURCES[ka](cut(a, r, big ? 70_000 : 6)), SOURCES[kb](cut(b, r, big ? 70_000 : 6))];
      assert.equal(await cmpAsync(sa, sb), cmp(a, b), `cmpAsync ${label}`);
      const [da, db] = [SOURCES[ka](cut(a, r, big ? 9000 : 6)), SOURCES[kb](cut(b, r, big ? 9000 : 6))];
      assert.equal(await diffAsync(da, db), diff(a, b), `diffAsync ${label}`);
      for (const s of [sa, sb, da, db]) release(s);
    }
  });
});

/** Start and end as Python's bytes.find takes them (SPEC §1). */
function positions(len, start, end) {
  let s = start ?? 0;
  if (s < 0) s = Math.max(0, s + len);
  let e = end ?? len;
  if (e < 0) e = Math.max(0, e + len);
  return [s, Math.min(e, len)];
}

/** Every aligned i where `(data[i + k] & mask[k]) === (bytes[k] & mask[k])` for all k: SPEC §10 as a loop. */
function modelMasked(data, { bytes, mask }, start, end, step = 1) {
  const [s, e] = positions(data.length, start, end);
  const out = [];
  for (let i = s; i + bytes.length <= e; i += step) {
    let k = 0;
    while (k < bytes.length && (data[i + k] & mask[k]) === (bytes[k] & mask[k])) k++;
    if (k === bytes.length) out.push(i);
  }
  return out;
}

describe('patterns of SPEC §10', () => {
  /** A Pattern over `alphabet` letters with some bits masked out. */
  function randomPattern(r, alphabet) {
    const bytes = r.bytes(1 + r.int(4), alphabet);
    const mask = Uint8Array.from(bytes, () => [0xff, 0xff, 0x00, 0xfe, 0xf0][r.int(5)]);
    return new Pattern(bytes, mask);
  }

  test('a masked Pattern: findAsync, findAllAsync, countAsync, rfindAsync against the SPEC as a loop', async () => {
    for (let k = 0; k < 400; k++) {
      const seed = SEED + 30_000 + k;
      const r = rng(seed);
      const kind = KINDS[k % KINDS.length];
      const big = k % 50 === 0;
      const c = randomCase(r, SEEKABLE.has(kind), big ? WINDOW + r.int(WINDOW) : r.int(60));
      c.pattern = randomPattern(r, 3);
      const { data, pattern, start, end, step } = c;
      const label = `seed ${seed}, ${kind}, ${data.length} bytes, ${pattern}, start ${start}, end ${end}, step ${step}`;
      const expect = modelMasked(data, pattern, start, end, step);
      assert.deepEqual([...findAll(data, pattern, start, end, step)], expect, `findAll itself: ${label}`);
      const make = () => SOURCES[kind](cut(data, r, big ? 50_000 : 6));
      assert.deepEqual(await collect(findAllAsync(make(), pattern, start, end, step)), expect, `findAllAsync ${label}`);
      assert.equal(await findAsync(make(), pattern, start, end, step), expect[0] ?? -1, `findAsync ${label}`);
      assert.equal(await countAsync(make(), pattern, start, end, step), expect.length, `countAsync ${label}`);
      if (SEEKABLE.has(kind)) assert.equal(await rfindAsync(make(), pattern, start, end, step), expect.at(-1) ?? -1, `rfindAsync ${label}`);
    }
    assert.equal(await findAsync([Uint8Array.of(0x4d), Uint8Array.of(0x5a, 0x90), Uint8Array.of(0)], hexPattern('5a ?? 00')), 1);
  });

  test('findAllAnyAsync: random pieces and pattern sets against findAllAny and a loop', async () => {
    for (let k = 0; k < 400; k++) {
      const seed = SEED + 40_000 + k;
      const r = rng(seed);
      const kind = KINDS[k % KINDS.length];
      const big = k % 50 === 0;
      const c = randomCase(r, SEEKABLE.has(kind), big ? WINDOW + r.int(WINDOW) : r.int(60));
      const patterns = Array.from({ length: 1 + r.int(5) }, () => (r.int(3) === 0 ? randomPattern(r, 3) : latin1(r.bytes(1 + r.int(5), 3))));
      const { data, start, end, step } = c;
      const label = `seed ${seed}, ${kind}, ${data.length} bytes, [${patterns.join(' | ')}], start ${start}, end ${end}, step ${step}`;
      const expect = [...findAllAny(data, patterns, start, end, step)];
      const parts = patterns.map((p) => (typeof p === 'string' ? { bytes: Buffer.from(p, 'latin1'), mask: new Uint8Array(p.length).fill(255) } : p));
      const model = parts.flatMap((p, k) => modelMasked(data, p, start, end, step).map((i) => [i, k])).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      assert.deepEqual(expect, model, `findAllAny itself: ${label}`);
      const src = SOURCES[kind](cut(data, r, big ? 50_000 : 6));
      assert.deepEqual(await collect(findAllAnyAsync(src, patterns, start, end, step)), expect, label);
      release(src);
    }
    await assert.rejects(findAllAnyAsync(['abc'], []).next(), (e) => e instanceof RangeError && e.message.startsWith('findAllAnyAsync(): patterns'));
  });
});

describe('seekable sources', () => {
  test('a FileHandle: positions, negative ones, backwards, and the handle is left open', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wasm-mem-async-'));
    try {
      const r = rng(SEED + 5);
      const data = r.bytes(9 << 20, 3); // more than two 4 MiB blocks
      const path = join(dir, 'data.bin');
      await writeFile(path, data);
      const fh = await open(path);
      try {
        for (const [p, s, e, st] of [['abca', undefined, undefined, 1], ['cab', -5_000_000, -3, 3], ['bb', 4 << 20, (8 << 20) + 5, 7], ['', -10, undefined, 4]]) {
          assert.equal(await findAsync(fh, p, s, e, st), find(data, p, s, e, st), `find ${p} ${s} ${e} ${st}`);
          assert.equal(await rfindAsync(fh, p, s, e, st), rfind(data, p, s, e, st), `rfind ${p} ${s} ${e} ${st}`);
          assert.equal(await countAsync(fh, p, s, e, st), [...findAll(data, p, s, e, st)].length, `count ${p} ${s} ${e} ${st}`);
        }
        assert.equal(await cmpAsync(fh, data), 0);
        assert.equal((await fh.stat()).size, data.length, 'still open');
      } finally {
        await fh.close();
      }
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  test('a Chunk source while the progress callback grows wasm memory (every view detached)', async () => {
    const c = new Chunk(new Uint8Array(40 << 20).fill(1));
    c.bytes.set([7, 8, 9], (40 << 20) - 3);
    const grow = [];
    const i = await findAsync(c, new Uint8Array([7, 8, 9]), 0, undefined, 1, {
      onProgress: () => grow.push(new Chunk(new Uint8Array(8 << 20))),
    });
    assert.equal(i, (40 << 20) - 3);
    assert.ok(grow.length >= 2);
    for (const g of grow) g.free();
    c.free();
  });
});

/** A stream of `n` pieces of 64 KiB, the pattern at `at`; counts pulls and cancels. */
function counted(n, at) {
  const log = { pulled: 0, cancelled: 0, reason: undefined };
  const stream = new ReadableStream({
    pull(c) {
      if (log.pulled === n) return c.close();
      const piece = new Uint8Array(64 << 10);
      if (log.pulled === at) piece.set([1, 2, 3], 100);
      log.pulled++;
      c.enqueue(piece);
    },
    cancel(reason) {
      log.cancelled++;
      log.reason = reason;
    },
  }, { highWaterMark: 0 });
  return { stream, log };
}

describe('reading stops, cancels, aborts', () => {
  test('findAsync stops at the first match and cancels the stream', async () => {
    const { stream, log } = counted(1000, 20);
    assert.equal(await findAsync(stream, new Uint8Array([1, 2, 3])), 20 * (64 << 10) + 100);
    assert.ok(log.pulled <= 20 + 1 + 4, `pulled ${log.pulled} of 1000 pieces`); // the match's piece plus at most one window
    assert.equal(log.cancelled, 1);
    assert.equal(stream.locked, false, 'the lock is released');
  });

  test("a generator's finally runs when findAsync stops early; not when it was read to its end", async () => {
    let closed = 0;
    let pulled = 0;
    const hay = 'h'.repeat(64 << 10);
    const gen = function* () {
      try {
        for (let k = 0; k < 1000; k++, pulled++) yield k === 3 ? 'xxneedle' : hay;
      } finally {
        closed++;
      }
    };
    assert.equal(await findAsync(gen(), 'needle'), 3 * (64 << 10) + 2);
    assert.equal(closed, 1);
    assert.ok(pulled < 10, `pulled ${pulled}`); // a window (4 pieces) past the match at most
    const before = closed;
    assert.equal(await findAsync(['abc'], 'zz'), -1);
    assert.equal(await countAsync(gen(), 'xxn'), 1);
    assert.equal(closed, before + 1); // its own end, not a return()
  });

  test("a consumer's break cancels the stream; reading past `end` is not needed", async () => {
    const a = counted(1000, 5);
    for await (const i of findAllAsync(a.stream, 0)) {
      assert.equal(i, 0);
      break;
    }
    assert.equal(a.log.cancelled, 1);
    assert.ok(a.log.pulled < 10);
    const b = counted(1000, 5);
    assert.equal(await countAsync(b.stream, new Uint8Array([1, 2, 3]), 0, 10 << 20), 1);
    assert.ok(b.log.pulled <= 160 + 4, `pulled ${b.log.pulled}`);
    assert.equal(b.log.cancelled, 1);
  });

  test('abort before start: rejects with the reason at once and reads nothing', async () => {
    const reason = new Error('stop');
    const ac = new AbortController();
    ac.abort(reason);
    for (const fn of [findAsync, countAsync, (s, p, ...rest) => collect(findAllAsync(s, p, ...rest))]) {
      const { stream, log } = counted(10, 0);
      await assert.rejects(fn(stream, 'x', 0, undefined, 1, { signal: ac.signal }), (e) => e === reason);
      assert.equal(log.pulled, 0);
      assert.equal(stream.locked, false);
    }
    const { stream, log } = counted(10, 0);
    await assert.rejects(cmpAsync(stream, ['x'], { signal: ac.signal }), (e) => e === reason);
    assert.equal(log.pulled, 0);
  });

  test('abort midway: rejects with the reason, cancels the stream, leaks nothing', async () => {
    const before = memoryStats().bytesInUse;
    const ac = new AbortController();
    const { stream, log } = counted(100_000, -1);
    const seen = [];
    const p = countAsync(stream, 'x', 0, undefined, 1, {
      signal: ac.signal,
      onProgress: (done) => {
        seen.push(done);
        if (done >= 32 << 20) ac.abort('enough');
      },
    });
    await assert.rejects(p, (e) => e === 'enough');
    assert.ok(log.pulled < 32 * 16 + 300, `pulled ${log.pulled}`);
    assert.equal(log.cancelled, 1);
    assert.equal(seen.length, 2);
    assert.equal(memoryStats().bytesInUse, before);
  });

  test('abort while a piece is awaited: rejects at once, no late write', async () => {
    const ac = new AbortController();
    let resolve;
    const stuck = { [Symbol.asyncIterator]: () => ({ next: () => new Promise((r) => (resolve = r)) }) };
    const p = findAsync(stuck, 'x', 0, undefined, 1, { signal: ac.signal });
    await new Promise((r) => setTimeout(r, 5));
    ac.abort(new RangeError('gone'));
    await assert.rejects(p, RangeError);
    resolve({ done: false, value: new Uint8Array(1 << 20) }); // arrives after the window was freed: ignored
    await new Promise((r) => setTimeout(r, 5));
    assert.equal(await findAsync(['abc'], 'c'), 2);
  });

  test('onProgress: (bytesRead, total) about every 16 MiB; total is the range for seekable sources', async () => {
    const data = new Uint8Array(40 << 20);
    const check = (seen, total) => {
      assert.equal(seen.length, 2, JSON.stringify(seen));
      seen.forEach(([done, t], k) => {
        assert.ok(done >= (k + 1) * (16 << 20) && done < (k + 1) * (16 << 20) + (1 << 20), `report ${k}: ${done}`);
        assert.equal(t, total);
      });
    };
    let seen = [];
    assert.equal(await countAsync(new Blob([data]), 'x', 1 << 20, undefined, 1, { onProgress: (d, t) => seen.push([d, t]) }), 0);
    check(seen, 39 << 20);
    seen = [];
    await countAsync([data.subarray(0, 20 << 20), data.subarray(20 << 20)], 'x', 0, undefined, 1, { onProgress: (d, t) => seen.push([d, t]) });
    check(seen, undefined);
  });

  test('no wasm memory is left in use after any outcome', async () => {
    const before = memoryStats().bytesInUse;
    for (let k = 0; k < 50; k++) {
      await findAsync(['ab', 'c'], 'bc');
      await collect(findAllAsync(['ab', 'c'], 'b'));
      for await (const _ of findAllAsync(['aaaa'], 'a')) break;
      await countAsync(new Blob(['abc']), 'b');
      await rfindAsync(Buffer.from('abc'), 'b');
      await cmpAsync(['a'], ['b']);
      await diffAsync(['abc'], ['abd']);
      await assert.rejects(findAsync([1], 'a'), TypeError);
      await assert.rejects(cmpAsync(['a'], [null]), TypeError);
    }
    assert.equal(memoryStats().bytesInUse, before);
  });
});

describe('bad input', () => {
  test('a source of the wrong kind: TypeError naming the function and what it got', async () => {
    for (const [src, got] of [[5, 'got 5'], [null, 'got null'], [{}, 'got an object (Object)'], [undefined, 'got undefined'], [true, 'got true']]) {
      await assert.rejects(findAsync(src, 'x'), (e) => e instanceof TypeError && e.message.startsWith('findAsync(): source must be') && e.message.endsWith(got));
    }
    await assert.rejects(cmpAsync(['a'], 7), (e) => e instanceof TypeError && /^cmpAsync\(\): b must be .*got 7$/.test(e.message));
    const it = findAllAsync(42, 'x'); // the iterable's first next() rejects
    await assert.rejects(it.next(), (e) => e instanceof TypeError && e.message.includes('findAllAsync(): source'));
  });

  test('a piece that is not a bytes-like: TypeError naming the function and the piece; a string piece is its UTF-8', async () => {
    for (const [piece, got] of [[7, 'got 7'], [null, 'got null'], [{}, 'got an object (Object)'], [[1, 2], 'got an object (Array)'], [undefined, 'got undefined']]) {
      await assert.rejects(countAsync(['ab', piece], 'b'), (e) => e instanceof TypeError && e.message.startsWith('countAsync(): source piece must be') && e.message.endsWith(got), String(piece));
    }
    const rs = new ReadableStream({ start: (c) => { c.enqueue(12); c.close(); } });
    await assert.rejects(findAsync(rs, 'x'), (e) => e instanceof TypeError && e.message.endsWith('got 12'));
    assert.equal(await findAsync(['é', 'x'], 'x'), 2); // 'é' is two bytes
    assert.equal(await findAsync(['\u00c3', '\u00a9'], Buffer.from('é')), -1); // each piece is its own UTF-8: C3 83 C2 A9, not C3 A9
  });

  test('a locked stream, a negative position on a stream, rfindAsync on a stream: TypeError / RangeError', async () => {
    const rs = new ReadableStream({ start: (c) => c.close() });
    const lock = rs.getReader();
    await assert.rejects(findAsync(rs, 'x'), (e) => e instanceof TypeError && /locked/.test(e.message));
    lock.releaseLock();
    await assert.rejects(findAsync(['abc'], 'x', -1), (e) => e instanceof RangeError && /^findAsync\(\): start must be >= 0/.test(e.message));
    await assert.rejects(countAsync(['abc'], 'x', 0, -2), RangeError);
    await assert.rejects(rfindAsync(new ReadableStream({ start: (c) => c.close() }), 'x'), TypeError);
    await assert.rejects(findAsync(['abc'], 'x', 1.5), TypeError);
    await assert.rejects(findAsync(['abc'], 'x', 0, undefined, 0), RangeError);
    await assert.rejects(findAsync(['abc'], 300), RangeError);
    await assert.rejects(findAsync(['abc'], 'x', 0, undefined, 1, { signal: 'no' }), /options.signal must be an AbortSignal/);
    await assert.rejects(findAsync(['abc'], 'x', 0, undefined, 1, { onProgress: 1 }), /options.onProgress must be a function/);
  });

  test('an argument error leaves a stream unlocked and uncancelled', async () => {
    let cancelled = false;
    const rs = new ReadableStream({ pull: (c) => c.enqueue(new Uint8Array(4)), cancel: () => (cancelled = true) });
    await assert.rejects(findAsync(rs, 'x', -3), RangeError);
    assert.equal(rs.locked, false);
    assert.equal(cancelled, false);
  });

  test('an error from the source rejects unchanged', async () => {
    const boom = { any: 'value' };
    const rs = new ReadableStream({ pull: () => { throw boom; } });
    await assert.rejects(findAsync(rs, 'x'), (e) => e === boom);
    const gen = (async function* () { yield 'abc'; throw boom; })();
    await assert.rejects(countAsync(gen, 'b'), (e) => e === boom);
    await assert.rejects(cmpAsync(['abc'], (function* () { throw boom; })()), (e) => e === boom);
    const user = new TypeError('from onProgress');
    await assert.rejects(countAsync(new Uint8Array(20 << 20), 'x', 0, undefined, 1, { onProgress: () => { throw user; } }), (e) => e === user);
  });
});

describe('a string source; options in the third position (issue 28, SPEC §9)', () => {
  const ASYNC = {
    findAsync: (src, p, ...rest) => findAsync(src, p, ...rest),
    findAllAsync: (src, p, ...rest) => collect(findAllAsync(src, p, ...rest)),
    countAsync: (src, p, ...rest) => countAsync(src, p, ...rest),
    rfindAsync: (src, p, ...rest) => rfindAsync(src, p, ...rest),
    findAllAnyAsync: (src, p, ...rest) => collect(findAllAnyAsync(src, [p], ...rest)),
  };
  const pointsAtFiles = (fn, arg) => (e) =>
    e instanceof TypeError &&
    e.message.startsWith(`${fn}(): ${arg} must not be a string, got `) &&
    e.message.includes('fs.openAsBlob(path)') &&
    e.message.includes('fs.promises.open(path)');

  test("a string source (a path, most likely) is a TypeError pointing at fs.openAsBlob and fs.promises.open; opened, the file is searched", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wasm-mem-async-'));
    try {
      const path = join(dir, 'ls');
      await writeFile(path, Buffer.from('\x7fELF\x02\x01\x01', 'latin1'));
      for (const [fn, call] of Object.entries(ASYNC)) {
        for (const src of [path, '', 'ELF', new String(path)]) await assert.rejects(call(src, 'ELF'), pointsAtFiles(fn, 'source'), `${fn} ${src}`);
      }
      for (const [fn, call] of [['cmpAsync', cmpAsync], ['diffAsync', diffAsync]]) {
        await assert.rejects(call(path, [path]), pointsAtFiles(fn, 'a'));
        await assert.rejects(call([path], path), pointsAtFiles(fn, 'b'));
      }
      // The fix the message names, and the same search done right.
      const { openAsBlob } = await import('node:fs');
      assert.equal(await findAsync(await openAsBlob(path), 'ELF'), 1);
      const fh = await open(path);
      try {
        assert.equal(await findAsync(fh, 'ELF'), 1);
      } finally {
        await fh.close();
      }
      // A string pattern and string pieces stay as they were: their UTF-8.
      assert.equal(await findAsync([path], 'ls'), path.length - 2);
      assert.equal(await countAsync(['ELF', 'ELF'], 'ELF'), 2);
      assert.equal(await cmpAsync(['ab'], [Buffer.from('ab')]), 0);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  test('options third, {start, end, step} read from them, agree with the six-argument call and the sync oracle (random cases)', async () => {
    const seed = SEED + 40_000;
    const r = rng(seed);
    const signal = new AbortController().signal;
    for (let k = 0; k < 300; k++) {
      const kind = KINDS[k % KINDS.length];
      const { data, pattern, start, end, step } = randomCase(r, SEEKABLE.has(kind), r.int(50));
      // Each position either left out, or present (possibly as undefined).
      const third = Object.assign(r.int(2) ? {} : Object.create(null), { signal });
      for (const [name, v] of [['start', start], ['end', end], ['step', step]]) if (v !== undefined || r.int(2)) third[name] = v;
      const label = `seed ${seed}, case ${k}, ${kind}, pattern "${latin1(pattern)}", ${JSON.stringify(third)}`;
      const all = [...findAll(data, pattern, start, end, step)];
      const want = {
        findAsync: find(data, pattern, start, end, step),
        findAllAsync: all,
        countAsync: all.length,
        rfindAsync: rfind(data, pattern, start, end, step),
        findAllAnyAsync: pattern.length ? all.map((i) => [i, 0]) : undefined,
      };
      for (const [fn, call] of Object.entries(ASYNC)) {
        if ((fn === 'rfindAsync' && !SEEKABLE.has(kind)) || want[fn] === undefined) continue;
        const make = () => SOURCES[kind](cut(data, r, 7));
        const got = await call(make(), pattern, third);
        assert.deepEqual(got, want[fn], `${fn}: ${label}`);
        assert.deepEqual(await call(make(), pattern, start, end, step, { signal }), got, `${fn} six arguments: ${label}`);
      }
    }
  });

  test("options third: the signal aborts and onProgress reports, for every search; each field is read once", async () => {
    const reason = new Error('stop');
    const ac = new AbortController();
    ac.abort(reason);
    for (const [fn, call] of Object.entries(ASYNC)) {
      const { stream, log } = counted(10, 0);
      const src = fn === 'rfindAsync' ? new Blob(['xx']) : stream;
      await assert.rejects(call(src, 'x', { signal: ac.signal }), (e) => e === reason, fn);
      assert.equal(log.pulled, 0, fn);
      const seen = [];
      const data = new Uint8Array((16 << 20) + 10);
      await call(data, 'x', { onProgress: (done, total) => seen.push([done, total]), start: 5 });
      assert.equal(seen.length, 1, `${fn}: ${JSON.stringify(seen)}`);
      assert.equal(seen[0][1], data.length - 5, fn);
    }
    const reads = {};
    const o = {};
    for (const name of ['start', 'end', 'step', 'signal', 'onProgress']) {
      Object.defineProperty(o, name, { enumerable: true, get: () => ((reads[name] = (reads[name] ?? 0) + 1), name === 'step' ? 2 : undefined) });
    }
    assert.equal(await countAsync(new Blob(['xxxx']), 'x', o), 2);
    assert.deepEqual(reads, { start: 1, end: 1, step: 1, signal: 1, onProgress: 1 });
  });

  test('options third: errors name options.start/end/step; nothing may follow them; another object there is not options', async () => {
    const blob = new Blob(['abc']);
    const table = [
      [[{ start: 'x' }], TypeError, /^countAsync\(\): options\.start must be an integer, got "x"/],
      [[{ end: 1.5 }], TypeError, /^countAsync\(\): options\.end must be an integer, got 1\.5$/],
      [[{ step: 0 }], RangeError, /^countAsync\(\): options\.step must be an integer >= 1, got 0$/],
      [[{ signal: 'no' }], TypeError, /^countAsync\(\): options\.signal must be an AbortSignal/],
      [[{ onProgress: 1 }], TypeError, /^countAsync\(\): options\.onProgress must be a function/],
      [[{}, 2], TypeError, /^countAsync\(\): end must be left out after options given third, got 2$/],
      [[{}, undefined, 1], TypeError, /^countAsync\(\): step must be left out after options given third, got 1$/],
      [[{}, undefined, undefined, {}], TypeError, /^countAsync\(\): options must be left out after options given third, got an object \(Object\)$/],
      [[new Date(0)], TypeError, /^countAsync\(\): start must be an integer or a plain object of options, got an object \(Date\)$/],
      [[[1]], TypeError, /^countAsync\(\): start must be an integer or a plain object of options, got an object \(Array\)$/],
      [[new (class Options {})()], TypeError, /^countAsync\(\): start must be an integer or a plain object of options, got an object \(Object\)$/],
      [[null], TypeError, /^countAsync\(\): start must be an integer, got null$/],
    ];
    for (const [rest, cls, re] of table) {
      await assert.rejects(countAsync(blob, 'b', ...rest), (e) => e instanceof cls && re.test(e.message), String(re));
    }
    await assert.rejects(findAsync(['abc'], 'x', { start: -1 }), (e) => e instanceof RangeError && /^findAsync\(\): options\.start must be >= 0 for a source read once/.test(e.message));
    await assert.rejects(findAllAsync(['abc'], 'x', { end: -1 }).next(), (e) => e instanceof RangeError && /^findAllAsync\(\): options\.end must be >= 0/.test(e.message));
    // Seekable: negative positions count from the end, as in the six-argument call.
    assert.equal(await rfindAsync(new Blob(['abcabc']), 'a', { end: -3 }), 0);
    assert.equal(await findAsync(new Blob(['abcabc']), 'a', { start: -3 }), 3);
  });
});

describe('a closed FileHandle (issue 28)', () => {
  test('closed before the call, or by the caller while it reads: the package\'s TypeError naming the function and the argument', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wasm-mem-fh-'));
    try {
      const file = join(dir, 'f.bin');
      await writeFile(file, new Uint8Array(10 << 20)); // more than one 4 MiB block
      const closed = await open(file);
      await closed.close();
      for (const [label, call] of [
        ['findAsync', () => findAsync(closed, 'x')],
        ['countAsync', () => countAsync(closed, 'x')],
        ['rfindAsync', () => rfindAsync(closed, 'x')],
        ['cmpAsync', () => cmpAsync(new Uint8Array(1), closed)],
      ]) {
        const arg = label === 'cmpAsync' ? 'b' : 'source';
        await assert.rejects(call(), new RegExp(`^TypeError: ${label}\\(\\): ${arg} is a closed FileHandle`), label);
      }
      // A handle (by shape, as the package tells one) closed after its first block was read.
      const real = await open(file);
      let reads = 0;
      const closing = {
        get fd() {
          return real.fd;
        },
        stat: () => real.stat(),
        async read(...args) {
          if (++reads === 2) await real.close();
          return real.read(...args);
        },
      };
      await assert.rejects(findAsync(closing, 'absent'), /^TypeError: findAsync\(\): source is a closed FileHandle/);
      // Any other error of the handle passes through unchanged.
      const boom = new Error('disk on fire');
      const failing = { fd: 3, stat: async () => ({ size: 100 }), read: async () => { throw boom; } };
      await assert.rejects(findAsync(failing, 'x'), (e) => e === boom);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
