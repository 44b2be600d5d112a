// SPEC §2 functions against oracles: Python's bytes.find/rfind (fixed
// vectors), Buffer's indexOf/lastIndexOf/compare, and plain-loop models of
// the SPEC's definitions; over every bytes-like kind, in place in wasm memory
// and staged in windows from foreign buffers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  NotFoundError, cmp, copy, diff, find, findAll, index, len, match, rdiff, rfind, rindex, rmatch,
} from 'wasm-mem';
import { wasmBuffer } from '../../dist/js/core/wasm.js';
import { freeKinds, kinds, modelAll, modelFind, modelRfind, modelScan, rng, wasmBytes } from './helpers.js';

const vectors = JSON.parse(readFileSync(new URL('../vectors/find.json', import.meta.url)));
const u8 = (s) => Buffer.from(s, 'latin1');
const WINDOW = 256 << 10; // functions.js stages foreign bytes in windows of this size

describe('SPEC examples', () => {
  test('the issue example line', () => {
    assert.deepEqual(
      [find('xxabxxab', 'ab'), find('xxabxxab', 'ab', 0, undefined, 4), find('xxabxxab', 'ab', 2, undefined, 4),
        rfind('xxabxxab', 'ab', 0, undefined, 2), diff('abcd', 'abXd'), rdiff('xabcd', 'abXd'),
        match('abc', 'xbc'), rmatch('abcx', 'zzzbcy'), cmp('ab', 'abc')],
      [2, -1, 2, 6, 2, 3, 1, 2, -1]);
  });
  test('index/rindex throw NotFoundError; find/rfind give -1', () => {
    assert.throws(() => index(new Uint8Array(8), 1), (e) => e instanceof NotFoundError && e.name === 'NotFoundError' && e instanceof Error && /index\(\)/.test(e.message));
    assert.throws(() => rindex('abc', 'z'), NotFoundError);
    assert.equal(find(new Uint8Array(8), 1), -1);
    assert.equal(index(new Uint8Array([0, 1]), 1), 1);
  });
  test('empty pattern: start when start <= end, highest aligned position for rfind', () => {
    assert.equal(find('abc', ''), 0);
    assert.equal(find('abc', '', 3), 3);
    assert.equal(find('abc', '', 4), -1);
    assert.equal(rfind('abc', ''), 3);
    assert.equal(rfind('abcde', '', 0, undefined, 2), 4);
    assert.equal(rfind('abcde', '', 1, undefined, 3), 4);
    assert.equal(rfind('abcdef', '', 1, 5, 3), 4);
    assert.deepEqual([...findAll('abcde', '', 1, undefined, 2)], [1, 3, 5]);
  });
  test('a pattern may be a byte value', () => {
    assert.equal(find(new Uint8Array([5, 255, 0]), 255), 1);
    assert.equal(rfind(new Uint8Array([0, 255, 0]), 0), 2);
  });
});

describe('Python bytes.find/rfind vectors (negative and out-of-range positions)', () => {
  for (const [label, convert] of [['string', (s) => s], ['Buffer', u8], ['wasm memory', (s) => wasmBytes(u8(s))]]) {
    test(`${vectors.length} cases, dest as ${label}`, () => {
      for (const c of vectors) {
        const hay = convert(c.hay);
        const start = c.start ?? undefined;
        const end = c.end ?? undefined;
        const where = JSON.stringify(c);
        assert.equal(find(hay, c.pat, start, end), c.find, where);
        assert.equal(rfind(hay, c.pat, start, end), c.rfind, where);
        if (c.find < 0) assert.throws(() => index(hay, c.pat, start, end), NotFoundError, where);
        else assert.equal(index(hay, c.pat, start, end), c.find, where);
        if (c.rfind < 0) assert.throws(() => rindex(hay, c.pat, start, end), NotFoundError, where);
        else assert.equal(rindex(hay, c.pat, start, end), c.rfind, where);
        hay.free?.();
      }
    });
  }
});

