// The package size row: what a page loads, the browser entry bundled and
// minified by esbuild, plus the library's .wasm, each gzipped at level 9
// (bundle-size.js, which the packed-tarball test uses to enforce the budget;
// this row only reports it beside the speed rows).
import { fileURLToPath } from 'node:url';
import { BUDGET, bundledSize } from './bundle-size.js';
import { budget } from './harness.js';

export function run() {
  const { total } = bundledSize(fileURLToPath(new URL('../', import.meta.url)));
  budget({ name: 'package size: gzip of the minified browser bundle + wasm-mem.wasm', bytes: total, limit: BUDGET, limitName: 'budget' });
}
