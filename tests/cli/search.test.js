// index and rindex against a reference loop: fixed tables, then random files
// and patterns (fixed seed, printed on failure) with tiny windows so matches
// straddle window boundaries, read from files, pipes and seekable stdin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { allMatches, builds, rng, run, tempDir, writeFiles } from './helpers.js';

const dir = tempDir();
const text = 'hello world, hello wasm';
writeFiles(dir, { 'a.txt': text, 'empty.bin': '', 'one.bin': 'x', 'bin.bin': Buffer.from([0xde, 0xad, 0xbe, 0xef, 0, 0xde, 0xad]) });

// [args, stdout, exit code]
const table = [
  [['index', 'a.txt', 'hello'], '0\n', 0],
  [['rindex', 'a.txt', 'hello'], '13\n', 0],
  [['index', 'a.txt', 'l', '--step', '2', '--all'], '2\n16\n', 0],
  [['index', 'a.txt', 'l', '--all'], '2\n3\n9\n15\n16\n', 0],
  [['rindex', 'a.txt', 'l', '--all'], '16\n15\n9\n3\n2\n', 0],
  [['index', 'a.txt', 'zzz'], '-1\n', 1],
  [['index', 'a.txt', 'zzz', '--all'], '', 1],
  [['rindex', 'a.txt', 'zzz'], '-1\n', 1],
  [['index', 'a.txt', 'hello', '--start', '1'], '13\n', 0],
  [['index', 'a.txt', 'hello', '--start=-10'], '13\n', 0],
  [['index', 'a.txt', 'hello', '--start', '-100'], '0\n', 0],
  [['index', 'a.txt', 'hello', '--end', '17'], '0\n', 0],
  [['rindex', 'a.txt', 'hello', '--end', '17'], '0\n', 0],
  [['rindex', 'a.txt', 'hello', '--end=-5'], '13\n', 0],
  [['rindex', 'a.txt', 'hello', '--end=-6'], '0\n', 0],
  [['index', 'a.txt', 'o', '--start', '0x10'], '17\n', 0],
  [['index', 'a.txt', 'l', '--start', '1', '--step', '2'], '3\n', 0],
  [['rindex', 'a.txt', 'l', '--start', '1', '--step', '2'], '15\n', 0],
  [['index', 'a.txt', 'hello', '--start', '24'], '-1\n', 1],
  [['index', 'a.txt', 'l', '--step', '100'], '-1\n', 1],
  [['index', 'a.txt', '6c6c', '--hex'], '2\n', 0],
  [['index', 'a.txt', '6C 6c', '--hex'], '2\n', 0],
  [['index', 'bin.bin', 'de ad', '--hex', '--all'], '0\n5\n', 0],
  [['rindex', 'bin.bin', '00', '--hex'], '4\n', 0],
  [['index', 'empty.bin', 'x'], '-1\n', 1],
  [['rindex', 'empty.bin', 'x'], '-1\n', 1],
  [['index', 'one.bin', 'x'], '0\n', 0],
  [['rindex', 'one.bin', 'x'], '0\n', 0],
  [['index', 'one.bin', 'xx'], '-1\n', 1],
  [['index', 'a.txt', '--', '-x'], '-1\n', 1],
  [['index', 'a.txt', 'l', '--count'], '5\n', 0],
  [['index', 'a.txt', 'l', '--count', '--step', '2'], '2\n', 0],
  [['index', 'a.txt', 'l', '--count', '--start', '1', '--step', '2'], '3\n', 0],
  [['index', 'a.txt', 'l', '--count', '--start=-8', '--end=-3'], '2\n', 0],
  [['rindex', 'a.txt', 'l', '--count'], '5\n', 0],
  [['index', 'a.txt', 'zzz', '--count'], '0\n', 1],
  [['index', 'a.txt', 'l', '--count', '--start', '24'], '0\n', 1],
  [['index', 'a.txt', 'l', '--count', '--start', '0x7fffffffffffffff'], '0\n', 1],
  [['index', 'a.txt', 'l', '--count', '--step', '0x7fffffffffffffff'], '0\n', 1],
  [['index', 'a.txt', 'l', '--count', '--start', '2', '--step', '0x7fffffffffffffff'], '1\n', 0],
  [['index', 'empty.bin', 'x', '--count'], '0\n', 1],
  [['index', 'bin.bin', 'de ?d', '--hex', '--count'], '2\n', 0],
];

for (const build of builds) {
  for (const window of [undefined, 1, 4]) {
    test(`${build.name} window=${window ?? 'default'}: index/rindex table`, () => {
      for (const [args, stdout, code] of table) {
        const r = run(build, args, { cwd: dir, window });
        assert.equal(r.out, stdout, `mem ${args.join(' ')}: ${r.err}`);
        assert.equal(r.code, code, `mem ${args.join(' ')}: exit`);
        assert.equal(r.err, '', `mem ${args.join(' ')}: stderr`);
      }
    });
  }
}

