// SPEC §10: Pattern, hexPattern, masked search through every search entry,
// findAny/findAllAny and magic — against Python re vectors
// (tests/vectors/make_pattern_vectors.py), a plain-loop model of the masked
// definition, and the plain search for full masks; over every bytes-like
// kind, in wasm memory and staged in windows.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  Chunk, Pattern, bytes, find, findAll, findAllAny, findAny, hexPattern, index, magic, rfind, rindex,
} from 'wasm-mem';
import { findAnyInWindow, compilePatterns } from '../../dist/js/search/findany.js';
import { freeKinds, kinds, rng } from './helpers.js';
import { mutate, samples } from '../lib/magic.js';

const vectors = JSON.parse(readFileSync(new URL('../vectors/patterns.json', import.meta.url)));
const hex = (s) => Uint8Array.from(Buffer.from(s, 'hex'));
const arg = (v) => (v === null ? undefined : v);

/** Every aligned masked match, by the SPEC's definition. */
function modelMasked(hay, pat, mask, start = 0, end = hay.length, step = 1) {
  const n = hay.length;
  let s = start < 0 ? Math.max(0, start + n) : start;
  let e = end < 0 ? Math.max(0, end + n) : Math.min(end, n);
  const out = [];
  for (let i = s; i + pat.length <= e; i += step) {
    let k = 0;
    while (k < pat.length && (hay[i + k] & mask[k]) === (pat[k] & mask[k])) k++;
    if (k === pat.length) out.push(i);
  }
  return out;
}

describe('SPEC examples', () => {
  test('the issue examples', () => {
    assert.equal(find(new Uint8Array([1, 0x4d, 7, 0x5a]), hexPattern('4d ?? 5a')), 1);
    assert.throws(() => hexPattern('4g'), RangeError);
    assert.deepEqual(findAny('xxabyycd', ['cd', 'ab']), { index: 2, pattern: 1 });
  });
});

describe('hexPattern', () => {
  test('digits, ??, nibbles, whitespace around and between bytes, either case', () => {
    const p = hexPattern(' 4D5a\t?? 5? ?e\n');
    assert.deepEqual([...p.bytes], [0x4d, 0x5a, 0, 0x50, 0x0e]);
    assert.deepEqual([...p.mask], [0xff, 0xff, 0, 0xf0, 0x0f]);
    assert.equal(p.length, 5);
    assert.equal(String(p), '4d 5a ?? 5? ?e');
  });
  test('RangeError naming the position of the first bad character', () => {
    for (const [text, pos] of [['4g', 1], ['', 0], ['   ', 0], ['4 d', 1], ['4d 5', 4], ['x', 0], ['4d?', 3], ['4d_5a', 2], ['0x4d', 1], ['4d\f5a', 2]]) {
      assert.throws(() => hexPattern(text), (e) => e instanceof RangeError && e.message.startsWith('hexPattern(): ') && e.message.includes(`position ${pos}`), text);
    }
    assert.throws(() => hexPattern(5), TypeError);
  });
});

