// len, slice, join, copy, --help/--version, and the errors table: exit 2, a
// one-line message naming the file, no output file left, destination unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { builds, run, tempDir, writeFiles } from './helpers.js';

const dir = tempDir();
const text = 'hello world, hello wasm';
mkdirSync(join(dir, 'sub'));
const read = (name) => readFileSync(join(dir, name), 'latin1');

function fresh() {
  writeFiles(dir, { 'a.txt': text, 'b.txt': 'hello', 'empty.bin': '', 'dest.bin': 'abcdefgh', 'out.bin': 'OLD' });
}

// Leftover temporary files would be named .NAME.mem-XXXX beside the output.
function assertNoTemp(where) {
  const left = readdirSync(dir).filter((n) => n.includes('.mem-'));
  assert.deepEqual(left, [], `${where}: temporary files left`);
}

for (const build of builds) {
  for (const window of [undefined, 2]) {
    test(`${build.name} window=${window ?? 'default'}: len, slice, join`, () => {
      fresh();
      const table = [
        [['len', 'a.txt'], '23\n'],
        [['len', 'empty.bin'], '0\n'],
        [['len', '-'], '23\n', text],
        [['slice', 'a.txt', '6', '11'], 'world'],
        [['slice', 'a.txt', '0x6', '0xb'], 'world'],
        [['slice', 'a.txt', '19'], 'wasm'],
        [['slice', 'a.txt', '--', '-4'], 'wasm'],
        [['slice', 'a.txt', '--', '-10', '-5'], 'hello'],
        [['slice', 'a.txt', '11', '6'], ''],
        [['slice', 'a.txt', '100'], ''],
        [['slice', 'a.txt', '0', '100'], text],
        [['slice', '-', '6', '11'], 'world', text],
        [['slice', '-', '--', '-4'], 'wasm', text],
        [['join', 'a.txt', 'b.txt'], text + 'hello'],
        [['join', 'b.txt', '-', 'b.txt'], 'hello!hello', '!'],
        [['join', 'empty.bin'], ''],
      ];
      for (const [args, stdout, input] of table) {
        const r = run(build, args, { cwd: dir, window, input });
        assert.equal(r.out, stdout, `mem ${args.join(' ')}: ${r.err}`);
        assert.equal(r.code, 0, `mem ${args.join(' ')}: exit`);
        assert.equal(r.err, '');
      }
      const fd = openSync(join(dir, 'a.txt'), 'r');
      try {
        assert.equal(run(build, ['len', '-'], { stdin: fd, window }).out, '23\n', 'seekable stdin');
      } finally {
        closeSync(fd);
      }
      // -o writes a new file, or replaces an old one, through a temporary file.
      { const r = run(build, ['slice', 'a.txt', '6', '11', '-o', 'new.bin'], { cwd: dir, window }); assert.equal(r.code, 0, r.err); }
      assert.equal(read('new.bin'), 'world');
      { const r = run(build, ['join', 'b.txt', 'b.txt', '-o', join(dir, 'out.bin')], { cwd: dir, window }); assert.equal(r.code, 0, r.err); }
      assert.equal(read('out.bin'), 'hellohello');
      { const r = run(build, ['join', 'out.bin', 'b.txt', '--output', 'out.bin'], { cwd: dir, window }); assert.equal(r.code, 0, r.err); }
      assert.equal(read('out.bin'), 'hellohellohello', 'OUT may also be an input');
      assertNoTemp('after -o');
    });

    test(`${build.name} window=${window ?? 'default'}: copy`, () => {
      // [args, DEST afterwards, stdin]
      const table = [
        [['copy', 'b.txt', 'dest.bin'], 'hellofgh'],
        [['copy', 'b.txt', 'dest.bin', '--at', '3'], 'abchello'],
        [['copy', 'b.txt', 'dest.bin', '--at=-5'], 'abchello'],
        [['copy', 'b.txt', 'dest.bin', '--at', '6', '--grow'], 'abcdefhello'],
        [['copy', 'b.txt', 'dest.bin', '--at', '10', '--grow'], 'abcdefgh\0\0hello'],
        [['copy', 'empty.bin', 'dest.bin', '--at', '8'], 'abcdefgh'],
        [['copy', '-', 'dest.bin', '--at', '1'], 'aXYdefgh', 'XY'],
        [['copy', 'dest.bin', 'dest.bin', '--at', '3', '--grow'], 'abcabcdefgh'], // overlapping, like memmove
        [['copy', 'dest.bin', 'dest.bin', '--at', '0'], 'abcdefgh'],
      ];
      for (const [args, after, input] of table) {
        fresh();
        const r = run(build, args, { cwd: dir, window, input });
        assert.equal(r.code, 0, `mem ${args.join(' ')}: ${r.err}`);
        assert.equal(r.out + r.err, '');
        assert.equal(read('dest.bin'), after, `mem ${args.join(' ')}`);
      }
      // A seekable stdin starts at its current offset: here SRC is DEST's own
      // tail, copied onto its front (the forward, memmove-safe direction).
      fresh();
      const fd = openSync(join(dir, 'dest.bin'), 'r');
      try {
        readSync(fd, Buffer.alloc(3), 0, 3, null);
        const r = run(build, ['copy', '-', 'dest.bin'], { cwd: dir, stdin: fd, window });
        assert.equal(r.code, 0, r.err);
        assert.equal(read('dest.bin'), 'defghfgh');
      } finally {
        closeSync(fd);
      }
    });
  }

  test(`${build.name}: --help and --version`, () => {
    const help = run(build, ['--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /^usage: mem COMMAND/);
    for (const command of ['index', 'rindex', 'cmp', 'diff', 'rdiff', 'match', 'rmatch', 'len', 'copy', 'slice', 'join', 'array', 'hexdump']) {
      const r = run(build, [command, '--help']);
      assert.equal(r.code, 0, command);
      assert.ok(r.out.startsWith(`mem ${command} `), `${command} --help: ${r.out}`);
    }
    const version = run(build, ['--version']);
    assert.equal(version.code, 0);
    assert.match(version.out, /^mem \d+\.\d+\.\d+\n$/);
  });

  test(`${build.name}: errors exit 2 with one line naming the file`, () => {
    fresh();
    // [args, stderr pattern]
    const table = [
      [['index', 'missing.bin', 'x'], /^mem: missing\.bin: No such file or directory\n$/],
      [['len', 'sub'], /^mem: sub: Is a directory\n$/],
      [['cmp', 'a.txt', 'missing.bin'], /^mem: missing\.bin: /],
      [['hexdump', 'sub'], /^mem: sub: /],
      [['array', '<n', 'a.txt'], /^mem: <n: bad format: n, N and P exist only in native mode/],
      [['array', '<3', 'a.txt'], /^mem: <3: bad format: a repeat count needs a type code/],
      [['array', 'i<', 'a.txt'], /^mem: i<: bad format: a byte-order character may only be/],
      [['array', 'hz', 'a.txt'], /^mem: hz: bad format: unknown type code/],
      [['array', '', 'a.txt'], /^mem: : bad format: its records are 0 bytes long/],
      [['array', '<H\nz', 'a.txt'], /^mem: <H\\x0az: bad format: unknown type code/], // one line, whatever the format holds
      [['index', 'a.txt', 'x', '--start', '12z'], /^mem: --start: bad number '12z'/],
      [['index', 'a.txt', 'x', '--end', '0x'], /^mem: --end: bad number/],
      [['index', 'a.txt', 'x', '--start', '99999999999999999999'], /^mem: --start: number .* out of range/],
      [['slice', 'a.txt', 'one'], /^mem: START: bad number 'one'/],
      [['index', 'a.txt', 'x', '--step', '0'], /^mem: --step: must be an integer >= 1, got 0/],
      [['index', 'a.txt', ''], /^mem: PATTERN: the pattern is empty/],
      [['index', 'a.txt', ' ', '--hex'], /^mem: PATTERN: the pattern is empty/],
      [['index', 'a.txt', 'abc', '--hex'], /^mem: PATTERN: odd number of hex digits/],
      [['index', 'a.txt', 'zz', '--hex'], /^mem: PATTERN: 'z' is not a hex digit/],
      [['index', 'a.txt'], /^mem: index: missing operands/],
      [['len', 'a.txt', 'b.txt'], /^mem: len: too many operands/],
      [['index', 'a.txt', 'x', '--grow'], /^mem: index: option --grow does not apply/],
      [['index', 'a.txt', 'x', '--bogus'], /^mem: index: unknown option '--bogus'/],
      [['index', 'a.txt', 'x', '--start'], /^mem: index: option '--start' needs a value/],
      [['frobnicate'], /^mem: frobnicate: unknown command/],
      [['copy', 'a.txt', 'missing.bin'], /^mem: missing\.bin: No such file or directory/],
      [['copy', 'a.txt', 'dest.bin'], /^mem: dest\.bin: a\.txt \(23 bytes\) at offset 0 would pass the end \(size 8\); nothing written/],
      [['copy', 'b.txt', 'dest.bin', '--at', '4'], /^mem: dest\.bin: .* would pass the end/],
      [['copy', 'b.txt', 'dest.bin', '--at=-9', '--grow'], /^mem: dest\.bin: --at -9 is before the start/],
      [['cmp', '-', '-'], /^mem: -: standard input can be only one/],
      [['slice', 'a.txt', '0', '-o', '/dev/full'], /^mem: \/dev\/full: No space left on device\n$/],
      [['join', 'a.txt', '-o', '/dev/full'], /^mem: \/dev\/full: No space left on device\n$/],
      [['join', 'a.txt', 'missing.bin', '-o', 'out.bin'], /^mem: missing\.bin: /],
      [['slice', 'missing.bin', '0', '-o', 'out.bin'], /^mem: missing\.bin: /],
      [['slice', 'a.txt', '0', '-o', 'sub'], /^mem: sub: Is a directory/],
      [['slice', 'a.txt', '0', '-o', 'nodir/x.bin'], /^mem: nodir\/x\.bin: cannot create a temporary file beside it/],
    ];
    for (const [args, err] of table) {
      const r = run(build, args, { cwd: dir });
      const where = `mem ${args.join(' ')}`;
      assert.equal(r.code, 2, `${where}: exit (${r.err})`);
      assert.match(r.err, err, where);
      assert.equal(r.err.split('\n').length, 2, `${where}: one line`);
      assert.equal(read('dest.bin'), 'abcdefgh', `${where}: dest unchanged`);
      assert.equal(read('out.bin'), 'OLD', `${where}: OUT unchanged`);
      assertNoTemp(where);
    }
    assert.equal(existsSync(join(dir, 'nodir')), false);
    // Standard output on a full device is an error too, not a silent loss.
    const full = openSync('/dev/full', 'w');
    try {
      const r = run(build, ['len', 'a.txt'], { cwd: dir, stdout: full });
      assert.equal(r.code, 2);
      assert.match(r.err, /^mem: standard output: No space left on device\n$/);
    } finally {
      closeSync(full);
    }
  });

  test(`${build.name}: unreadable file`, { skip: process.getuid?.() === 0 && 'root reads anything' }, () => {
    writeFiles(dir, { 'secret.bin': 'x' });
    chmodSync(join(dir, 'secret.bin'), 0);
    const r = run(build, ['len', 'secret.bin'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.err, /^mem: secret\.bin: Permission denied/);
  });
}