// Random haystacks over a 2-letter alphabet (many overlapping matches), random
// patterns, starts, ends (negative too) and steps; all three outputs checked.
for (const build of builds) {
  test(`${build.name}: index/rindex/--all match the reference on random files`, () => {
    const seed = 7;
    const next = rng(seed);
    const int = (n) => Math.floor(next() * n);
    for (let round = 0; round < 12; round++) {
      const hay = Buffer.from(Array.from({ length: int(60) }, () => 'ab'.charCodeAt(int(2))));
      const pat = Buffer.from(Array.from({ length: 1 + int(4) }, () => 'ab'.charCodeAt(int(2))));
      writeFiles(dir, { 'r.bin': hay });
      const opts = [];
      let start, end;
      if (next() < 0.5) opts.push(`--start=${(start = int(80) - 30)}`);
      if (next() < 0.5) opts.push(`--end=${(end = int(80) - 30)}`);
      const step = 1 + int(4);
      opts.push('--step', String(step));
      const want = allMatches(hay, pat, start, end, step);
      const window = 1 + int(8);
      const where = `seed ${seed} round ${round}: hay=${hay} pat=${pat} ${opts.join(' ')} window=${window}`;
      const all = run(build, ['index', 'r.bin', pat.toString(), ...opts, '--all'], { cwd: dir, window });
      assert.equal(all.out, want.map((i) => `${i}\n`).join(''), where);
      assert.equal(all.code, want.length ? 0 : 1, where);
      const rall = run(build, ['rindex', 'r.bin', pat.toString(), ...opts, '--all'], { cwd: dir, window });
      assert.equal(rall.out, [...want].reverse().map((i) => `${i}\n`).join(''), where);
      const count = run(build, ['index', 'r.bin', pat.toString(), ...opts, '--count'], { cwd: dir, window });
      assert.deepEqual([count.out, count.code], [`${want.length}\n`, want.length ? 0 : 1], `${where} --count`);
      const piped = run(build, ['rindex', '-', pat.toString(), ...opts, '--count'], { input: hay, window });
      assert.equal(piped.out, `${want.length}\n`, `${where} rindex --count (piped)`);
      const first = run(build, ['index', 'r.bin', pat.toString(), ...opts], { cwd: dir, window });
      assert.equal(first.out, `${want.length ? want[0] : -1}\n`, where);
      const last = run(build, ['rindex', '-', pat.toString(), ...opts], { input: hay, window });
      assert.equal(last.out, `${want.length ? want[want.length - 1] : -1}\n`, `${where} (piped)`);
    }
  });
}

// Standard input: a pipe streams forward (or is held in memory for rindex and
// negative positions); a seekable one is read in place, from its current offset.
for (const build of builds) {
  test(`${build.name}: standard input, piped and seekable`, () => {
    for (const [args, stdout] of [
      [['index', '-', 'wasm'], '19\n'],
      [['rindex', '-', 'hello'], '13\n'],
      [['index', '-', 'hello', '--start=-10'], '13\n'],
      [['index', '-', 'l', '--all', '--step', '2'], '2\n16\n'],
      [['index', '-', 'l', '--count'], '5\n'],
      [['index', '-', 'l', '--count', '--start=-8'], '2\n'],
    ]) {
      for (const window of [undefined, 3]) {
        assert.equal(run(build, args, { input: text, window }).out, stdout, `piped: ${args}`);
        const fd = openSync(join(dir, 'a.txt'), 'r');
        try {
          assert.equal(run(build, args, { stdin: fd, window }).out, stdout, `seekable: ${args}`);
        } finally {
          closeSync(fd);
        }
      }
    }
  });
}

// --count against grep's own count of byte offsets (grep -b -o -F: matches that
// cannot overlap, so both count the same), and against --all on a big file
// with a match in every window; --all and --count together are an error.
for (const build of builds) {
  test(`${build.name}: index --count agrees with grep -b -o -F and with --all`, () => {
    const next = rng(11);
    const hay = Buffer.from(Array.from({ length: 5000 }, () => 'abc\n'.charCodeAt(Math.floor(next() * 4))));
    writeFiles(dir, { 'g.txt': hay, 'zeros.bin': Buffer.alloc(3 << 20) });
    for (const pat of ['ab', 'cab', 'b\nc', 'abca']) {
      const grep = spawnSync('grep', ['-b', '-o', '-F', pat, 'g.txt'], { cwd: dir, encoding: 'latin1' });
      // grep works line by line: a pattern with a newline is counted by the reference loop instead.
      const want = pat.includes('\n') ? allMatches(hay, Buffer.from(pat)).length : grep.stdout.split('\n').length - 1;
      for (const window of [undefined, 5]) {
        const r = run(build, ['index', 'g.txt', pat, '--count'], { cwd: dir, window });
        assert.equal(r.out, `${want}\n`, `index g.txt ${JSON.stringify(pat)} --count window=${window}`);
      }
    }
    // Overlapping: n - 1 matches of '\0\0' in n zero bytes, across 1 MiB windows.
    const r = run(build, ['index', 'zeros.bin', '--hex', '0000', '--count'], { cwd: dir });
    assert.equal(r.out, `${(3 << 20) - 1}\n`);
    const both = run(build, ['index', 'g.txt', 'ab', '--count', '--all'], { cwd: dir });
    assert.deepEqual([both.code, both.out], [2, '']);
    assert.match(both.err, /^mem: --count: cannot be combined with --all/);
  });
}