describe('hexPattern: one grammar with the CLI (issue 28, SPEC §10)', () => {
  // The SPEC's grammar as a regular expression, the oracle: bytes (two of
  // hex digit or ?), whitespace (the CLI's four characters) around and
  // between them, and at most one : or - between two bytes.
  const WS = '[ \\t\\n\\r]';
  const BYTE = '[0-9a-fA-F?]{2}';
  const VALID = new RegExp(`^${WS}*${BYTE}(?:${WS}*[:-]?${WS}*${BYTE})*${WS}*$`);
  // Every prefix of a valid text is completed to one by '', '0' or '00'.
  const validPrefix = (t) => ['', '0', '00'].some((tail) => VALID.test(t + tail));
  /** The position the SPEC names for a text VALID refuses. */
  function oraclePosition(t) {
    if (validPrefix(t)) {
      // Cut short: a byte's half (the end), a separator with no byte after it (the separator), or nothing (0).
      if (VALID.test(`${t}0`)) return t.length;
      const sep = t.search(/[:-][ \t\n\r]*$/);
      return sep >= 0 ? sep : 0;
    }
    let i = 0;
    while (validPrefix(t.slice(0, i + 1))) i++;
    return i;
  }
  const tokens = (t) => [...t.matchAll(/[0-9a-fA-F?]{2}/g)].map((m) => m[0]); // the bytes of a valid text, in order

  test("the issue's example and the dumps' styles: xxd, Wireshark, MAC addresses", () => {
    assert.equal(find(Uint8Array.of(0, 0x4d, 0x5a), hexPattern('4D:5A')), 1);
    for (const [text, want] of [
      ['89:50:4e:47', '89 50 4e 47'],
      ['89-50-4E-47', '89 50 4e 47'],
      ['00:1a:2B:??:4?:?5', '00 1a 2b ?? 4? ?5'],
      ['4d : 5a', '4d 5a'],
      ['4d -\t5a\n', '4d 5a'],
      [' 4d5a:00 ', '4d 5a 00'],
      ['4d5a-0000', '4d 5a 00 00'],
    ]) {
      assert.equal(String(hexPattern(text)), want, JSON.stringify(text));
    }
  });

  test('a separator not between two bytes, or inside one: RangeError at its 0-based position', () => {
    for (const [text, pos] of [
      [':4d', 0], ['-4d', 0], ['  :4d', 2], [':', 0], [' - ', 1],
      ['4d:', 2], ['4d- ', 2], ['4d 5a : ', 6],
      ['4d::5a', 3], ['4d:-5a', 3], ['4d: :5a', 4], ['4d - - 5a', 5],
      ['4:d', 1], ['4-d', 1], ['4d:5', 4], ['4d:5:a', 4], ['??:?', 4],
    ]) {
      assert.equal(oraclePosition(text), pos, `the oracle on ${JSON.stringify(text)}`);
      assert.throws(() => hexPattern(text), (e) => e instanceof RangeError && e.message.startsWith('hexPattern(): text has ') && e.message.includes(`at position ${pos}`), JSON.stringify(text));
    }
  });

  test('random texts against the grammar as a regular expression: accepted exactly when it matches, the same bytes, the position it names', () => {
    const seed = 2028;
    const r = rng(seed);
    const alphabet = ['0', '9', 'a', 'F', 'd', '?', '?', ' ', '\t', '\n', '\r', ':', '-', 'g', '\f', 'x', '_'];
    let accepted = 0;
    for (let k = 0; k < 5000; k++) {
      let t;
      if (k % 2) {
        t = Array.from({ length: r.int(12) }, () => alphabet[r.int(alphabet.length)]).join('');
      } else {
        // Mostly valid: bytes joined by separators, then sometimes one character changed, added or removed.
        const parts = Array.from({ length: 1 + r.int(5) }, () => alphabet[r.int(6)] + alphabet[r.int(6)]);
        const seps = ['', ' ', ':', '-', ' : ', '\t-\n', '::', ' '];
        t = parts.map((p, i) => (i ? seps[r.int(seps.length)] : '') + p).join('');
        if (r.int(2)) {
          const at = r.int(t.length + 1);
          const c = alphabet[r.int(alphabet.length)];
          t = [t.slice(0, at) + c + t.slice(at), t.slice(0, at) + t.slice(at + 1), t.slice(0, at) + c + t.slice(at + 1)][r.int(3)];
        }
      }
      const label = `seed ${seed}, case ${k}: ${JSON.stringify(t)}`;
      if (VALID.test(t)) {
        accepted++;
        assert.equal(String(hexPattern(t)), tokens(t).map((b) => b.toLowerCase()).join(' '), label);
      } else {
        const pos = oraclePosition(t);
        assert.throws(() => hexPattern(t), (e) => e instanceof RangeError && [...e.message.matchAll(/position (\d+)/g)].map((m) => Number(m[1])).join() === String(pos), label);
      }
    }
    assert.ok(accepted > 1000 && accepted < 4000, `both sides are exercised: ${accepted} of 5000 accepted`);
  });
});

