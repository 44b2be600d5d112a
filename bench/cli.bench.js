// The `mem` command under bin/mem.js against the system tools that do the
// same job, measured in the same run: `mem hexdump` against `xxd` (the fast
// hex dumper) and `hexdump -C` (whose layout it prints). Every command's
// output goes to /dev/null, so the rows time formatting and writing, not a
// pipe into this process; the output itself is checked once, before timing,
// byte for byte against `hexdump -C`. A peer that is not installed is
// skipped with a line saying so (xxd: Debian package xxd; hexdump:
// bsdextrautils).
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compare, quick } from './harness.js';

const mem = new URL('../bin/mem.js', import.meta.url).pathname;

/** Random bytes from xorshift32 with a fixed seed, the same in every run. */
function randomBytes(size, seed = 0x2545f491) {
  const out = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 255;
  }
  return out;
}

function installed(tool, args) {
  const r = spawnSync(tool, args, { stdio: 'ignore' });
  return !r.error;
}

function sha256Of(cmd, args) {
  const r = spawnSync(cmd, args, { maxBuffer: 1 << 30 });
  return createHash('sha256').update(r.stdout).digest('hex');
}

function hexdumps() {
  const dir = mkdtempSync(join(tmpdir(), 'wasm-mem-bench-'));
  const devNull = openSync('/dev/null', 'w');
  try {
    // The 50 MB, and a smaller file for hexdump -C, which takes seconds per call.
    const [size, label] = quick ? [8 << 20, '8 MiB (quick)'] : [50e6, '50 MB'];
    const [slowSize, slowLabel] = quick ? [1 << 20, '1 MiB (quick)'] : [8 << 20, '8 MiB'];
    const file = join(dir, 'random');
    const slowFile = join(dir, 'random-small');
    writeFileSync(file, randomBytes(size));
    writeFileSync(slowFile, randomBytes(slowSize, 7));
    const toNull = (cmd, args) => spawnSync(cmd, args, { stdio: ['ignore', devNull, 'ignore'] }).status;
    const hasHexdump = installed('hexdump', ['-C', '/dev/null']);
    if (hasHexdump) {
      // The layout, checked once outside the timing: identical text.
      for (const f of [file, slowFile]) {
        if (sha256Of(process.execPath, [mem, 'hexdump', f]) !== sha256Of('hexdump', ['-C', f])) throw new Error(`mem hexdump ${f}: differs from hexdump -C`);
      }
    }
    if (installed('xxd', ['-v'])) {
      compare({ name: `mem hexdump, ${label} random, to /dev/null`, bytes: size, ours: () => toNull(process.execPath, [mem, 'hexdump', file]), peer: () => toNull('xxd', [file]), peerName: 'xxd', check: false, expect: 0, goal: { ratio: 1 } });
    } else {
      console.log('(mem hexdump vs xxd: skipped, xxd is not installed: Debian package xxd)');
    }
    if (hasHexdump) {
      compare({ name: `mem hexdump, ${slowLabel} random, to /dev/null`, bytes: slowSize, ours: () => toNull(process.execPath, [mem, 'hexdump', slowFile]), peer: () => toNull('hexdump', ['-C', slowFile]), peerName: 'hexdump -C', check: false, expect: 0, goal: { ratio: 1 } });
    } else {
      console.log('(mem hexdump vs hexdump -C: skipped, hexdump is not installed: Debian package bsdextrautils)');
    }
  } finally {
    closeSync(devNull);
    rmSync(dir, { recursive: true, force: true });
  }
}

export function run() {
  hexdumps();
}
