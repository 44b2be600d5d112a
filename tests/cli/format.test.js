// array against the Python-made struct vectors (tests/vectors/struct.json,
// shared with StrArray), and hexdump byte for byte against the system's
// `hexdump -C` on the same files and ranges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builds, rng, root, run, tempDir, writeFiles } from './helpers.js';

const dir = tempDir();
const vectors = JSON.parse(readFileSync(join(root, 'tests/vectors/struct.json'), 'utf8'));

for (const build of builds) {
  test(`${build.name}: array prints every vector as Python does`, () => {
    assert.equal(vectors.formats.length, 94);
    for (const { format, hex, repr } of vectors.formats) {
      writeFiles(dir, { 'v.bin': Buffer.from(hex, 'hex') });
      const r = run(build, ['array', format, 'v.bin'], { cwd: dir });
      assert.equal(r.code, 0, `${format}: ${r.err}`);
      assert.deepEqual(r.out.split('\n').slice(0, -1), repr, `array '${format}'`);
    }
  });

  test(`${build.name}: array ranges, partial items, standard input`, () => {
    writeFiles(dir, { 'a.txt': 'hello world, hello wasm' });
    // [args, values, stdin]
    const table = [
      [['array', '<H', 'a.txt', '--stop', '4'], [25960, 27756, 8303, 28535]],
      [['array', '>H', 'a.txt', '--stop', '2'], [26725, 27756]],
      [['array', '<H', 'a.txt', '--start', '10'], [29537]], // 23 bytes: 11 items, the last byte dropped
      [['array', '<H', 'a.txt', '--start=-2'], [30496, 29537]],
      [['array', '<H', 'a.txt', '--start', '2', '--stop=-8'], [8303]],
      [['array', '<H', 'a.txt', '--start', '5', '--stop', '2'], []],
      [['array', '<H', 'a.txt', '--start', '50'], []],
      [['array', 'c', 'a.txt', '--stop', '3'], ['h', 'e', 'l']],
      [['array', '<i', '-', '--stop', '1'], [1819043176], 'hello world, hello wasm'],
      [['array', '<i', '-', '--start=-1'], [1998614380], 'hello world, hello wasm'],
      [['array', '?', '-'], ['false', 'true', 'true'], Buffer.from([0, 1, 255])],
    ];
    for (const window of [undefined, 1, 3]) {
      for (const [args, values, input] of table) {
        const r = run(build, args, { cwd: dir, input, window });
        assert.equal(r.out, values.map((v) => `${v}\n`).join(''), `mem ${args.join(' ')} window=${window}: ${r.err}`);
        assert.equal(r.code, 0);
      }
    }
  });
}

// Files that exercise hexdump's layout: partial lines, runs of equal lines
// (squeezed to '*'), a run broken and resumed, every byte value.
const next = rng(3);
const random = Buffer.from(Array.from({ length: 300 }, () => Math.floor(next() * 256)));
const files = {
  'empty.bin': Buffer.alloc(0),
  'one.bin': Buffer.from('A'),
  'sixteen.bin': Buffer.from('0123456789abcdef'),
  'seventeen.bin': Buffer.from('0123456789abcdefg'),
  'zeros.bin': Buffer.alloc(100),
  'runs.bin': Buffer.concat([Buffer.alloc(48, 'a'), Buffer.alloc(16, 'b'), Buffer.alloc(64, 'a'), Buffer.alloc(7, 'a')]),
  'bytes.bin': Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  'random.bin': random,
};
writeFiles(dir, files);

function systemHexdump(name, start, count) {
  const args = ['-C'];
  if (start !== undefined) args.push('-s', String(start));
  if (count !== undefined) args.push('-n', String(count));
  return execFileSync('hexdump', [...args, join(dir, name)], { encoding: 'latin1', maxBuffer: 1 << 28 });
}

for (const build of builds) {
  test(`${build.name}: hexdump matches hexdump -C`, () => {
    let round = 0;
    for (const [name, bytes] of Object.entries(files)) {
      {
        const n = bytes.length;
        // [START, STOP] as given to mem; hexdump -C gets the same range as -s/-n.
        const ranges = [[], [0], [5], [16], [n], [n + 10], [3, 40], [0, 16], [17, 200], [7, 7], [9, 4], [-20], [-40, -3]];
        for (const range of ranges) {
          const [start, stop] = range;
          const s = start === undefined ? undefined : start < 0 ? Math.max(0, n + start) : start;
          const e = stop === undefined ? undefined : stop < 0 ? Math.max(0, n + stop) : stop;
          const want = systemHexdump(name, s, e === undefined ? undefined : Math.max(0, e - s));
          const args = ['hexdump', name, ...(range.length ? ['--', ...range.map(String)] : [])];
          const window = [undefined, 1, 20][round++ % 3]; // boundaries hit without 3x the runs
          const r = run(build, args, { cwd: dir, window });
          assert.equal(r.code, 0, r.err);
          assert.equal(r.out, want, `mem ${args.join(' ')} window=${window}`);
        }
      }
    }
    const piped = run(build, ['hexdump', '-'], { input: random, window: 7 });
    assert.equal(piped.out, systemHexdump('random.bin'), 'hexdump of a pipe');
  });
}