describe('Pattern', () => {
  test('copies its inputs; bits outside the mask do not matter', () => {
    const b = Uint8Array.of(0x41, 0xff);
    const m = Uint8Array.of(0xff, 0x0f);
    const p = new Pattern(b, m);
    b[0] = 0x42;
    m[1] = 0;
    assert.deepEqual([...p.bytes], [0x41, 0x0f]);
    assert.equal(find('xA?', p), 1); // '?' is 0x3f: low nibble f
    assert.equal(find('xAo', p), 1); // 'o' is 0x6f
    assert.equal(find('xAa', p), -1);
  });
  test('mask length must match; types are checked', () => {
    assert.throws(() => new Pattern('ab', 'a'), (e) => e instanceof RangeError && /Pattern\(\): mask/.test(e.message));
    assert.throws(() => new Pattern(null, 'a'), TypeError);
    assert.throws(() => new Pattern(new Uint8Array(1)), TypeError);
  });
  test('a full mask behaves exactly as its bytes (the plain path)', () => {
    const r = rng(17);
    for (let round = 0; round < 200; round++) {
      const hay = r.bytes(r.int(80), 3);
      const pat = r.bytes(1 + r.int(4), 3);
      const p = new Pattern(pat, new Uint8Array(pat.length).fill(255));
      const start = r.int(10) - 3;
      const step = 1 + r.int(4);
      assert.equal(find(hay, p, start, undefined, step), find(hay, pat, start, undefined, step));
      assert.equal(rfind(hay, p, start, undefined, step), rfind(hay, pat, start, undefined, step));
      assert.deepEqual([...findAll(hay, p, start, undefined, step)], [...findAll(hay, pat, start, undefined, step)]);
    }
    assert.equal(find('abc', new Pattern('', '')), 0);
  });
  test('is not a bytes-like: where only bytes make sense it is refused', () => {
    assert.throws(() => Chunk.from(hexPattern('41')), TypeError);
  });
  test('a snapshot no method can change: nothing a Pattern gives out is its own bytes or mask', () => {
    const p = hexPattern('41 ?? 43');
    const before = [String(p), find('xxAbCx', p), find('xxABCx', new Pattern('ABC', new Uint8Array(3).fill(255)))];
    const arrays = (v, depth = 0) => (v instanceof Uint8Array ? [v] : v !== null && typeof v === 'object' && depth < 3 ? Object.values(v).flatMap((x) => arrays(x, depth + 1)) : []);
    for (const q of [p, new Pattern('ABC', new Uint8Array(3).fill(255))]) {
      for (const key of Reflect.ownKeys(Pattern.prototype)) {
        const d = Object.getOwnPropertyDescriptor(Pattern.prototype, key);
        const f = d.get ?? d.value;
        if (key === 'constructor' || typeof f !== 'function') continue;
        let out;
        try {
          out = f.call(q);
        } catch {
          continue;
        }
        for (const u of arrays(out)) u.fill(0x5a);
      }
    }
    assert.deepEqual([String(p), find('xxAbCx', p), find('xxABCx', new Pattern('ABC', new Uint8Array(3).fill(255)))], before);
  });
  test('only a real Pattern searches as one: a Proxy of one, or its prototype, is refused, not searched', () => {
    // The search functions know a Pattern by its private fields; an object
    // that only looks like one gets the bytes gate's error.
    const p = hexPattern('41 ?? 43');
    assert.equal(find('xxABCx', p), 2);
    const notBytes = (e) => e instanceof TypeError && /^find\(\): pattern must be a bytes-like/.test(e.message);
    assert.throws(() => find('xxABCx', new Proxy(p, {})), notBytes);
    assert.throws(() => find('xxABCx', Object.create(Pattern.prototype)), notBytes);
    assert.throws(() => [...findAll('xxABCx', new Proxy(p, {}))], (e) => e instanceof TypeError && /^findAll\(\)/.test(e.message));
    // A Proxy whose trap throws: its value passes through untouched.
    const boom = new Proxy(p, { get() { throw 42; } });
    assert.throws(() => find('xxABCx', boom), (e) => e === 42);
  });
});

