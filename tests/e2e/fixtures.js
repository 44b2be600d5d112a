// Fixture files for the end-to-end tests, generated from fixed seeds into a
// temporary directory: random bytes with planted patterns (some aligned on
// the test's step, some not), and a second file that differs from the first
// in known places and is longer.
import { mkdtempSync, writeFileSync, openSync, writeSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rng } from '../lib/random.js';

/** mulberry32: small, fast, reproducible. */

export const SEED = 0x5eed10;
export const NEEDLE = 'NEEDLE';

export function makeFixtures() {
  const dir = mkdtempSync(join(tmpdir(), 'wasm-mem-e2e-'));
  const next = rng(SEED);
  // A: 96 KiB of random bytes from a small alphabet (so short patterns also
  // occur by chance), NEEDLE planted at offsets of every residue mod 8.
  const a = Buffer.alloc(96 * 1024);
  for (let i = 0; i < a.length; i++) a[i] = 0x40 + Math.floor(next() * 24);
  for (const at of [1003, 5000, 20485, 40963, 40990, 65536 + 7, 70000, 90001]) a.write(NEEDLE, at, 'latin1');
  // B: A with a few changed runs, and 100 bytes more at the end.
  const b = Buffer.concat([a, Buffer.alloc(100, 0x2a)]);
  for (const [at, len] of [[17, 1], [4096, 3], [30000, 16], [77777, 2], [98000, 5]]) {
    for (let k = 0; k < len; k++) b[at + k] ^= 0xff;
  }
  const files = { dir, a: join(dir, 'a.bin'), b: join(dir, 'b.bin'), aBytes: a, bBytes: b };
  writeFileSync(files.a, a);
  writeFileSync(files.b, b);
  files.cleanup = () => rmSync(dir, { recursive: true, force: true });
  return files;
}

/**
 * A large file: `size` bytes of a repeating 64-byte text block that never
 * holds the needle, with the needle planted at `at` (each of them, when an
 * array). Written in 8 MiB pieces.
 */
export function makeBigFile(dir, size, needle, at, name = 'big.bin') {
  const path = join(dir, name);
  const block = Buffer.alloc(8 << 20);
  const unit = Buffer.from('the quick brown fox jumps over the lazy dog 0123456789 abcdefgh\n', 'latin1');
  for (let i = 0; i < block.length; i += unit.length) unit.copy(block, i);
  const fd = openSync(path, 'w');
  try {
    for (let pos = 0; pos < size; pos += block.length) writeSync(fd, block, 0, Math.min(block.length, size - pos), pos);
    for (const pos of [at].flat()) writeSync(fd, Buffer.from(needle, 'latin1'), 0, needle.length, pos);
  } finally {
    closeSync(fd);
  }
  return path;
}