// c, s and p text reads back to exactly the bytes (SPEC §8): a backslash
// prints as \x5c, so bytes such as '\' 'x' '4' '1' never read as 'A'. The
// oracle is Python: struct.iter_unpack reads the values, codecs.escape_decode
// reads our text back, and the two must agree, value by value.
const readBack = `
import codecs, struct, sys
fmt, path = sys.argv[1], sys.argv[2]
data = open(path, 'rb').read()
size = struct.calcsize(fmt)
want = [[v if isinstance(v, bytes) else bytes([v]) for v in r] for r in struct.iter_unpack(fmt, data[: len(data) // size * size])]
got = [[codecs.escape_decode(t.encode('latin-1'))[0] for t in line.split('\\t')] for line in sys.stdin.read().split('\\n')[:-1]]
print('ok' if got == want else 'differ: %r' % next((g, w) for g, w in zip(got + [None] * len(want), want) if g != w))
`;
for (const build of builds) {
  test(`${build.name}: array c/s/p text reads back to the bytes (Python's escape_decode)`, () => {
    const next = rng(28);
    const tricky = Buffer.from('\\x41\\\\xff\t\n\'"');
    const bytes = Buffer.from(Array.from({ length: 3000 }, () => (next() < 0.8 ? tricky[next.int(tricky.length)] : next.int(256))));
    writeFiles(dir, { 'esc.bin': bytes });
    for (const format of ['c', '8s', '<4sc3s', '7p', '1s']) {
      const r = run(build, ['array', format, 'esc.bin'], { cwd: dir });
      assert.equal(r.code, 0, r.err);
      const py = spawnSync('python3', ['-c', readBack, format, join(dir, 'esc.bin')], { input: r.stdout, encoding: 'latin1' });
      assert.equal(py.stdout, 'ok\n', `array ${format}: ${py.stdout}${py.stderr}`);
    }
    const one = run(build, ['array', '6s', '-'], { input: 'a\\x41\\' });
    assert.equal(one.out, 'a\\x5cx41\\x5c\n');
  });
}

// hexdump against hexdump -C on many random inputs: lengths around the line
// and window sizes, lines drawn from a few so that runs of equal lines (the
// '*' squeeze) start, end and cross window boundaries, random ranges, files
// and pipes; and one input big enough to fill the output buffer many times.
for (const build of builds) {
  test(`${build.name}: hexdump matches hexdump -C on random inputs`, () => {
    const next = rng(2028);
    const lineChoices = [Buffer.alloc(16), Buffer.alloc(16, 0xff), Buffer.from('0123456789abcdef'), next.bytes(16), next.bytes(16)];
    for (let round = 0; round < 60; round++) {
      const parts = [];
      const lines = next.int(12);
      for (let k = 0; k < lines; k++) parts.push(next() < 0.7 ? lineChoices[next.int(lineChoices.length)] : next.bytes(16));
      parts.push(next.bytes([0, 1, 15, 16, 17, next.int(40)][next.int(6)]));
      const bytes = Buffer.concat(parts);
      writeFiles(dir, { 'h.bin': bytes });
      const n = bytes.length;
      const range = next() < 0.4 ? [] : next() < 0.5 ? [next.int(n + 20)] : [next.int(n + 20), next.int(n + 40)];
      const [s, e] = range;
      const want = systemHexdump('h.bin', s, e === undefined ? undefined : Math.max(0, e - s));
      const window = [undefined, 16, 32, 48, 7][round % 5];
      const where = `seed 2028 round ${round}: ${n} bytes, range ${range}, window ${window}`;
      const r = run(build, ['hexdump', 'h.bin', ...range.map(String)], { cwd: dir, window });
      assert.equal(r.out, want, where);
      assert.equal(r.code, 0, where);
      if (range.length === 0) assert.equal(run(build, ['hexdump', '-'], { input: bytes, window }).out, want, `${where} (piped)`);
    }
    // 3 MiB: random lines, runs of zero lines across 1 MiB windows, and a tail.
    const big = Buffer.concat([next.bytes(1 << 20), Buffer.alloc((1 << 20) + 64), next.bytes(1 << 20), Buffer.alloc(48, 7), next.bytes(9)]);
    writeFiles(dir, { 'big.bin': big });
    const r = run(build, ['hexdump', 'big.bin'], { cwd: dir });
    assert.ok(r.out === systemHexdump('big.bin'), 'hexdump of 3 MiB matches hexdump -C');
    assert.ok(run(build, ['hexdump', 'big.bin', '5', '3000005'], { cwd: dir }).out === systemHexdump('big.bin', 5, 3000000));
  });
}