describe('masked search: Python re vectors', () => {
  test(`${vectors.masked.length} cases, every bytes-like kind, find/rfind/index/rindex/findAll`, () => {
    for (const v of vectors.masked) {
      const hay = hex(v.hay);
      const p = hexPattern(v.pattern);
      const a = [arg(v.start), arg(v.end), v.step];
      const list = kinds(hay);
      try {
        for (const [label, h] of list) {
          const msg = `${label} ${JSON.stringify(v)}`;
          assert.equal(find(h, p, ...a), v.found[0] ?? -1, msg);
          assert.equal(rfind(h, p, ...a), v.found.at(-1) ?? -1, msg);
          assert.deepEqual([...findAll(h, p, ...a)], v.found, msg);
          if (v.found.length) {
            assert.equal(index(h, p, ...a), v.found[0], msg);
            assert.equal(rindex(h, p, ...a), v.found.at(-1), msg);
          } else {
            assert.throws(() => index(h, p, ...a), { name: 'NotFoundError' });
          }
        }
      } finally {
        freeKinds(list);
      }
    }
  });
  // MemSlice has no indexOf in this tree; its search methods go through the same search() when they come.
  test('Chunk indexOf/lastIndexOf/includes', () => {
    for (const v of vectors.masked.slice(0, 60)) {
      const hay = hex(v.hay);
      const p = hexPattern(v.pattern);
      const a = [arg(v.start), arg(v.end), v.step];
      const c = Chunk.from(hay);
      try {
        assert.equal(c.indexOf(p, ...a), v.found[0] ?? -1);
        assert.equal(c.lastIndexOf(p, ...a), v.found.at(-1) ?? -1);
        if (v.step === 1) assert.equal(c.includes(p, a[0], a[1]), v.found.length > 0);
      } finally {
        c.free();
      }
    }
  });
});

describe('masked search: model, windows and boundaries', () => {
  test('random patterns over 1 MiB foreign and wasm haystacks (several staging windows)', () => {
    const r = rng(5);
    const hay = r.bytes(1 << 20, 4);
    const inWasm = Chunk.from(hay);
    try {
      for (let round = 0; round < 12; round++) {
        const len = 1 + r.int(20);
        const at = r.int(hay.length - len);
        const pat = hay.slice(at, at + len);
        const mask = Uint8Array.from(pat, () => [0xff, 0xff, 0, 0xf0, 0x0f][r.int(5)]);
        mask[0] = 0xff;
        const p = new Pattern(pat, mask);
        const step = [1, 1, 3, 17][round % 4];
        const want = modelMasked(hay, pat, mask, 0, hay.length, step);
        for (const h of [hay, inWasm]) {
          assert.equal(find(h, p, 0, undefined, step), want[0] ?? -1);
          assert.equal(rfind(h, p, 0, undefined, step), want.at(-1) ?? -1);
          const all = [...findAll(h, p, 0, undefined, step)];
          assert.equal(all.length, want.length);
          assert.deepEqual(all.slice(0, 50), want.slice(0, 50));
          assert.deepEqual(all.slice(-50), want.slice(-50));
        }
      }
    } finally {
      inWasm.free();
    }
  });
  test('a match straddling the 256 KiB staging windows, forward and backward', () => {
    const W = 256 << 10;
    for (const at of [W - 3, W - 1, W, 2 * W - 2]) {
      const hay = new Uint8Array(3 * W);
      hay.set([0x4d, 0x11, 0x5a, 0x22], at);
      const p = hexPattern('4d ?? 5a 2?');
      assert.equal(find(hay, p), at);
      assert.equal(rfind(hay, p), at);
      assert.deepEqual([...findAll(hay, p)], [at]);
    }
  });
  test('an all-wildcard pattern matches at every aligned position that fits', () => {
    assert.deepEqual([...findAll('abcdef', hexPattern('?? ??'), 1, undefined, 2)], [1, 3]);
    assert.equal(rfind('abcdef', hexPattern('??'), 0, undefined, 4), 4);
  });
  test('findAll is lazy and reads the bytes as they are at each batch', () => {
    const c = Chunk.from(new Uint8Array(10000).fill(0x41));
    try {
      const it = findAll(c, hexPattern('4?'));
      assert.equal(it.next().value, 0);
      c.resize(5000);
      let n = 1;
      for (const i of it) {
        assert.ok(i < 5000);
        n++;
      }
      assert.ok(n <= 5000);
    } finally {
      c.free();
    }
  });
  test('a bytes-like pattern object that is a Pattern-look-alike is still plain bytes', () => {
    const fake = { bytes: Uint8Array.of(0x41), mask: Uint8Array.of(0), [bytes]: () => Uint8Array.of(0x42) };
    assert.equal(find('AB', fake), 1);
  });
});

