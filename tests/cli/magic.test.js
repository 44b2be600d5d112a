// `mem scan --magic` with the signatures' checks (SPEC §8, §10; issue 28),
// both builds: the CLI's checks (C, generated into wasi/magic_table.c) give
// the lines the package's checks (JS, bindings/js/search/magic.js) give over
// the same bytes, on mutated and cut headers at window edges and at the end
// of the file; random bytes with real files embedded; --magic=IDS and
// --magic-list.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { magic } from 'wasm-mem';
import { makeEmbedded, mutate, samples, scanLines, score } from '../lib/magic.js';
import { builds, rng, run, tempDir } from './helpers.js';

const dir = tempDir();

/** Random bytes holding, for every entry, mutated copies of its sample (its bare pattern when it has none). */
function mutatedFile(seed, copies) {
  const r = rng(seed);
  const parts = [];
  for (let c = 0; c < copies; c++) {
    for (const m of magic) {
      parts.push(r.bytes(r.int(40)));
      if (m.offset) parts.push(r.bytes(m.offset)); // tar's ustar sits at 257
      const s = samples.get(m.id) ?? m.pattern.bytes;
      parts.push(mutate(r, s.slice(m.offset, m.offset + Math.max(m.reach, 600))));
    }
  }
  const last = magic[r.int(magic.length)]; // a header cut by the end of the file
  parts.push((samples.get(last.id) ?? last.pattern.bytes).slice(last.offset, last.offset + 1 + r.int(12)));
  return Buffer.concat(parts);
}

for (const b of builds) {
  describe(`mem scan --magic (${b.name})`, () => {
    test('the checks in C accept what the checks in JS accept: mutated and cut headers, windows, --end (seeds 28..31)', () => {
      for (let seed = 28; seed < 32; seed++) {
        const data = mutatedFile(seed, b.name === 'wasm' ? 2 : 6);
        const file = join(dir, `mut-${b.name}-${seed}.bin`);
        writeFileSync(file, data);
        const want = scanLines(data);
        // The property tells something only when the checks both pass and refuse headers here.
        const lines = want.split('\n').filter(Boolean).length;
        assert.ok(lines > magic.length / 2 && lines < magic.length * 6, `seed ${seed}: ${lines} lines`);
        for (const window of [undefined, 7, 1000]) {
          const r = run(b, ['scan', file, '--magic'], { window });
          assert.equal(r.err, '');
          assert.equal(r.out, want, `seed ${seed}, window ${window}`);
        }
        const end = Math.floor(data.length / 2);
        assert.equal(run(b, ['scan', file, '--magic', `--end=${end}`], { window: 100 }).out, scanLines(data, { end }), `seed ${seed}, --end`);
        assert.equal(run(b, ['scan', '-', '--magic'], { input: data, window: 64 }).out, want, `seed ${seed}, a stream`);
      }
    });

    test('random bytes with 12 files embedded: every file found, at most 2 false positives (seed 28)', () => {
      const file = join(dir, `embedded-${b.name}.bin`);
      const placed = makeEmbedded(file, 4_000_000, 28);
      const data = readFileSync(file);
      for (const window of [undefined, 4096]) {
        const r = run(b, ['scan', file, '--magic'], { window });
        assert.equal(r.out, scanLines(data));
        const offsets = r.out.split('\n').filter(Boolean).map((l) => Number(l.split('\t')[0]));
        const { found, falsePositives } = score(placed, offsets);
        assert.equal(found, placed.length, r.out);
        assert.ok(falsePositives <= 2, r.out);
      }
    });

    test('4 MB of random bytes: at most 2 hits', () => {
      const file = join(dir, `random-${b.name}.bin`);
      writeFileSync(file, rng(4).bytes(4 << 20));
      const r = run(b, ['scan', file, '--magic']);
      assert.ok(r.out.split('\n').filter(Boolean).length <= 2, r.out);
    });

    test('a header is checked only when whole: cut by the end of the file, no line', () => {
      const pe = samples.get('pe');
      for (const [cut, want] of [[pe.length, 1], [0x84, 1], [0x83, 0], [62, 0], [2, 0]]) {
        const r = run(b, ['scan', '-', '--magic=pe'], { input: pe.subarray(0, cut) });
        assert.equal(r.out, want ? '0\t1\tPE executable (MZ, PE header)\n' : '', `cut at ${cut}`);
        assert.equal(r.code, want ? 0 : 1);
      }
    });

    test('--magic=IDS chooses entries, numbered among the chosen in table order; --magic-list', () => {
      const file = join(dir, `ids-${b.name}.bin`);
      writeFileSync(file, Buffer.concat([samples.get('zip'), samples.get('png'), samples.get('gzip')]));
      const data = readFileSync(file);
      const r = run(b, ['scan', file, '--magic=zip,png']);
      assert.equal(r.out, scanLines(data, { ids: ['png', 'zip'] }));
      assert.match(r.out, /^0\t2\tZIP archive\n\d+\t1\tPNG image\n$/);
      const list = run(b, ['scan', '--magic-list']);
      assert.deepEqual([list.code, list.out], [0, magic.map((m) => `${m.id}\t${m.name}\n`).join('')]);
      for (const args of [['--magic=png,nope'], ['--magic='], []]) {
        const bad = run(b, ['scan', ...(args.length ? [file] : []), ...args]);
        assert.equal(bad.code, 2, args.join(' '));
        assert.match(bad.err, args[0] === '--magic=png,nope' ? /^mem: --magic: no signature has the id 'nope'/ : /^mem: /);
      }
    });
  });
}
