// `mem array` on record formats against the Python-made vectors of
// tests/vectors/records.json (make_records_vectors.py; shared with the JS
// struct functions and record arrays): every record format in every byte
// order prints Python's values, tab-separated, under a --names header;
// invalid formats and formats of size 0 are errors (exit 2); records cross
// window boundaries; --start/--stop count records; --offset starts them at
// a byte offset; a pipe costs only the memory its bytes fill.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
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

// --offset N (SPEC §8): the records start at byte N, as after `mem slice FILE N |`
// (negative from the end, then clamped; past the end: nothing, exit 0; beyond
// int64: exit 2), with --start/--stop counting records from there. The oracle:
// the Python-made records behind junk bytes, from a file, a pipe and a
// seekable standard input, across tiny windows.
for (const build of builds) {
  test(`${build.name}: --offset starts the records at a byte offset`, () => {
    const c = vectors.records.find((r) => r.format === '<I4sHh');
    const size = c.size;
    const records = Buffer.from(c.unpack.map((u) => u.hex).join(''), 'hex');
    const junk = Buffer.from('JUNK!!!'); // 7 bytes: not a whole record
    const bytes = Buffer.concat([junk, records, Buffer.from('abc')]); // and a partial record at the end
    writeFiles(dir, { 'o.bin': bytes });
    const lines = c.unpack.map((u) => `${u.repr}\n`);
    const n = lines.length;
    const whole = run(build, ['array', c.format, 'o.bin'], { cwd: dir }).out; // from byte 0: the junk's records
    const table = [
      // [options, output]
      [['--offset', '7'], lines.join('')],
      [['--offset', '0x7', '--start', '1', '--stop', '3'], lines.slice(1, 3).join('')],
      [['--offset', '7', '--start=-2'], lines.slice(n - 2).join('')],
      [['--offset', '7', '--names', 'a,b,c,d', '--stop', '1'], `a\tb\tc\td\n${lines[0]}`],
      [[`--offset=-${3 + 2 * size}`], lines.slice(n - 2).join('')],
      [[`--offset=-${3 + 2 * size}`, '--start', '1'], lines[n - 1]],
      [['--offset', String(7 + n * size)], ''], // only the partial record is left
      [['--offset', String(bytes.length)], ''],
      [['--offset', String(bytes.length + 100)], ''],
      [['--offset', '0x7fffffffffffffff'], ''],
      [['--offset', '0x7fffffffffffffff', '--start', '0x7fffffffffffffff'], ''],
      [['--offset=-9223372036854775808'], whole], // clamped to 0
      [['--offset', '0'], whole],
    ];
    for (const window of [undefined, 5]) {
      for (const [opts, want] of table) {
        for (const how of ['file', 'pipe', 'seekable']) {
          const fd = how === 'seekable' ? openSync(join(dir, 'o.bin'), 'r') : undefined;
          try {
            const args = ['array', c.format, how === 'file' ? 'o.bin' : '-', ...opts];
            const r = run(build, args, { cwd: dir, window, input: how === 'pipe' ? bytes : undefined, stdin: fd });
            assert.equal(r.out, want, `mem ${args.join(' ')} (${how}) window=${window}: ${r.err}`);
            assert.equal(r.code, 0, `mem ${args.join(' ')} (${how})`);
          } finally {
            if (fd !== undefined) closeSync(fd);
          }
        }
      }
    }
    for (const bad of [['--offset', '0x8000000000000000'], ['--offset=-9223372036854775809'], ['--offset', '1.5'], ['--offset', '']]) {
      const r = run(build, ['array', c.format, 'o.bin', ...bad], { cwd: dir });
      assert.deepEqual([r.code, r.out], [2, ''], bad.join(' '));
      assert.match(r.err, /^mem: --offset: /, bad.join(' '));
    }
    const other = run(build, ['index', 'o.bin', 'x', '--offset', '1'], { cwd: dir });
    assert.equal(other.code, 2, '--offset belongs to array only');
  });
}

// A pipe is read as its bytes arrive: a record larger than the input reserves
// no more memory than the input fills (`echo x | mem array 100000000B -` once
// reserved 100 MB before reading a byte). Natively, ASan refuses any single
// allocation over 16 MiB; in wasm, the module's memory is measured after the
// run. Records larger than the window still read whole, from a pipe too.
const asan = builds.find((b) => b.name === 'asan');
const SMALL_HEAP = { ASAN_OPTIONS: 'allocator_may_return_null=1:max_allocation_size_mb=16:detect_leaks=1' };
const huge = ['100000000B', '2147483647B', '<2000000000s', '1000000q'];

test('asan: array on a pipe reserves only what arrives', () => {
  for (const format of huge) {
    for (const input of ['x\n', Buffer.alloc(3 << 20, 'y')]) {
      const r = run(asan, ['array', format, '-'], { input, env: SMALL_HEAP });
      assert.deepEqual([r.code, r.out, r.err], [0, '', ''], `echo ... | mem array ${format} -`);
    }
  }
});

test('wasm: array on a pipe reserves only what arrives (the module memory stays small)', () => {
  const script = `
    import { readFileSync } from 'node:fs';
    import { WASI } from 'node:wasi';
    const wasi = new WASI({ version: 'preview1', args: ['mem', ...process.argv.slice(1)], env: {}, returnOnExit: true });
    const module = new WebAssembly.Module(readFileSync(${JSON.stringify(join(root, 'dist/mem.wasm'))}));
    const instance = new WebAssembly.Instance(module, wasi.getImportObject());
    const status = wasi.start(instance);
    process.stderr.write(JSON.stringify({ status, memory: instance.exports.memory.buffer.byteLength }));`;
  for (const format of huge) {
    const r = spawnSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', script, 'array', format, '-'], { input: 'x\n' });
    const { status, memory } = JSON.parse(r.stderr.toString());
    assert.equal(status, 0, `echo x | mem array ${format} -`);
    assert.equal(r.stdout.length, 0);
    assert.ok(memory < 16 << 20, `echo x | mem array ${format} -: the module's memory grew to ${memory} bytes`);
  }
});

for (const build of builds) {
  test(`${build.name}: records larger than the window, from a pipe and a file`, () => {
    const letters = Buffer.from(Array.from({ length: (5 << 20) + 123 }, (_, i) => 97 + ((i * 7) % 26)));
    writeFiles(dir, { 'big.txt': letters });
    for (const [format, size] of [['3000000s', 3000000], ['1500000s', 1500000]]) {
      const want = [];
      for (let at = 0; at + size <= letters.length; at += size) want.push(letters.subarray(at, at + size).toString('latin1'));
      for (const [input, file] of [[letters, '-'], [undefined, 'big.txt']]) {
        for (const window of [undefined, 4096]) {
          const r = run(build, ['array', format, file], { cwd: dir, input, window });
          assert.equal(r.code, 0, r.err);
          assert.ok(r.out === want.map((w) => `${w}\n`).join(''), `mem array ${format} ${file} window=${window}`);
        }
      }
    }
  });
}
