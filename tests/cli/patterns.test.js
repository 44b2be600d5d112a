// `mem index/rindex --hex` with wildcards and `mem scan` (SPEC §8, §10)
// against the Python re vectors the JS tests use
// (tests/vectors/make_pattern_vectors.py), both builds, with small reader
// windows so matches straddle them; --magic, -f LIST, streams, exit codes.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { findAll, hexPattern } from 'wasm-mem';
import { builds, rng, run, tempDir } from './helpers.js';

const vectors = JSON.parse(readFileSync(new URL('../vectors/patterns.json', import.meta.url)));
const dir = tempDir();
const pos = (name, v) => (v === null ? [] : [`--${name}=${v}`]);
// The wasm build starts slower: it gets every sixth vector, the ASan build all of them.
const share = (b, list) => (b.name === 'wasm' ? list.filter((_, k) => k % 6 === 0) : list);

/** hexPattern(text), or null where it refuses the text. */
function jsPattern(text) {
  try {
    return hexPattern(text);
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}

/** Random hex texts, valid and not: bytes, wildcards, whitespace, separators, stray characters. */
function hexTexts(seed, n) {
  const r = rng(seed);
  const chars = ['0', '7', 'a', 'B', 'f', '?', ' ', '\t', ':', ':', '-', 'g', 'x'];
  const seps = ['', ' ', ':', ' : ', '\t:', '  '];
  return Array.from({ length: n }, (_, k) => {
    if (k % 3 === 0) return Array.from({ length: r.int(9) }, () => chars[r.int(chars.length)]).join('');
    const bytes = Array.from({ length: 1 + r.int(4) }, () => chars[r.int(6)] + chars[r.int(6)]);
    let t = bytes.map((b, i) => (i ? seps[r.int(seps.length)] : '') + b).join('');
    if (k % 3 === 2) {
      const at = r.int(t.length + 1);
      t = t.slice(0, at) + chars[r.int(chars.length)] + t.slice(at + r.int(2));
    }
    return t;
  });
}

for (const b of builds) {
  describe(`mem (${b.name})`, () => {
    test('index/rindex --hex with ?? and nibble wildcards: Python re vectors', () => {
      share(b, vectors.masked).forEach((v, k) => {
        const file = join(dir, `m${b.name}${k}.bin`);
        writeFileSync(file, Buffer.from(v.hay, 'hex'));
        const opts = [...pos('start', v.start), ...pos('end', v.end), `--step=${v.step}`, '--hex'];
        const window = [undefined, 7, 64][k % 3];
        const all = run(b, ['index', file, v.pattern, '--all', ...opts], { window });
        assert.equal(all.err, '', JSON.stringify(v));
        assert.deepEqual(all.out.split('\n').filter(Boolean).map(Number), v.found, JSON.stringify(v));
        assert.equal(all.code, v.found.length ? 0 : 1);
        if (k % 2 === 0) {
          const last = run(b, ['rindex', file, v.pattern, ...opts], { window });
          assert.equal(last.out, `${v.found.at(-1) ?? -1}\n`, JSON.stringify(v));
        }
      });
    });

    test('--hex reads the texts hexPattern reads, as the same bytes (random texts: one grammar, SPEC §10)', () => {
      const seed = 28_10;
      const texts = hexTexts(seed, b.name === 'wasm' ? 30 : 200);
      const r = rng(seed + 1);
      texts.forEach((text, k) => {
        const p = jsPattern(text);
        // A haystack with the pattern planted twice, the bits its mask ignores random.
        const hay = r.bytes(64);
        if (p !== null) {
          const { bytes, mask } = p;
          for (const at of [3, 40 - r.int(3)]) bytes.forEach((x, i) => (hay[at + i] = x | (r.int(256) & ~mask[i])));
        }
        const file = join(dir, `g${b.name}${k}.bin`);
        writeFileSync(file, hay);
        const res = run(b, ['index', '--hex', '--all', file, '--', text]);
        const label = `seed ${seed}, text ${k}: ${JSON.stringify(text)}: ${res.err}`;
        if (p === null) {
          assert.equal(res.code, 2, `hexPattern refuses it, the CLI took it: ${label}`);
          assert.match(res.err, /^mem: PATTERN: /, label);
        } else {
          assert.equal(res.err, '', `hexPattern takes it, the CLI refused it: ${label}`);
          assert.deepEqual(res.out.split('\n').filter(Boolean).map(Number), [...findAll(hay, p)], label);
        }
      });
    });

    test('--hex takes one \':\' or \'-\' between two bytes, as hexPattern does, and nothing else', () => {
      const file = join(dir, `d${b.name}.bin`);
      writeFileSync(file, Buffer.from([0, 0x4d, 0x5a, 0]));
      // Texts the CLI read otherwise before (no '-'; ':' anywhere whitespace may be).
      for (const text of ['4d-5a', '4d - 5a', '4D:5A', ' 4d :\t5a ', ':4d', '4d:', '4d::5a', '4d: :5a', '4d-:5a', '-', ':', '4:d', '4 d']) {
        const res = run(b, ['index', '--hex', file, '--', text]);
        const js = jsPattern(text);
        assert.equal(res.code, js === null ? 2 : 0, `${JSON.stringify(text)}: CLI exit ${res.code}, ${res.err}`);
        if (js !== null) assert.equal(res.out, '1\n', JSON.stringify(text));
        else assert.match(res.err, /^mem: PATTERN: .*position \d+/, JSON.stringify(text));
      }
    });

    test('scan --hex: Python re vectors (pairs by offset, then pattern number from 1)', () => {
      share(b, vectors.sets).forEach((v, k) => {
        const file = join(dir, `s${b.name}${k}.bin`);
        writeFileSync(file, Buffer.from(v.hay, 'hex'));
        const opts = [...pos('start', v.start), ...pos('end', v.end), `--step=${v.step}`, '--hex'];
        const r = run(b, ['scan', file, ...opts, '--', ...v.patterns], { window: [undefined, 5, 100][k % 3] });
        assert.equal(r.err, '', `${k} ${JSON.stringify(v.patterns)}`);
        const want = v.pairs.map(([i, p]) => `${i}\t${p + 1}\t${v.patterns[p]}\n`).join('');
        assert.equal(r.out, want, `${k}`);
        assert.equal(r.code, v.pairs.length ? 0 : 1);
      });
    });

    test('scan --magic: a PNG at offset 100 and a tar header (ustar at 257), also from a stream', () => {
      const data = Buffer.alloc(4000, 0x20);
      // Whole headers: each signature's check (src/magic.txt) reads past it.
      data.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52], 100);
      data.write('ustar\x0000', 1000 + 257, 'latin1');
      data.write('PK\x03\x04\x14\0\0\0\x08\0', 3000, 'latin1');
      const file = join(dir, `magic-${b.name}.bin`);
      writeFileSync(file, data);
      for (const window of [undefined, 3, 300]) {
        const r = run(b, ['scan', file, '--magic'], { window });
        const lines = r.out.split('\n').filter(Boolean);
        assert.equal(r.code, 0, r.err);
        assert.match(lines[0], /^100\t\d+\tPNG/);
        assert.match(lines[1], /^1000\t\d+\ttar archive/);
        assert.match(lines[2], /^3000\t\d+\tZIP/);
        assert.equal(lines.length, 3);
      }
      const piped = run(b, ['scan', '-', '--magic'], { input: data, window: 50 });
      assert.equal(piped.out.split('\n')[0].split('\t')[0], '100');
      // A signature whose file would start before the input is dropped.
      const early = run(b, ['scan', '-', '--magic'], { input: Buffer.from('xxustar\x0000', 'latin1') });
      assert.equal(early.out, '');
      assert.equal(early.code, 1);
    });

    test('scan: arguments, then -f LIST, then --magic; PATTERN echoed as given', () => {
      const file = join(dir, `l-${b.name}.bin`);
      writeFileSync(file, Buffer.from('GIF89a..abc..\x7fELF\x02\x01\x01', 'latin1'));
      const list = join(dir, `list-${b.name}.txt`);
      writeFileSync(list, '# comment\n\nabc\r\nc..\n');
      const r = run(b, ['scan', file, 'a', '-f', list, '--magic']);
      const lines = r.out.split('\n').filter(Boolean);
      const n = lines.map((l) => l.split('\t'));
      assert.deepEqual(n.slice(0, 3), [['0', '6', 'GIF image'], ['5', '1', 'a'], ['8', '1', 'a']]); // GIF: 3 + its place in magic
      assert.deepEqual(n.filter(([, k]) => k === '2' || k === '3'), [['8', '2', 'abc'], ['10', '3', 'c..']]);
      assert.ok(n.some(([o, , name]) => o === '13' && name === 'ELF executable'));
      const hexList = join(dir, `hexlist-${b.name}.txt`);
      writeFileSync(hexList, '61 ?? 63\n');
      assert.equal(run(b, ['scan', file, '--hex', '-f', hexList]).out, '8\t1\t61 ?? 63\n');
    });

    test('scan: a -f LIST line holding a NUL byte is refused, not cut there', () => {
      const file = join(dir, `z-${b.name}.bin`);
      writeFileSync(file, 'xxabcyyabc\0ZZZ');
      const list = join(dir, `nul-${b.name}.txt`);
      writeFileSync(list, '# a comment may hold \0\nyy\nabc\0ZZZ\n');
      const nul = (name) =>
        `mem: scan: -f ${name}: line 3 holds a NUL byte, not allowed in a pattern line (with --hex, write a zero byte as 00)\n`;
      assert.deepEqual(run(b, ['scan', file, '-f', list]), { code: 2, signal: null, stdout: Buffer.alloc(0), out: '', err: nul(list) });
      const piped = run(b, ['scan', file, '-f', '-'], { input: readFileSync(list) });
      assert.deepEqual([piped.code, piped.out, piped.err], [2, '', nul('-')]);
      assert.equal(run(b, ['scan', file, '--hex', '-f', '-'], { input: '61 62 63 00 5a\n' }).out, '7\t1\t61 62 63 00 5a\n');
    });

    test('scan: errors exit 2 with a message; nothing found exits 1', () => {
      const file = join(dir, `e-${b.name}.bin`);
      writeFileSync(file, 'hello');
      for (const args of [['scan', file], ['scan', file, ''], ['scan', file, '--hex', '4g'], ['scan', file, '--hex', '4 d'],
        ['scan', file, 'x', '--step=0'], ['scan', join(dir, 'missing'), 'x'], ['scan', file, '-f', join(dir, 'missing')]]) {
        const r = run(b, args);
        assert.equal(r.code, 2, args.join(' '));
        assert.match(r.err, /^mem: /);
      }
      const none = run(b, ['scan', file, 'zz']);
      assert.deepEqual([none.code, none.out], [1, '']);
    });
  });
}
