// mem entropy against a Python oracle (math.log2 over collections.Counter,
// summed in ascending byte order as the command does), byte for byte, in
// both builds: files and pipes, every block size from 1 to larger than the
// file, blocks that straddle the reader's windows (small MEM_WINDOW), the
// last partial block, empty input; --block's limits; bounded memory.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { builds, rng, run, tempDir, writeFiles } from './helpers.js';

const dir = tempDir();

// The oracle: one line per block, OFFSET<TAB>ENTROPY with six decimals.
const oracleScript = `
import collections, math, sys
data = sys.stdin.buffer.read()
block = int(sys.argv[1])
out = []
for off in range(0, len(data), block):
    b = data[off:off + block]
    h = 0.0
    for v, c in sorted(collections.Counter(b).items()):
        p = c / len(b)
        h -= p * math.log2(p)
    out.append('%d\\t%.6f\\n' % (off, h))
sys.stdout.write(''.join(out))
`;

function oracle(bytes, block) {
  const r = spawnSync('python3', ['-c', oracleScript, String(block)], { input: bytes, encoding: 'latin1', maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

/** Runs and noise from a seeded generator: low, middle and high entropy in one file. */
function mixed(next, n) {
  const u8 = new Uint8Array(n);
  for (let i = 0; i < n; ) {
    const run = 1 + next.int(next() < 0.2 ? 5000 : 4);
    const alphabet = [1, 2, 16, 256][next.int(4)];
    for (const end = Math.min(n, i + run); i < end; i++) u8[i] = alphabet === 1 ? 0 : next.int(alphabet);
  }
  return u8;
}

const seed = 2626;
const next = rng(seed);
const all256 = Uint8Array.from({ length: 256 * 8 }, (_, i) => i % 256);
const files = {
  'empty.bin': new Uint8Array(0),
  'one.bin': Uint8Array.of(0x41),
  'zeros.bin': new Uint8Array(10000),
  'all256.bin': all256,
  'halves.bin': Uint8Array.from({ length: 4096 }, (_, i) => (i < 2048 ? 1 : 2)),
  'text.txt': Buffer.from('the quick brown fox jumps over the lazy dog\n'.repeat(300)),
  'mixed.bin': mixed(next, 300_000),
  'random.bin': next.bytes(70_001),
};
writeFiles(dir, files);

describe('mem entropy', () => {
  for (const build of builds) {
    test(`${build.name}: known values (0, 1, 8, log2 3) and the help's format`, () => {
      const out = (name, ...args) => run(build, ['entropy', name, ...args], { cwd: dir });
      assert.equal(out('zeros.bin', '--block', '10000').out, '0\t0.000000\n');
      assert.equal(out('halves.bin').out, '0\t1.000000\n');
      assert.equal(out('all256.bin', '--block', '1024').out, '0\t8.000000\n1024\t8.000000\n');
      assert.equal(out('one.bin').out, '0\t0.000000\n');
      writeFiles(dir, { 'abc.bin': 'aabbcc' });
      assert.equal(out('abc.bin', '--block', '0x6').out, '0\t1.584963\n');
      const r = out('empty.bin');
      assert.deepEqual([r.out, r.err, r.code], ['', '', 0]);
      const help = run(build, ['entropy', '--help']);
      assert.equal(help.code, 0);
      assert.match(help.out, /^mem entropy FILE \[--block N\]/);
    });

    test(`${build.name}: byte for byte as the Python oracle, files and pipes, blocks across windows (seed ${seed})`, () => {
      const cases = [
        ['mixed.bin', [undefined, 3, 64, 4097, 299_999, 300_000, 1 << 30, 2 ** 62]],
        ['random.bin', [undefined, 7, 1000]],
        ['text.txt', [1, 44, 100]],
        ['all256.bin', [1, 255, 256, 257]],
        ['empty.bin', [undefined, 1]],
      ];
      for (const [name, blocks] of cases) {
        const bytes = readFileSync(join(dir, name));
        for (const block of blocks) {
          const want = oracle(bytes, block ?? 4096);
          const args = ['entropy', name, ...(block === undefined ? [] : ['--block', String(block)])];
          // A window that is not a multiple of any block (so blocks straddle windows), tiny for small files.
          const small = bytes.length <= 20_000 ? 5 : 4093;
          for (const window of [undefined, small]) {
            const what = `${args.join(' ')} (MEM_WINDOW ${window ?? 'default'})`;
            const file = run(build, args, { cwd: dir, window });
            assert.equal(file.out, want, `${what}: ${file.err}`);
            assert.equal(file.code, 0, what);
          }
          const pipe = run(build, ['entropy', '-', ...args.slice(2)], { cwd: dir, input: bytes, window: small });
          assert.equal(pipe.out, want, `${args.join(' ')} from a pipe (MEM_WINDOW ${small}): ${pipe.err}`);
        }
      }
    });

    test(`${build.name}: --block limits: 0, negative, not a number, past 2^63 - 1 are errors (exit 2)`, () => {
      for (const [value, message] of [
        ['0', /^mem: entropy: --block must be at least 1 byte, got 0\n$/],
        ['-5', /^mem: entropy: --block must be at least 1 byte, got -5\n$/],
        ['x', /^mem: --block: bad number 'x'/],
        ['', /^mem: --block: bad number ''/],
        ['1.5', /^mem: --block: bad number '1.5'/],
        ['9223372036854775808', /^mem: --block: number '9223372036854775808' is out of range/],
      ]) {
        const r = run(build, ['entropy', 'text.txt', `--block=${value}`], { cwd: dir });
        assert.deepEqual([r.code, r.out], [2, ''], `--block=${value}`);
        assert.match(r.err, message);
      }
      const max = run(build, ['entropy', 'text.txt', '--block', '9223372036854775807'], { cwd: dir });
      assert.equal(max.out, oracle(files['text.txt'], 2 ** 53));
      for (const args of [['entropy'], ['entropy', 'a', 'b'], ['entropy', 'missing.bin'], ['entropy', '.'], ['entropy', 'text.txt', '--step', '2']]) {
        const r = run(build, args, { cwd: dir });
        assert.deepEqual([r.code, r.out], [2, ''], args.join(' '));
        assert.match(r.err, /^mem: /);
      }
    });
  }
});
