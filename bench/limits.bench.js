// The search and compare kernels at the limits of SIMD128, each row against
// a peer measured in the same run: Node's AVX2 memchr/memcmp behind
// Buffer.indexOf/compare, our own memchr-style SIMD128 loop (a one-byte
// find: one load and two operations per 16 bytes, the kernel's ceiling), a
// JS loop, and ripgrep for `mem index` on a file. Where a row against Node
// misses because AVX2 is 32 bytes wide to SIMD128's 16, the row against our
// memchr-style loop shows how much of the gap is the hardware's.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chunk, cmp, diff, find, rfind } from 'wasm-mem';
import { BIG, compare, quick } from './harness.js';
import { absent, letterSoup, nearMiss } from './data.js';

const IN_CACHE = [256 << 10, '256 KiB'];
const MEMCHR = 'ours, memchr-style SIMD128 (1-byte find)';

/** Searches where the pattern's first byte never occurs, and near misses, against Node and our memchr-style loop. */
function searches() {
  for (const [size, label] of [IN_CACHE, BIG]) {
    const text = letterSoup(size);
    const chunk = new Chunk(text);
    const inCache = size === IN_CACHE[0];
    const byte = absent(1)[0];
    compare({ name: `find 1 byte (absent), ${label}, Chunk: memchr-style SIMD128`, bytes: size, ours: () => find(chunk, byte), peer: () => text.indexOf(byte), peerName: 'Buffer.indexOf (AVX2 memchr)' });
    const forward = {};
    for (const [fn, ours, peer, peerName] of [['find', find, 'indexOf', 'Buffer.indexOf'], ['rfind', rfind, 'lastIndexOf', 'Buffer.lastIndexOf']]) {
      const pat = absent(16);
      const row = compare({
        name: `${fn} 16B absent first byte, ${label}, Chunk`, bytes: size, ours: () => ours(chunk, pat), peer: () => text[peer](pat), peerName,
        goal: fn === 'find' ? { ratio: inCache ? 0.5 : 0.9 } : { ratio: inCache ? 0.5 : 0.9, within: 0.1, of: forward.absent, label: 'find' },
      });
      forward.absent ??= row;
      if (!inCache) continue;
      // The kernel's own limit: the same bytes scanned by our one-byte loop.
      compare({ name: `${fn} 16B absent first byte, ${label}, Chunk`, bytes: size, ours: () => ours(chunk, pat), peer: () => find(chunk, byte), peerName: MEMCHR, check: false, expect: -1, goal: { ratio: 0.8 } });
      const near = nearMiss(text, 16, fn === 'rfind');
      const nearRow = compare({
        name: `${fn} 16B near-miss, ${label}, Chunk`, bytes: size, ours: () => ours(chunk, near), peer: () => find(chunk, byte), peerName: MEMCHR, check: false, expect: -1,
        goal: fn === 'find' ? { ratio: 0.8 } : { ratio: 0.8, within: 0.1, of: forward.near, label: 'find' },
      });
      forward.near ??= nearRow;
    }
    chunk.free();
  }
}

/** diff against a JS loop and cmp against Buffer.compare, 4 MiB and 64 KiB. */
function compares() {
  for (const [size, label] of [[4 << 20, '4 MiB'], [64 << 10, '64 KiB']]) {
    const text = letterSoup(size);
    const other = Buffer.from(text);
    other[size - 1] ^= 1;
    const a = new Chunk(text);
    const b = new Chunk(other);
    const jsDiff = () => {
      for (let i = 0; i < text.length; i++) if (text[i] !== other[i]) return i;
      return -1;
    };
    if (size > 1 << 20) compare({ name: `diff equal-but-last, ${label}, Chunks`, bytes: size, ours: () => diff(a, b), peer: jsDiff, peerName: 'JS loop', goal: { ratio: 10 } });
    compare({ name: `cmp equal-but-last, ${label}, Chunks`, bytes: size, ours: () => cmp(a, b), peer: () => Buffer.compare(text, other), peerName: 'Buffer.compare (AVX2 memcmp)', goal: { ratio: size > 1 << 20 ? 0.95 : 0.8 } });
    a.free();
    b.free();
  }
}

/** `mem index` under bin/mem.js on a file in the page cache, pattern absent, against ripgrep. */
function cliIndex() {
  const rg = spawnSync('rg', ['--version']);
  if (rg.error || rg.status !== 0) {
    console.log('(mem index vs rg -c -F: skipped, ripgrep is not installed: scripts/setup installs it)');
    return;
  }
  const [size, label] = quick ? [64 << 20, '64 MiB (quick)'] : [1 << 30, '1 GiB'];
  const dir = mkdtempSync(join(tmpdir(), 'wasm-mem-bench-'));
  try {
    const file = join(dir, 'text');
    const block = letterSoup(1 << 20);
    const fd = openSync(file, 'w');
    for (let n = 0; n < size; n += block.length) writeSync(fd, block);
    closeSync(fd);
    const pat = 'ZZZZZZZZ';
    const mem = new URL('../bin/mem.js', import.meta.url).pathname;
    const run = (cmd, args) => spawnSync(cmd, args, { encoding: 'utf8' }).stdout.trim();
    // Both print a line and exit 1: `mem index` "-1" (not found), rg -c nothing (no line matched).
    compare({ name: `mem index, ${label} file in page cache, absent`, bytes: size, ours: () => run(process.execPath, [mem, 'index', file, pat]), peer: () => run('rg', ['-c', '-F', pat, file]), peerName: 'rg -c -F', check: false, expect: '-1', goal: { ratio: 0.8 } });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function run() {
  searches();
  compares();
  cliIndex();
}
