// A sparse 5 GiB file with NEEDLE past 4 GiB: offsets above 2^32 print
// exactly, counts past 2^32 (entropy of one 5 GiB block) are exact, and the
// process's peak memory (max RSS from /usr/bin/time, which scripts/setup
// installs) stays far below the file size, in both builds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, existsSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { builds, run, tempDir } from './helpers.js';

const GiB = 2 ** 30;
const size = 5 * GiB;
const at = 4831838208; // 4.5 GiB
const dir = tempDir();

function sparse(name, lastByte) {
  const fd = openSync(join(dir, name), 'w');
  try {
    ftruncateSync(fd, size);
    writeSync(fd, Buffer.from('NEEDLE'), 0, 6, at);
    writeSync(fd, Buffer.from('offsets widen at 4 GiB'), 0, 22, 2 ** 32 - 9); // hexdump lines of 8 and 9 digits
    if (lastByte) writeSync(fd, Buffer.from([lastByte]), 0, 1, size - 1);
  } finally {
    closeSync(fd);
  }
}
sparse('big.bin', 0);
sparse('big2.bin', 1); // the same but for its last byte

const timeBin = '/usr/bin/time';
const memoryLimitKiB = 256 * 1024; // 1/20 of the file; Node itself takes about 50 MiB

// Runs a build under /usr/bin/time and returns the result with its peak RSS in KiB.
function runMeasured(build, args) {
  const report = join(dir, 'rss.txt');
  const r = run({ argv: [timeBin, '-f', '%M', '-o', report, ...build.argv] }, args, { cwd: dir });
  return { ...r, rssKiB: Number(readFileSync(report, 'utf8').trim().split('\n').pop()) };
}

for (const build of builds) {
  test(`${build.name}: a 5 GiB sparse file, NEEDLE past 4 GiB`, () => {
    assert.ok(existsSync(timeBin), `${timeBin} is missing: run scripts/setup`);
    const index = runMeasured(build, ['index', 'big.bin', 'NEEDLE']);
    assert.equal(index.out, `${at}\n`, index.err);
    assert.equal(index.code, 0);
    assert.ok(index.rssKiB > 0 && index.rssKiB < memoryLimitKiB, `index peak RSS ${index.rssKiB} KiB`);

    const rindex = runMeasured(build, ['rindex', 'big.bin', 'NEEDLE']);
    assert.equal(rindex.out, `${at}\n`);
    assert.ok(rindex.rssKiB < memoryLimitKiB, `rindex peak RSS ${rindex.rssKiB} KiB`);

    assert.equal(run(build, ['len', 'big.bin'], { cwd: dir }).out, `${size}\n`);
    assert.equal(run(build, ['index', 'big.bin', 'EDL', '--start', '0x120000000'], { cwd: dir }).out, `${at + 2}\n`);
    assert.equal(run(build, ['rindex', 'big.bin', '00', '--hex', '--end', String(at + 1)], { cwd: dir }).out, `${at - 1}\n`);
    assert.equal(run(build, ['slice', 'big.bin', String(at), String(at + 6)], { cwd: dir }).out, 'NEEDLE');
    assert.deepEqual(run(build, ['slice', 'big2.bin', '--', '-3'], { cwd: dir }).stdout, Buffer.from([0, 0, 1]));
    const hex = run(build, ['hexdump', 'big.bin', String(at - 8), String(at + 40)], { cwd: dir }).out;
    assert.equal(hex, execFileSync('hexdump', ['-C', '-s', String(at - 8), '-n', '48', join(dir, 'big.bin')], { encoding: 'latin1' }));
    const wide = run(build, ['hexdump', 'big.bin', String(2 ** 32 - 80), String(2 ** 32 + 70)], { cwd: dir }).out;
    assert.equal(wide, execFileSync('hexdump', ['-C', '-s', String(2 ** 32 - 80), '-n', '150', join(dir, 'big.bin')], { encoding: 'latin1' }));

    const cmp = runMeasured(build, ['cmp', 'big.bin', 'big2.bin']);
    assert.equal(cmp.out, '-1\n');
    assert.equal(cmp.code, 1);
    assert.ok(cmp.rssKiB < memoryLimitKiB, `cmp peak RSS ${cmp.rssKiB} KiB`);
    const rdiff = run(build, ['rdiff', 'big.bin', 'big2.bin'], { cwd: dir });
    assert.equal(rdiff.out, `${size - 1}\n`);

    // One block of 5 GiB: its zero count passes 2^32 (a 32-bit count would
    // wrap to 1 GiB and give entropy 0.46...); the 28 other bytes give 1.1e-7.
    const entropy = runMeasured(build, ['entropy', 'big2.bin', '--block', String(size)]);
    assert.equal(entropy.out, '0\t0.000000\n', entropy.err);
    assert.ok(entropy.rssKiB < memoryLimitKiB, `entropy peak RSS ${entropy.rssKiB} KiB`);
  });
}
