// cmp, diff, rdiff, match, rmatch: fixed table, then random pairs against
// reference loops (SPEC §2's definitions) with tiny windows, files and stdin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builds, rng, run, tempDir, writeFiles } from './helpers.js';

const dir = tempDir();
writeFiles(dir, {
  'a.txt': 'hello world, hello wasm',
  'b.txt': 'hello',
  'c.txt': 'hello world, hello wasm',
  'd.txt': 'hellO world, hello wasM',
  'x.txt': 'xabcd',
  'y.txt': 'abXd',
  'empty.bin': '',
});

// [args, stdout, exit code, stderr pattern]
const table = [
  [['cmp', 'a.txt', 'b.txt'], '1\n', 1],
  [['cmp', 'b.txt', 'a.txt'], '-1\n', 1],
  [['cmp', 'a.txt', 'c.txt'], '0\n', 0],
  [['cmp', 'a.txt', 'd.txt'], '1\n', 1],
  [['cmp', 'd.txt', 'a.txt'], '-1\n', 1],
  [['cmp', 'empty.bin', 'empty.bin'], '0\n', 0],
  [['cmp', 'empty.bin', 'b.txt'], '-1\n', 1],
  [['diff', 'a.txt', 'b.txt'], '-1\n', 1, /^mem: b\.txt: ended first, after 5 bytes/],
  [['diff', 'b.txt', 'a.txt'], '-1\n', 1, /^mem: b\.txt: ended first, after 5 bytes/],
  [['diff', 'a.txt', 'c.txt'], '-1\n', 0],
  [['diff', 'a.txt', 'd.txt'], '4\n', 1],
  [['rdiff', 'a.txt', 'd.txt'], '22\n', 1],
  [['rdiff', 'x.txt', 'y.txt'], '3\n', 1],
  [['rdiff', 'a.txt', 'c.txt'], '-1\n', 0],
  [['rdiff', 'a.txt', 'b.txt'], '22\n', 1],
  [['rdiff', 'b.txt', 'a.txt'], '4\n', 1],
  [['rdiff', 'b.txt', 'empty.bin'], '-1\n', 1, /^mem: empty\.bin: ended first, after 0 bytes/],
  [['match', 'a.txt', 'd.txt'], '0\n', 0],
  [['match', 'x.txt', 'y.txt'], '-1\n', 1],
  [['match', 'empty.bin', 'a.txt'], '-1\n', 1],
  [['rmatch', 'x.txt', 'y.txt'], '4\n', 0],
  [['rmatch', 'a.txt', 'd.txt'], '21\n', 0],
  [['rmatch', 'a.txt', 'empty.bin'], '-1\n', 1],
  [['diff', '-', 'b.txt'], '-1\n', 1, /^mem: b\.txt: ended first, after 5 bytes/, 'hello world, hello wasm'],
  [['rdiff', 'x.txt', '-'], '3\n', 1, /^$/, 'abXd'],
  [['rmatch', '-', 'y.txt'], '4\n', 0, /^$/, 'xabcd'],
];

for (const build of builds) {
  for (const window of [undefined, 1, 3]) {
    test(`${build.name} window=${window ?? 'default'}: compare table`, () => {
      for (const [args, stdout, code, err = /^$/, input] of table) {
        const r = run(build, args, { cwd: dir, window, input });
        assert.equal(r.out, stdout, `mem ${args.join(' ')}: ${r.err}`);
        assert.equal(r.code, code, `mem ${args.join(' ')}: exit`);
        assert.match(r.err, err, `mem ${args.join(' ')}: stderr`);
      }
    });
  }
}

const ref = {
  diff(a, b) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return i;
    return -1;
  },
  match(a, b) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] === b[i]) return i;
    return -1;
  },
  rdiff(a, b) {
    const n = Math.min(a.length, b.length);
    for (let k = n - 1; k >= 0; k--) if (a[a.length - n + k] !== b[b.length - n + k]) return a.length - n + k;
    return -1;
  },
  rmatch(a, b) {
    const n = Math.min(a.length, b.length);
    for (let k = n - 1; k >= 0; k--) if (a[a.length - n + k] === b[b.length - n + k]) return a.length - n + k;
    return -1;
  },
  cmp: (a, b) => Buffer.compare(a, b),
};

for (const build of builds) {
  test(`${build.name}: random pairs match the reference`, () => {
    const seed = 11;
    const next = rng(seed);
    const int = (n) => Math.floor(next() * n);
    for (let round = 0; round < 10; round++) {
      const a = Buffer.from(Array.from({ length: int(40) }, () => int(3)));
      const b = Buffer.from(next() < 0.5 ? a.subarray(int(a.length + 1)) : Array.from({ length: int(40) }, () => int(3)));
      if (next() < 0.5 && b.length) b[int(b.length)] ^= 1;
      writeFiles(dir, { 'p.bin': a, 'q.bin': b });
      const window = 1 + int(6);
      for (const command of Object.keys(ref)) {
        const r = run(build, [command, 'p.bin', 'q.bin'], { cwd: dir, window });
        const want = ref[command](a, b);
        const where = `seed ${seed} round ${round} ${command} a=${a.toString('hex')} b=${b.toString('hex')} window=${window}`;
        assert.equal(r.out, `${want}\n`, where);
        const differ = command === 'cmp' ? want !== 0 : command.endsWith('diff') ? want !== -1 || a.length !== b.length : want === -1;
        assert.equal(r.code, differ ? 1 : 0, `${where}: exit`);
      }
    }
  });
}
