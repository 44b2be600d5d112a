// Patterns (SPEC §10): a masked pattern against the same pattern unmasked,
// findAllAny against one findAll pass per pattern, and `mem scan --magic`
// against `mem index` for one signature, all measured in this run.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Chunk, Pattern, find, findAll, findAllAny } from 'wasm-mem';
import { BIG, compare, quick } from './harness.js';
import { letterSoup, nearMiss } from './data.js';

/** `count` slices of `text` of 4..16 bytes from fixed places: each found a few times at most. */
function slices(text, count) {
  const out = [];
  let x = 12345;
  for (let k = 0; k < count; k++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const len = 4 + (x % 13);
    const at = (x >>> 4) % (text.length - len);
    out.push(Buffer.from(text.subarray(at, at + len)));
  }
  return out;
}

function count(iterable) {
  let n = 0;
  for (const _ of iterable) n++;
  return n;
}

function cliRow(bytesTotal) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'mem-bench-'));
  const file = join(dir, 'big.bin');
  // Random letters with a PNG signature near the end: every signature is searched for everywhere.
  const block = letterSoup(16 << 20);
  const fd = openSync(file, 'w');
  for (let done = 0; done < bytesTotal; done += block.length) writeSync(fd, block, 0, Math.min(block.length, bytesTotal - done));
  writeSync(fd, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 0, 8, bytesTotal - 100);
  closeSync(fd);
  const mem = (...args) => {
    const r = spawnSync(process.execPath, [join(root, 'bin/mem.js'), ...args], { maxBuffer: 1 << 26 });
    if (r.status === 2) throw new Error(r.stderr.toString());
    return r.stdout.toString().split('\n')[0].split('\t')[0];
  };
  const label = bytesTotal >= 1 << 30 ? '1 GiB' : `${bytesTotal >> 20} MiB${quick ? ' (quick)' : ''}`;
  try {
    compare({
      name: `mem scan --magic, ${label} file`,
      bytes: bytesTotal,
      ours: () => mem('scan', file, '--magic'),
      peer: () => mem('index', file, '--hex', '89 50 4e 47 0d 0a 1a 0a'),
      peerName: 'mem index (one signature)',
      check: false, // different questions: the first line of each is printed, not compared
      goal: { ratio: 0.3 },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function run() {
  const [size, label] = BIG;
  const text = letterSoup(size);
  const chunk = new Chunk(text);
  try {
    // Masked vs unmasked: a 16-byte near miss (found nowhere), three bytes wildcarded.
    const plain = nearMiss(text, 16);
    const mask = new Uint8Array(16).fill(0xff);
    mask[2] = 0;
    mask[5] = 0;
    mask[13] = 0xf0;
    const masked = new Pattern(plain, mask);
    compare({
      name: `find 16B near-miss, 3 bytes masked, ${label}, Chunk`, bytes: size,
      ours: () => find(chunk, masked), peer: () => find(chunk, plain), peerName: 'find (unmasked)',
      goal: { ratio: 0.5 },
    });
    // Many patterns in one pass vs one pass per pattern.
    for (const [n, ratio] of [[16, 4], [256, 10]]) {
      const pats = slices(text, n);
      compare({
        name: `findAllAny ${n} patterns of 4–16 bytes, ${label}, Chunk`, bytes: size,
        ours: () => count(findAllAny(chunk, pats)),
        peer: () => pats.reduce((sum, p) => sum + count(findAll(chunk, p)), 0),
        peerName: `${n} findAll passes`,
        goal: { ratio },
      });
    }
    // SPEC §10: 300 patterns take less than 5× the time of 30 over the same data.
    const p300 = slices(text, 300);
    const p30 = p300.slice(0, 30);
    compare({
      name: `findAllAny 300 patterns vs 30, ${label}, Chunk`, bytes: size,
      ours: () => count(findAllAny(chunk, p300)), peer: () => count(findAllAny(chunk, p30)), peerName: 'findAllAny 30 patterns',
      check: false, goal: { ratio: 0.2 },
    });
  } finally {
    chunk.free();
  }
  cliRow(quick ? 16 << 20 : 1 << 30);
}