describe('findAny / findAllAny', () => {
  test(`Python re vectors: ${vectors.sets.length} pattern sets, every bytes-like kind`, () => {
    for (const v of vectors.sets) {
      const hay = hex(v.hay);
      const pats = v.patterns.map(hexPattern);
      const a = [arg(v.start), arg(v.end), v.step];
      const list = kinds(hay);
      try {
        for (const [label, h] of list) {
          const msg = `${label} ${v.patterns.length} patterns, start ${v.start} end ${v.end} step ${v.step}`;
          assert.deepEqual([...findAllAny(h, pats, ...a)], v.pairs, msg);
          const first = v.pairs[0];
          assert.deepEqual(findAny(h, pats, ...a), first ? { index: first[0], pattern: first[1] } : null, msg);
        }
      } finally {
        freeKinds(list);
      }
    }
  });
  test('mixed pattern kinds: bytes-likes, strings, byte values, Patterns', () => {
    const pats = ['bc', Uint8Array.of(0x61), 0x63, hexPattern('?? 63'), new Pattern('b', 'b'), Chunk.from(Uint8Array.of(0x61, 0x62))];
    try {
      assert.deepEqual([...findAllAny('abcabc', pats)], [
        // Pattern('b', 'b') asks for the bits of 0x62 set: 'b' and 'c' (0x63) have them, 'a' does not.
        [0, 1], [0, 5], [1, 0], [1, 3], [1, 4], [2, 2], [2, 4], [3, 1], [3, 5], [4, 0], [4, 3], [4, 4], [5, 2], [5, 4],
      ]);
    } finally {
      pats[5].free();
    }
  });
  test('errors: empty list, empty pattern, bad types, bad integers', () => {
    assert.throws(() => findAny('abc', []), (e) => e instanceof RangeError && /findAny\(\): patterns/.test(e.message));
    assert.throws(() => findAllAny('abc', ['a', '']), (e) => e instanceof RangeError && /patterns\[1\]/.test(e.message));
    assert.throws(() => findAny('abc', 'a'), TypeError);
    assert.throws(() => findAny('abc', [null]), TypeError);
    assert.throws(() => findAny('abc', ['a'], 0, undefined, 0), RangeError);
    assert.throws(() => findAllAny('abc', ['a'], 1.5), TypeError);
  });
  test('model: 1, 16, 40 and 300 random patterns over foreign and wasm haystacks (both prefilters, windows)', () => {
    const r = rng(99);
    for (const count of [1, 16, 40, 300]) {
      const hay = r.bytes(count === 300 ? 100000 : 300000, 8);
      const pats = [];
      const want = [];
      for (let p = 0; p < count; p++) {
        const len = 3 + r.int(8);
        const at = r.int(hay.length - len);
        const bytes_ = hay.slice(at, at + len);
        const mask = Uint8Array.from(bytes_, () => (r.int(6) === 0 ? 0 : 0xff));
        pats.push(r.int(2) ? new Pattern(bytes_, mask) : bytes_);
        for (const i of modelMasked(hay, bytes_, pats[p] instanceof Pattern ? mask : new Uint8Array(len).fill(255), 0, hay.length, 1)) want.push([i, p]);
      }
      want.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      const c = Chunk.from(hay);
      try {
        for (const h of [hay, c]) {
          const got = [...findAllAny(h, pats)];
          assert.equal(got.length, want.length, `count ${count}`);
          for (let k = 0; k < got.length; k += 97) assert.deepEqual(got[k], want[k]);
          assert.deepEqual(got.at(-1), want.at(-1));
          assert.deepEqual(findAny(h, pats), { index: want[0][0], pattern: want[0][1] });
        }
      } finally {
        c.free();
      }
    }
  });
  test('findAllAny is lazy: a consumer that stops early leaks nothing', async () => {
    const { memoryStats } = await import('wasm-mem');
    const before = memoryStats().bytesInUse;
    const it = findAllAny(new Uint8Array(100000), [0, 'x']);
    assert.deepEqual(it.next().value, [0, 0]);
    it.return();
    assert.equal(memoryStats().bytesInUse, before);
  });
});

