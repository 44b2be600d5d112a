// `mem array` on record formats against the Python-made vectors of
// tests/vectors/records.json (make_records_vectors.py; shared with the JS
// struct functions and record arrays): every record format in every byte
// order prints Python's values, tab-separated, under a --names header;
// invalid formats and formats of size 0 are errors (exit 2); records cross
// window boundaries; --start/--stop count records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builds, root, run, tempDir, writeFiles } from './helpers.js';

const dir = tempDir();
const vectors = JSON.parse(readFileSync(join(root, 'tests/vectors/records.json'), 'utf8'));
const names = (n) => Array.from({ length: n }, (_, i) => `v${i}`);

for (const build of builds) {
  test(`${build.name}: array prints every record vector as Python does`, () => {
    assert.ok(vectors.records.length >= 100, 'the vectors are all there');
    vectors.records.forEach(({ format, size, fields, unpack }, k) => {
      const bytes = Buffer.from(unpack.map((u) => u.hex).join(''), 'hex');
      assert.equal(bytes.length, size * unpack.length);
      writeFiles(dir, { 'r.bin': bytes });
      const values = fields.length; // one field per value in the vectors
      // Every other format with a header of names; records then straddle
      // windows of 7 bytes every third time.
      const header = k % 2 === 0 && values > 0;
      const args = ['array', format, 'r.bin', ...(header ? ['--names', names(values).join(',')] : [])];
      const r = run(build, args, { cwd: dir, window: k % 3 === 0 ? 7 : undefined });
      assert.equal(r.code, 0, `${JSON.stringify(format)}: ${r.err}`);
      const want = [...(header ? [names(values).join('\t')] : []), ...unpack.map((u) => u.repr)];
      assert.deepEqual(r.out.split('\n').slice(0, -1), want, `array ${JSON.stringify(format)}`);
    });
  });

  test(`${build.name}: invalid formats and formats of size 0 are errors`, () => {
    writeFiles(dir, { 'r.bin': Buffer.alloc(64, 1) });
    // A NUL cannot be passed in an argument: those vectors are for the JS side.
    const invalid = vectors.formatErrors.map((e) => e.format).filter((f) => !f.includes('\0'));
    const empty = vectors.calcsize.filter((c) => c.size === 0).map((c) => c.format);
    // Only ASCII whitespace separates items: Python refuses any non-ASCII format.
    invalid.push('<\u00a0H', 'H\u2028', '<\ufeffH', '<\u0085H');
    assert.ok(invalid.length >= 20 && empty.length >= 5);
    for (const format of [...invalid, ...empty]) {
      const r = run(build, ['array', '--', format, 'r.bin'], { cwd: dir }); // '--': '-1i' is not an option
      assert.equal(r.code, 2, `array ${JSON.stringify(format)} exits 2`);
      assert.equal(r.out, '', `array ${JSON.stringify(format)} prints nothing`);
      assert.match(r.err, /^mem: [ -~]*: bad format: [ -~]+\n$/, `array ${JSON.stringify(format)}: ${r.err}`);
    }
  });

  test(`${build.name}: --names needs one name per value; the header comes first`, () => {
    writeFiles(dir, { 'f.bin': Buffer.from([1, 0, 2, 0]), 'png.bin': Buffer.from('0000000d49484452ff01', 'hex') });
    const table = [
      // [args, code, out]
      [['array', '<HH', 'f.bin', '--names', 'a,b'], 0, 'a\tb\n1\t2\n'],
      [['array', '<H', 'f.bin', '--names', 'x'], 0, 'x\n1\n2\n'],
      [['array', '2H', 'f.bin', '--names=lo,hi'], 0, 'lo\thi\n1\t2\n'],
      [['array', '>I4s', 'png.bin', '--names', 'length,type'], 0, 'length\ttype\n13\tIHDR\n'],
      [['array', '>I4sxc', 'png.bin'], 0, '13\tIHDR\t\\x01\n'],
      [['array', '<HH', 'f.bin'], 0, '1\t2\n'],
      [['array', '<HH', 'f.bin', '--names', 'a,b', '--start', '1'], 0, 'a\tb\n'],
      [['array', '<4x', 'f.bin'], 0, '\n'], // a record with no values is an empty line
      [['array', '<HH', 'f.bin', '--names', 'a'], 2, ''],
      [['array', '<HH', 'f.bin', '--names', 'a,b,c'], 2, ''],
      [['array', '<HH', 'f.bin', '--names', ''], 2, ''],
      [['array', '<HH', 'f.bin', '--names', 'a\tb,c'], 2, ''],
      [['array', '<HH', 'missing.bin', '--names', 'a,b'], 2, ''], // no header for a file that is not there
      [['len', 'f.bin', '--names', 'a'], 2, ''],
    ];
    for (const [args, code, out] of table) {
      const r = run(build, args, { cwd: dir });
      assert.equal(r.out, out, `mem ${args.join(' ')}: ${r.err}`);
      assert.equal(r.code, code, `mem ${args.join(' ')} exit`);
      if (code === 2) assert.match(r.err, /^mem: .+\n$/);
    }
  });

  test(`${build.name}: --start/--stop count records; partial records are dropped; standard input`, () => {
    const c = vectors.records.find((r) => r.format === '<I4sHh');
    const bytes = Buffer.from(c.unpack.map((u) => u.hex).join('') + 'abcdef', 'hex'); // a partial record at the end
    writeFiles(dir, { 'r.bin': bytes });
    const lines = c.unpack.map((u) => `${u.repr}\n`);
    const n = lines.length;
    const table = [
      [['--start', '2'], lines.slice(2)],
      [['--stop', '3'], lines.slice(0, 3)],
      [['--start=-2'], lines.slice(n - 2)],
      [['--start', '1', '--stop=-1'], lines.slice(1, n - 1)],
      [['--start', '5', '--stop', '2'], []],
      [['--start', String(n)], []],
    ];
    for (const window of [undefined, 5]) {
      for (const [opts, want] of table) {
        for (const input of [undefined, bytes]) {
          const args = ['array', c.format, input ? '-' : 'r.bin', ...opts];
          const r = run(build, args, { cwd: dir, window, input });
          assert.equal(r.out, want.join(''), `mem ${args.join(' ')} window=${window}: ${r.err}`);
          assert.equal(r.code, 0);
        }
      }
    }
  });
}
