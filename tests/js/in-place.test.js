// Foreign bytes searched where they are (search/inplace.js): the platform's
// memchr on the pattern's rarest byte, then a check, the kernel taking over
// where that byte turns out common. The Node entry has the memchr; the
// browser entry has none and stages every window into wasm: both must give
// what a plain JS loop gives, for every position, around the size cut-over
// (64 bytes), the density rule (8 candidates closer than 1024 bytes each),
// steps, both directions, masked patterns, the empty pattern and bounds. The
// async functions search big pieces (16 KiB and more) in place the same way:
// random piece sizes against the in-memory search, aborts, and pieces a
// consumer detaches or shrinks between two batches.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { Pattern, countAsync, find, findAll, findAllAsync, findAsync, rfind } from 'wasm-mem';
import { heap } from '../../dist/js/core/wasm.js';
import { byteSearch, registerByteSearch } from '../../dist/js/search/inplace.js';
import { rng } from './helpers.js';

// The cases run in a child per entry (each entry loads its own module).
const script = (entry) => `
const m = await import(${JSON.stringify(entry)});
const { readFileSync } = await import('node:fs');
await m.init(readFileSync(new URL('../../dist/wasm-mem.wasm', ${JSON.stringify(entry)})));
let seed = 2027;
const rand = (n) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
function oracle(h, p, mask, start, end, step, backward) {
  const n = h.length;
  let s = start ?? 0;
  if (s < 0) s = Math.max(0, s + n);
  let e = end ?? n;
  if (e < 0) e = Math.max(0, e + n);
  e = Math.min(e, n);
  let found = -1;
  for (let i = s; i + p.length <= e; i += step) {
    let k = 0;
    while (k < p.length && (h[i + k] & mask[k]) === (p[k] & mask[k])) k++;
    if (k === p.length) {
      if (!backward) return i;
      found = i;
    }
  }
  return found;
}
// Where the rare byte (Z) sits: nowhere, sparse (every 1100 bytes: stays in place),
// dense (every 1000 or 40: the kernel takes over), or sparse then dense and back.
const LAYOUTS = [[], [1100], [1000], [40], [1100, 40], [40, 1100], [2000, 900, 5000]];
let cases = 0;
for (const size of [65, 66, 200, 4095, 4097, 16384, 70000]) {
  for (let round = 0; round < 40; round++) {
    const h = new Uint8Array(size);
    for (let k = 0; k < size; k++) h[k] = 97 + rand(3);
    const gaps = LAYOUTS[round % LAYOUTS.length];
    for (let at = rand(50), g = 0; gaps.length && at < size; at += gaps[Math.min(g, gaps.length - 1)], g = Math.floor((at / size) * gaps.length)) h[at] = 90;
    const plen = [1, 2, 3, 5, 17, 300][rand(6)];
    let p = new Uint8Array(plen);
    for (let k = 0; k < plen; k++) p[k] = 97 + rand(3);
    p[rand(plen)] = 90;
    // Plant some copies: at the start, at the end, around the 64-byte cut-over, anywhere.
    for (const at of [0, size - plen, 63, 64, rand(size)]) if (at >= 0 && at + plen <= size && rand(2)) h.set(p, at);
    let mask = new Uint8Array(plen).fill(255);
    const kind = rand(6);
    if (kind === 0) p = new Uint8Array(0), mask = new Uint8Array(0);
    if (kind === 1 && plen > 1) mask[rand(plen)] = [0, 0xf0, 0x0f][rand(3)];
    if (kind === 2) mask.fill(0); // no fixed byte: the kernel alone
    const pattern = mask.every((b) => b === 255) ? p : new m.Pattern(p, mask);
    const step = [1, 1, 2, 3, 7, 4096][rand(6)];
    const start = rand(3) ? undefined : rand(size + 10) - 5;
    const end = rand(3) ? undefined : rand(size + 10) - 5;
    for (const hay of [Buffer.from(h), h]) {
      for (const backward of [false, true]) {
        const got = (backward ? m.rfind : m.find)(hay, pattern, start, end, step);
        const want = oracle(h, p, mask, start, end, step, backward);
        if (got !== want) throw new Error(\`size \${size} round \${round} plen \${plen} kind \${kind} step \${step} [\${start}, \${end}) \${backward ? 'rfind' : 'find'}: got \${got}, want \${want}\`);
        cases++;
      }
    }
  }
}
console.log(cases);
`;