describe('searches against the model, every bytes-like kind', () => {
  test('random haystacks, patterns, positions and steps', () => {
    const seed = 1234;
    const r = rng(seed);
    for (let round = 0; round < 300; round++) {
      const alphabet = 1 + r.int(3);
      const hay = r.bytes(r.int(60), alphabet);
      const pat = r.bytes(r.int(4), alphabet);
      const start = r() < 0.3 ? undefined : r.int(hay.length + 6) - 3;
      const end = r() < 0.3 ? undefined : r.int(hay.length + 6) - 3;
      const step = r() < 0.3 ? undefined : 1 + r.int(5);
      const hk = kinds(hay);
      const pk = kinds(pat);
      const want = modelAll(hay, pat, start, end, step);
      for (const [hl, h] of hk) {
        const [pl, p] = pk[r.int(pk.length)];
        const where = `seed ${seed} round ${round}: hay ${hl} [${hay}] pat ${pl} [${pat}] start ${start} end ${end} step ${step}`;
        assert.equal(find(h, p, start, end, step), want[0] ?? -1, where);
        assert.equal(rfind(h, p, start, end, step), want.at(-1) ?? -1, where);
        assert.deepEqual([...findAll(h, p, start, end, step)], want, where);
      }
      freeKinds(hk);
      freeKinds(pk);
    }
  });

  test('step 1 agrees with Buffer.indexOf/lastIndexOf', () => {
    const r = rng(99);
    for (let round = 0; round < 500; round++) {
      const hay = Buffer.from(r.bytes(r.int(200), 2 + r.int(3)));
      const pat = Buffer.from(r.bytes(1 + r.int(5), 2 + r.int(3)));
      const where = `round ${round}: ${hay} / ${pat}`;
      assert.equal(find(hay, pat), hay.indexOf(pat), where);
      assert.equal(rfind(hay, pat), hay.lastIndexOf(pat), where);
      const w = wasmBytes(hay);
      assert.equal(find(w, pat), hay.indexOf(pat), where);
      assert.equal(rfind(w, pat), hay.lastIndexOf(pat), where);
      w.free();
    }
  });

  test('index and rindex agree with find and rfind on found cases', () => {
    const hay = u8('abcabcabc');
    assert.equal(index(hay, 'bc', 2), 4);
    assert.equal(rindex(hay, 'bc', 0, 8), 4);
    assert.equal(index(hay, 'b', 1, undefined, 3), 1);
    assert.equal(rindex(hay, 'b', 1, undefined, 3), 7);
    assert.throws(() => index(hay, 'a', 1, undefined, 3), NotFoundError); // 1, 4, 7 hold 'b'
  });
});

describe('foreign bytes are staged in windows', () => {
  // Matches planted around window boundaries, found from a Buffer (windowed)
  // and must equal the model on the same bytes.
  const size = 3 * WINDOW + 4321;
  const hay = Buffer.alloc(size, 0x61);
  const pat = u8('NEEDLE');
  const spots = [0, WINDOW - 6, WINDOW - 3, WINDOW + 2, 2 * WINDOW - 1, 2 * WINDOW + 5, size - 6];
  for (const s of spots) pat.copy(hay, s);

  test('find/rfind/findAll with steps across boundaries', () => {
    for (const step of [1, 2, 3, 7, WINDOW + 1]) {
      for (const [start, end] of [[undefined, undefined], [5, undefined], [WINDOW - 5, 2 * WINDOW + 11], [-WINDOW, undefined]]) {
        const want = modelAll(hay, pat, start, end, step);
        const where = `step ${step} start ${start} end ${end}`;
        assert.equal(find(hay, pat, start, end, step), want[0] ?? -1, where);
        assert.equal(rfind(hay, pat, start, end, step), want.at(-1) ?? -1, where);
        assert.deepEqual([...findAll(hay, pat, start, end, step)], want, where);
      }
    }
  });

  test('a pattern longer than one byte straddling every boundary', () => {
    const r = rng(7);
    const big = Buffer.from(r.bytes(2 * WINDOW + 100, 2));
    for (const p of [u8('abba'), u8('aaaaaaaaab'), u8('b')]) {
      assert.equal(find(big, p), big.indexOf(p));
      assert.equal(rfind(big, p), big.lastIndexOf(p));
      assert.equal([...findAll(big, p)].length, modelAll(big, p).length);
    }
  });

  test('searching a 64 MiB Buffer does not grow wasm memory by its size', () => {
    const before = wasmBuffer().byteLength;
    const huge = Buffer.alloc(64 << 20);
    huge[huge.length - 1] = 1;
    assert.equal(find(huge, 1), huge.length - 1);
    assert.equal(rfind(huge, 0, 0, huge.length - 1), huge.length - 2);
    assert.equal(diff(huge, Buffer.alloc(64 << 20)), huge.length - 1);
    assert.ok(wasmBuffer().byteLength - before < 8 << 20, `grew by ${wasmBuffer().byteLength - before}`);
  });
});