describe('findAnyInWindow (the window entry for the async functions)', () => {
  test('windows of any size give the same pairs as one findAllAny', () => {
    const r = rng(3);
    const hay = r.bytes(5000, 3);
    const pats = ['ab', hexPattern('61 ?? 63'), 'cab', 'bcabcab'];
    const set = compilePatterns('test', pats);
    for (const [size, step, start] of [[1, 1, 0], [7, 1, 0], [64, 3, 5], [1000, 2, 1], [5000, 1, 0]]) {
      const want = [...findAllAny(hay, pats, start, undefined, step)];
      const got = [];
      let from = start;
      let base = start;
      while (base < hay.length) {
        const top = Math.min(hay.length, base + size + set.maxLen - 1);
        const window = hay.subarray(base, top);
        const r2 = findAnyInWindow(set, window, base, start, step, from, top === hay.length ? hay.length : undefined);
        got.push(...r2.pairs);
        if (top === hay.length) break;
        from = r2.settled + ((step - ((r2.settled - start) % step)) % step);
        base = r2.settled;
      }
      assert.deepEqual(got, want, `window ${size} step ${step}`);
    }
  });
});

describe('magic', () => {
  test('the SPEC minimum, offsets, one CAFEBABE entry, frozen', () => {
    const names = magic.map((m) => m.name).join('|');
    for (const need of ['PNG', 'JPEG', 'GIF', 'PDF', 'ZIP', 'gzip', 'bzip2', 'xz', 'Zstandard', '7-Zip', 'RAR', 'ELF', 'MZ', 'Mach-O', 'WebAssembly', 'SQLite', 'OGG', 'WAVE', 'AVI', 'MP4', 'tar', 'Java class']) {
      assert.ok(names.includes(need), need);
    }
    assert.equal(magic.find((m) => m.name.includes('MP4')).offset, 4);
    assert.equal(magic.find((m) => m.name.includes('tar')).offset, 257);
    const cafe = magic.filter((m) => String(m.pattern) === 'ca fe ba be');
    assert.equal(cafe.length, 1);
    assert.match(cafe[0].name, /Java class/);
    assert.match(cafe[0].name, /Mach-O fat/);
    assert.ok(Object.isFrozen(magic) && Object.isFrozen(magic[0]));
    assert.ok(magic.every((m) => m.pattern instanceof Pattern));
  });
  test('findAllAny with magic finds a PNG and a tar header', () => {
    const data = new Uint8Array(2000);
    data.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 100);
    data.set(Buffer.from('ustar'), 700 + 257);
    const hits = [...findAllAny(data, magic.map((m) => m.pattern))].map(([i, p]) => [i - magic[p].offset, magic[p].name]);
    assert.deepEqual(hits, [[100, 'PNG image'], [700, 'tar archive (ustar)']]);
    // PNG's eight bytes need no check; tar's check wants the version after ustar.
    const checked = [...findAllAny(data, magic.map((m) => m.pattern))].filter(([i, p]) => magic[p].check?.(data, i) ?? true);
    assert.deepEqual(checked, [[100, 0]]);
    data.set(Buffer.from('\x0000', 'latin1'), 700 + 257 + 5);
    const whole = [...findAllAny(data, magic.map((m) => m.pattern))].filter(([i, p]) => magic[p].check?.(data, i) ?? true);
    assert.deepEqual(whole.map(([i, p]) => [i - magic[p].offset, magic[p].id]), [[100, 'png'], [700, 'tar']]);
  });
  test('ids, reach and check: a short lowercase id each, reach at least the pattern, a function or null', () => {
    assert.equal(new Set(magic.map((m) => m.id)).size, magic.length);
    for (const m of magic) {
      assert.match(m.id, /^[a-z0-9][a-z0-9-]{0,11}$/);
      assert.ok(Number.isSafeInteger(m.reach) && m.reach >= m.pattern.length, m.id);
      assert.ok(m.check === null || typeof m.check === 'function', m.id);
    }
    for (const id of ['pe', 'gzip', 'jpeg', 'id3']) assert.equal(typeof magic.find((m) => m.id === id).check, 'function', id);
  });

  test('every check accepts its sample file or header (tests/vectors/magic_samples.json), where it sits and no earlier', () => {
    for (const m of magic.filter((e) => e.check)) {
      const s = samples.get(m.id);
      assert.ok(s, `a sample for ${m.id}`);
      assert.equal(m.check(s, m.offset), true, m.id);
      const padded = new Uint8Array(s.length + 5);
      padded.set(s, 5);
      assert.equal(m.check(padded, m.offset + 5), true, `${m.id} at 5`);
      for (const at of [-1, 0.5, s.length, Number.NaN]) assert.equal(m.check(s, at), false, `${m.id} at ${at}`);
      // Any bytes-like, as findAllAny takes it: a Chunk, a Buffer, an ArrayBuffer, a plain array.
      const chunk = new Chunk(padded);
      for (const b of [chunk, Buffer.from(padded), padded.buffer, [...padded]]) assert.equal(m.check(b, m.offset + 5), true, `${m.id} in ${b.constructor.name}`);
      chunk.free();
    }
  });

  test('a check reads only bytes[at .. min(length, at + reach)), and answers as on those bytes alone (property, seed 2828)', () => {
    const r = rng(2828);
    for (const m of magic.filter((e) => e.check)) {
      const s = samples.get(m.id).subarray(m.offset, m.offset + m.reach + 8);
      const seen = [0, 0];
      for (let trial = 0; trial < 200; trial++) {
        const before = r.int(4);
        const header = mutate(r, s);
        const bytes = new Uint8Array(before + header.length + (r() < 0.5 ? 0 : r.int(8)));
        bytes.set(r.bytes(bytes.length));
        bytes.set(header, before);
        const read = [];
        const watched = new Proxy(bytes, {
          get(t, key) {
            if (typeof key === 'string' && /^\d+$/.test(key)) read.push(Number(key));
            const v = Reflect.get(t, key, t);
            return typeof v === 'function' ? v.bind(t) : v;
          },
        });
        const got = m.check(watched, before);
        const limit = Math.min(bytes.length, before + m.reach);
        const where = `${m.id}, trial ${trial}, ${bytes.length} bytes`;
        assert.ok(read.every((i) => i >= before && i < limit), `${where}: read ${read.filter((i) => i < before || i >= limit)}`);
        assert.equal(got, m.check(bytes, before), where);
        assert.equal(got, m.check(bytes.slice(0, limit), before), `${where}: the same on the bytes it may read`);
        seen[got ? 0 : 1]++;
      }
      assert.ok(seen[0] > 0 && seen[1] > 0, `${m.id}: passed ${seen[0]}, refused ${seen[1]}`);
    }
  });
});