for (const [label, entry] of [['Node entry (in place)', '../../dist/js/index-node.js'], ['browser entry (wasm windows only)', '../../dist/js/index.js']]) {
  test(`find and rfind over foreign bytes, ${label}, as a plain JS loop`, () => {
    const url = new URL(entry, import.meta.url).href;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script(url)], { encoding: 'utf8', cwd: new URL('.', import.meta.url).pathname });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), String(7 * 40 * 2 * 2));
  });
}

/** Counts the platform's byte searches while `fn` runs. */
function countingByteSearch(fn) {
  const platform = byteSearch;
  let calls = 0;
  registerByteSearch({
    indexOf: (v, b, from) => (calls++, platform.indexOf(v, b, from)),
    lastIndexOf: (v, b, from) => (calls++, platform.lastIndexOf(v, b, from)),
  });
  return Promise.resolve()
    .then(fn)
    .then((value) => ({ value, calls }))
    .finally(() => registerByteSearch(platform));
}

describe('in place: no wasm window for an early match', () => {
  /** Whether `bytes` occur anywhere in wasm memory. */
  const inWasm = (bytes) => Buffer.from(heap().buffer).indexOf(bytes) >= 0;

  test('find in a 150 KiB foreign Buffer, match 5 KB in: one byte search, and its bytes never copied into wasm memory', async () => {
    const hay = Buffer.alloc(150 << 10);
    const marker = Buffer.from(rng(Date.now() >>> 0).bytes(32, 26)); // before the match, in the first window a stage would copy
    marker.copy(hay, 100);
    Buffer.from('needle-7Q').copy(hay, 5000);
    const mask = Uint8Array.from([255, 255, 255, 255, 0, 255, 255, 255, 255]);
    const { value, calls } = await countingByteSearch(() => [find(hay, 'needle-7Q'), find(hay, new Pattern('needle-7Q', mask))]);
    assert.deepEqual(value, [5000, 5000]);
    assert.equal(calls, 2);
    assert.equal(inWasm(marker), false, 'nothing staged into wasm memory');
  });

  test('a rare byte that turns out common hands over to the kernel, which finds what lies past that point', async () => {
    const hay = Buffer.alloc(100_000, 0x61);
    for (let at = 10; at < hay.length; at += 50) hay[at] = 0x51; // Q every 50 bytes
    hay.write('xQy', 90_000);
    const { value, calls } = await countingByteSearch(() => [find(hay, 'xQy'), find(hay, 'xQy', 0, 90_002)]);
    assert.deepEqual(value, [90_000, -1]);
    assert.ok(calls < 40, `${calls} byte searches for 2000 candidates: the kernel took over`);
  });
});

test('a 3 GiB foreign view: matches past 2 GiB, where Buffer#indexOf answers in 32 bits and clamps its offset', (t) => {
  let big;
  try {
    big = new Uint8Array(3 * 2 ** 30); // zero pages: reading them takes no memory
  } catch {
    t.skip('no 3 GiB ArrayBuffer on this machine');
    return;
  }
  const far = 2 ** 31 + 12_345;
  big.set([0x78, 0x51, 0x79], far);
  big.set([0x78, 0x51, 0x79], 1000);
  assert.deepEqual(
    [find(big, 'xQy', 2000), rfind(big, 'xQy'), rfind(big, 'xQy', 0, far + 2), find(big, 0x51, 2000), rfind(big, 0x51), find(big, 'xQy', far + 1)],
    [far, far, 1000, far + 1, far + 1, -1],
  );
});

/** `data` cut into pieces of the given sizes, cycled (a size of 0 stands for 1). */
function cut(data, sizes) {
  const out = [];
  for (let at = 0, k = 0; at < data.length; k++) {
    const n = Math.max(1, sizes[k % sizes.length]);
    out.push(data.subarray(at, at + n));
    at += n;
  }
  return out;
}

const streamOf = (pieces) => {
  let k = 0;
  return new ReadableStream({ pull: (c) => (k < pieces.length ? c.enqueue(pieces[k++]) : c.close()) });
};