describe('findAll', () => {
  test('is lazy: the first matches of millions arrive without computing the rest', () => {
    const zeros = Buffer.alloc(4 << 20);
    const it = findAll(zeros, 0);
    assert.deepEqual([it.next().value, it.next().value, it.next().value], [0, 1, 2]);
    let n = 3;
    for (const i of it) {
      if (i !== n) assert.fail(`expected ${n}, got ${i}`);
      n++;
    }
    assert.equal(n, zeros.length);
  });
  test('checks its arguments at the call, not at the first next()', () => {
    assert.throws(() => findAll('abc', 'a', 0, 3, 0), RangeError);
    assert.throws(() => findAll(null, 'a'), TypeError);
  });
  test('reads the current bytes of its dest batch by batch', () => {
    const buf = new Uint8Array(10000); // 10000 matches: more than one batch
    const it = findAll(buf, 0);
    assert.equal(it.next().value, 0);
    buf.fill(1, 5000); // changed before the second batch is read
    // The rest of the first batch (1..4095) was read before the change; the
    // second batch sees the zeros left at 4096..4999 only.
    assert.equal([...it].length, 4095 + 904);
  });
  test('overlapping matches are all listed', () => {
    assert.deepEqual([...findAll('aaaa', 'aa')], [0, 1, 2]);
  });
});

describe('cmp, diff, rdiff, match, rmatch', () => {
  test('against Buffer.compare and loop models, every kind', () => {
    const r = rng(4242);
    for (let round = 0; round < 300; round++) {
      const a = r.bytes(r.int(24), 2);
      const b = r() < 0.3 ? Uint8Array.from(a.subarray(r.int(a.length + 1))) : r.bytes(r.int(24), 2);
      const ak = kinds(a);
      const bk = kinds(b);
      for (const [al, x] of ak) {
        const [bl, y] = bk[r.int(bk.length)];
        const where = `round ${round}: a ${al} [${a}] b ${bl} [${b}]`;
        assert.equal(cmp(x, y), Buffer.compare(a, b), where);
        assert.equal(diff(x, y), modelScan(a, b, false, true), where);
        assert.equal(rdiff(x, y), modelScan(a, b, true, true), where);
        assert.equal(match(x, y), modelScan(a, b, false, false), where);
        assert.equal(rmatch(x, y), modelScan(a, b, true, false), where);
      }
      freeKinds(ak);
      freeKinds(bk);
    }
  });

  test('windowed operands: differences near every window boundary', () => {
    const n = 2 * WINDOW + 77;
    for (const at of [0, WINDOW - 1, WINDOW, 2 * WINDOW + 76]) {
      const a = Buffer.alloc(n, 5);
      const b = Buffer.alloc(n + 3, 5);
      b[at] = 6;
      const w = wasmBytes(a);
      for (const x of [a, w]) {
        assert.equal(cmp(x, b), -1, `at ${at}`);
        assert.equal(diff(x, b), at);
        assert.equal(rdiff(x, b), modelScan(a, b, true, true));
        assert.equal(match(b, x), at === 0 ? 1 : 0);
        assert.equal(rmatch(x, b), n - 1);
      }
      w.free();
    }
    assert.equal(cmp(Buffer.alloc(n), Buffer.alloc(n)), 0);
    assert.equal(cmp(Buffer.alloc(n + 1), Buffer.alloc(n)), 1);
  });

  test('SPEC details: empty operands, prefixes, rdiff index into a', () => {
    assert.equal(cmp('', ''), 0);
    assert.equal(cmp('', 'a'), -1);
    assert.equal(cmp('b', 'abc'), 1);
    assert.equal(diff('abc', 'ab'), -1);
    assert.equal(rdiff('zzabc', 'bc'), -1);
    assert.equal(rdiff('zzabc', 'xc'), 3);
    assert.equal(rmatch('abc', 'xyz'), -1);
    assert.equal(match('', 'x'), -1);
  });
});

