// The signature scan of issue 28: `mem scan --magic` (under bin/mem.js)
// against binwalk on random bytes with 12 real files embedded
// (tests/vectors/make_embedded.py, seed 28: PNG, gzip, ZIP, ELF, PE, JPEG,
// tar, bzip2, xz, SQLite, WAV, MP3 with ID3). The row's name says what each
// found: files found at their offsets, and false positives (lines in the
// random bytes between the files; lines inside a file, such as a PNG's zlib
// stream, count as neither). Ours is timed best of 3, binwalk once (it takes
// seconds); a missing binwalk (Debian package binwalk) is said in one line.
// The outputs are checked before the timing: every file found by ours, at
// most 2 false positives.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, printRow } from './goals.js';
import { quick, rows } from './harness.js';
import { makeEmbedded, score } from '../tests/lib/magic.js';

const mem = new URL('../bin/mem.js', import.meta.url).pathname;

/** Runs cmd, returns [offsets it printed, nanoseconds]. */
function timed(cmd, args, parse) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'latin1', maxBuffer: 1 << 28 });
  const ns = Number(process.hrtime.bigint() - t0);
  if (r.error || r.status === 2) throw new Error(`${cmd}: ${r.error ?? r.stderr}`);
  return [parse(r.stdout), ns];
}

const memOffsets = (out) => out.split('\n').filter(Boolean).map((l) => Number(l.split('\t')[0]));
// binwalk's table: DECIMAL HEXADECIMAL DESCRIPTION, after a header.
const binwalkOffsets = (out) => [...out.matchAll(/^(\d+)\s+0x[0-9A-F]+\s/gm)].map((m) => Number(m[1]));

export function run() {
  const [size, label] = quick ? [8e6, '8 MB (quick)'] : [50e6, '50 MB'];
  const dir = mkdtempSync(join(tmpdir(), 'mem-bench-sig-'));
  try {
    const file = join(dir, 'embedded.bin');
    const placed = makeEmbedded(file, size, 28);
    let ours = Infinity;
    let oursScore;
    for (let k = 0; k < 3; k++) {
      const [offsets, ns] = timed(process.execPath, [mem, 'scan', file, '--magic'], memOffsets);
      oursScore = score(placed, offsets);
      ours = Math.min(ours, ns);
    }
    if (oursScore.found !== placed.length || oursScore.falsePositives > 2) {
      throw new Error(`mem scan --magic: found ${oursScore.found} of ${placed.length}, ${oursScore.falsePositives} false positives`);
    }
    const say = (s) => `found ${s.found}/${placed.length}, ${s.falsePositives} false positive${s.falsePositives === 1 ? '' : 's'}`;
    const hasBinwalk = !spawnSync('binwalk', ['--help'], { stdio: 'ignore' }).error;
    if (!hasBinwalk) {
      console.log(`(mem scan --magic, ${label} random + ${placed.length} files: ${say(oursScore)}, ${(ours / 1e9).toFixed(2)} s; binwalk: skipped, not installed: Debian package binwalk)`);
      return;
    }
    const [offsets, peer] = timed('binwalk', [file], binwalkOffsets);
    const peerScore = score(placed, offsets);
    const row = {
      name: `mem scan --magic, ${label} random + ${placed.length} files: ours ${say(oursScore)}; binwalk ${say(peerScore)}`,
      peerName: 'binwalk',
      unit: 'GB/s',
      ours: size / ours,
      peer: size / peer,
      ratio: peer / ours,
      found: { ours: oursScore.found, binwalk: peerScore.found, of: placed.length },
      falsePositives: { ours: oursScore.falsePositives, binwalk: peerScore.falsePositives },
      seconds: { ours: ours / 1e9, binwalk: peer / 1e9 },
    };
    Object.assign(row, evaluate(row, { ratio: 5 }));
    rows.push(row);
    printRow(row);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