async function collect(it) {
  const out = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('async: big pieces searched in place', () => {
  test('random piece sizes (1 byte to 3 MiB) against findAll over the whole input', async () => {
    const SIZES = [1, 7, 100, 16383, 16384, 20000, 70000, 1 << 20, 3 << 20];
    for (let k = 0; k < 24; k++) {
      const seed = 4100 + k;
      const r = rng(seed);
      const size = [50_000, 400_000, 5 << 20][k % 3];
      const data = r.bytes(size, 3);
      // The rare byte sparse, dense, or both, so pieces stay in place or hand over.
      const gap = [1100, 1000, 30][r.int(3)];
      for (let at = r.int(gap); at < size; at += gap + r.int(2) * r.int(3000)) data[at] = 0x5a;
      const plen = [1, 2, 8, 40][r.int(4)];
      const pattern = r.bytes(plen, 3);
      pattern[r.int(plen)] = 0x5a;
      const sizes = Array.from({ length: 4 }, () => SIZES[r.int(SIZES.length)]);
      // Matches straddling pieces: planted across each piece boundary.
      for (let at = 0, j = 0; at < size; at += Math.max(1, sizes[j++ % 4])) if (at > plen && at + plen < size) data.set(pattern, at - r.int(plen));
      const mask = r.int(4) === 0 && plen > 1 ? Uint8Array.from(pattern, (_, i) => (i === 0 ? 0 : 255)) : null;
      const pat = mask === null ? pattern : new Pattern(pattern, mask);
      const step = [1, 1, 3, 64][r.int(4)];
      const start = r.int(3) ? 0 : r.int(1000);
      const end = r.int(3) ? undefined : size - r.int(1000);
      const expect = [...findAll(data, pat, start, end, step)];
      const msg = `seed ${seed} sizes ${sizes} plen ${plen} gap ${gap} step ${step} [${start}, ${end})`;
      assert.deepEqual(await collect(findAllAsync(streamOf(cut(data, sizes)), pat, start, end, step)), expect, msg);
      assert.equal(await countAsync(streamOf(cut(data, sizes)), pat, start, end, step), expect.length, msg);
      assert.equal(await findAsync(streamOf(cut(data, sizes)), pat, start, end, step), expect.length ? expect[0] : -1, msg);
      assert.equal(await findAsync(data, pat, start, end, step), expect.length ? expect[0] : -1, msg);
    }
  });

  test('pieces of 1 MiB with a rare byte are searched in place (byte searches, not only the kernel)', async () => {
    const data = Buffer.alloc(4 << 20, 0x61);
    for (let at = 1000; at < data.length; at += 300_000) data.write('ZQXJ', at);
    const { value, calls } = await countingByteSearch(() => collect(findAllAsync(streamOf(cut(data, [1 << 20])), 'ZQXJ')));
    assert.deepEqual(value, [...findAll(data, 'ZQXJ')]);
    assert.ok(calls >= 4, `${calls} byte searches`);
  });

  test('an abort mid-stream rejects with its reason and cancels the stream', async () => {
    const controller = new AbortController();
    let cancelled = 0;
    let pulled = 0;
    const piece = Buffer.alloc(1 << 20, 0x61);
    piece.write('ZQ', 5000);
    const stream = new ReadableStream({
      pull: (c) => void (pulled++ < 100 ? c.enqueue(piece) : c.close()),
      cancel: () => void cancelled++,
    });
    const seen = [];
    await assert.rejects(
      (async () => {
        for await (const i of findAllAsync(stream, 'ZQ', { signal: controller.signal })) {
          seen.push(i);
          if (seen.length === 2) controller.abort(new Error('stop'));
        }
      })(),
      /stop/,
    );
    assert.deepEqual(seen, [5000, (1 << 20) + 5000]);
    assert.equal(cancelled, 1);
    assert.ok(pulled < 10, `${pulled} pieces pulled of 100`);
  });

  test('a piece detached or shrunk by the consumer between two windows is a clear TypeError, not stale bytes', async () => {
    // A match every 1500 bytes in a 7 MiB piece: searched in place a span at a time.
    const make = (buffer) => {
      const v = new Uint8Array(buffer, 0, 7 << 20).fill(0x61);
      for (let at = 0; at + 2 <= v.length; at += 1500) v[at + 1] = 0x5a;
      return v;
    };
    const detached = make(new ArrayBuffer(7 << 20));
    const shrunk = make(new ArrayBuffer(7 << 20, { maxByteLength: 7 << 20 }));
    for (const [v, change] of [
      [detached, () => structuredClone(detached.buffer, { transfer: [detached.buffer] })],
      [shrunk, () => shrunk.buffer.resize(1000)],
    ]) {
      const seen = [];
      await assert.rejects(
        (async () => {
          for await (const i of findAllAsync([v], 'aZ')) if (seen.push(i) === 1000) change();
        })(),
        (e) => e instanceof TypeError && /^findAllAsync\(\): source piece changed size during the call/.test(e.message),
      );
      // What was reported was read before the change: true matches, in order, and not all of them.
      assert.deepEqual(seen, Array.from({ length: seen.length }, (_, k) => k * 1500));
      assert.ok(seen.length < (7 << 20) / 1500, `${seen.length} reported`);
    }
  });
});