describe('copy', () => {
  test('every pair of kinds, with negative and default start', () => {
    const src = u8('XYZ');
    for (const [dl, d] of kinds(u8('abcdefgh')).filter(([l]) => l !== 'string')) {
      for (const [sl, s] of kinds(src)) {
        const view = (v) => Buffer.from(v instanceof ArrayBuffer || v instanceof SharedArrayBuffer ? new Uint8Array(v)
          : ArrayBuffer.isView(v) ? new Uint8Array(v.buffer, v.byteOffset, v.byteLength) : v[Symbol.for('wasm-mem.bytes')]());
        copy(d, u8('abcdefgh'));
        assert.equal(copy(d, s, -4), 3, `${dl} <- ${sl}`);
        assert.equal(view(d).toString('latin1'), 'abcdXYZh', `${dl} <- ${sl}`);
        assert.equal(copy(d, s), 3);
        assert.equal(view(d).toString('latin1'), 'XYZdXYZh', `${dl} <- ${sl}`);
        s.free?.();
      }
      d.free?.();
    }
  });
  test('overlapping source and destination, both directions, in wasm memory and out', () => {
    for (const make of [(b) => b, (b) => wasmBytes(b)]) {
      for (let from = 0; from <= 6; from++) {
        for (let to = 0; to <= 6; to++) {
          const base = u8('0123456789');
          const m = make(Uint8Array.from(base));
          const whole = m instanceof Uint8Array ? m : m[Symbol.for('wasm-mem.bytes')]();
          const want = Buffer.from(base);
          want.copy(want, to, from, from + 4);
          copy(whole, whole.subarray(from, from + 4), to);
          const got = m instanceof Uint8Array ? m : m[Symbol.for('wasm-mem.bytes')]();
          assert.equal(Buffer.from(got).toString(), want.toString(), `from ${from} to ${to}`);
          m.free?.();
        }
      }
    }
  });
  test('does not fit: RangeError and nothing written', () => {
    const d = new Uint8Array(4);
    assert.throws(() => copy(d, 'abcde'), RangeError);
    assert.throws(() => copy(d, 'ab', 3), RangeError);
    assert.throws(() => copy(d, 'ab', -1), RangeError);
    assert.throws(() => copy(d, 'a', -5), RangeError);
    assert.deepEqual([...d], [0, 0, 0, 0]);
    assert.equal(copy(d, '', 4), 0); // an empty src fits at the end
    assert.equal(copy(d, 'abcd', -4), 4);
  });
});

describe('len', () => {
  test('bytes of every kind and UTF-8 length of strings', () => {
    for (const [label, v] of kinds(u8('hello'))) {
      assert.equal(len(v), 5, label);
      v.free?.();
    }
    for (const s of ['', 'é', '€uro', '😀', '\ud800', 'a\udc00b', '\ud83d\ude00\ud83d']) {
      assert.equal(len(s), Buffer.byteLength(s), JSON.stringify(s));
    }
    assert.equal(len(new Float64Array(3)), 24);
    assert.equal(len(new DataView(new ArrayBuffer(10), 2, 5)), 5);
  });
});
