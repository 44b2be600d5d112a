// The package size row: what a page downloads, the shipped JS and the
// library's .wasm (not the CLI's mem.wasm), each gzipped at level 9 as the
// packed-tarball test measures it. That test enforces the 40 KiB budget;
// this row only reports it beside the speed rows.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { budget } from './harness.js';

export function run() {
  const dist = new URL('../dist/', import.meta.url);
  const files = [...readdirSync(new URL('js/', dist)).filter((f) => f.endsWith('.js')).map((f) => new URL(`js/${f}`, dist)), new URL('wasm-mem.wasm', dist)];
  const gz = files.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  budget({ name: `package size: gzip of dist/js/*.js (${files.length - 1}) + wasm-mem.wasm`, bytes: gz, limit: 40 * 1024, limitName: 'budget' });
}
